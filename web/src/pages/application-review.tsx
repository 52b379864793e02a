import { useState } from 'preact/hooks';
import { get, post, type Page as ApiPage } from '../api/client';
import type { ApplicationEligibility } from '../../../shared/applications/schemas';
import type { ApplicantView, StaffApplicationView } from '../../../shared/applications/views';
import type { UserView } from '../../../shared/accounts/schemas';
import { ConfirmButton, ConfirmDialog } from '../components/confirm';
import { ErrorSummary, Form, Select, SubmitButton, TextArea } from '../components/form';
import { Badge, Loaded, Section } from '../components/page';
import { Notice } from '../components/widgets';
import { useApi, useForm, useMe } from '../hooks';
import { formatDateTime } from '../i18n/format';
import { eligibilityLabels, eligibilityTone } from '../i18n/labels';

/** Staff members by id, for showing names (the users list; empty if it cannot be read). */
export function useStaffNames() {
  return useApi(
    (signal) =>
      get<ApiPage<UserView>>('/users', { role: 'staff', limit: 100 }, signal).then(
        (p) => p.items.filter((u) => u.status === 'active'),
        () => [] as UserView[],
      ),
    [],
  );
}

/**
 * Designating a reviewer by name (any active staff member, not only oneself) and declaring a conflict of
 * interest, which removes the caller from the application's review for good.
 */
export function ReviewerAssignment(props: { app: StaffApplicationView; onDone: () => void }) {
  const me = useMe();
  const a = props.app;
  const staff = useStaffNames();
  const [notice, setNotice] = useState<string | null>(null);
  const assign = useForm<{ reviewerUserId: string }>(null, { reviewerUserId: '' });
  const inReview = a.status === 'submitted' || a.status === 'under_review';
  const nameOf = (userId: string) => a.userNames[userId] ?? staff.data?.find((u) => u.userId === userId)?.displayName ?? (userId === me.userId ? (me.displayName ?? 'vous') : 'Membre de l’équipe');
  const candidates = (staff.data ?? []).filter((u) => !a.reviewerUserIds.includes(u.userId) && !a.recusedUserIds.includes(u.userId));
  const onAssign = async () => {
    setNotice(null);
    const reviewerUserId = assign.values.reviewerUserId;
    const done = await assign.submit(() => post(`/applications/${a.applicationId}/reviewers`, { reviewerUserId }), ['reviewerUserId']);
    if (done) {
      assign.clear();
      setNotice(`Évaluation confiée à ${nameOf(reviewerUserId)}.`);
      props.onDone();
    }
  };
  if (!inReview) return null;
  return (
    <Section title="Évaluateurs et conflits d’intérêts">
      <Notice message={notice} />
      <p>
        Évaluateurs désignés : {a.reviewerUserIds.length ? a.reviewerUserIds.map(nameOf).join(', ') : 'aucun'}.
        {a.recusedUserIds.length > 0 && <> Conflit d’intérêts déclaré par : {a.recusedUserIds.map(nameOf).join(', ')}.</>}
      </p>
      <Form onSubmit={onAssign} label="Désigner un évaluateur">
        <ErrorSummary messages={assign.formError} />
        <Select
          name="reviewerUserId"
          label="Désigner un évaluateur"
          required
          placeholder={candidates.length ? 'Choisir un membre de l’équipe' : 'Aucun autre membre disponible'}
          value={assign.values.reviewerUserId}
          onChange={(v) => assign.set('reviewerUserId', v)}
          options={candidates.map((u) => ({ value: u.userId, label: u.userId === me.userId ? `${u.displayName} (moi)` : u.displayName }))}
          errors={assign.errors}
        />
        <SubmitButton busy={assign.submitting}>Désigner</SubmitButton>
      </Form>
      {!a.recusedByYou && <Recusal app={a} onDone={props.onDone} />}
    </Section>
  );
}

function Recusal(props: { app: StaffApplicationView; onDone: () => void }) {
  const a = props.app;
  const form = useForm(`recusal-${a.applicationId}`, { reason: '' });
  const [asking, setAsking] = useState(false);
  const confirm = async () => {
    const done = await form.submit(() => post(`/applications/${a.applicationId}/recusal`, { reason: form.values.reason }), ['reason']);
    setAsking(false);
    if (done) {
      form.clear();
      props.onDone();
    }
  };
  return (
    <>
      <Form onSubmit={() => setAsking(true)} label="Déclarer un conflit d’intérêts">
        <h3>Déclarer un conflit d’intérêts</h3>
        <ErrorSummary messages={form.formError} />
        <TextArea name="reason" label="Motif du conflit d’intérêts" hint="Par exemple : ancienne salariée de la structure." required value={form.values.reason} onInput={(v) => form.set('reason', v)} errors={form.errors} rows={2} />
        <SubmitButton busy={form.submitting}>Me déporter de cette candidature</SubmitButton>
      </Form>
      <ConfirmDialog open={asking} title="Vous déporter de cette candidature ?" confirmLabel="Me déporter" danger busy={form.submitting} onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>
          Vous ne pourrez plus noter ni décider la candidature de {a.structure.name} ; votre note éventuelle sort de la moyenne et les notes privées vous seront masquées. Ce déport est définitif.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** The eligibility saved with the application (as checked at its last change), and when. */
export function SavedEligibility(props: { applicationId: string; version: number }) {
  const eligibility = useApi((signal) => get<ApplicationEligibility>(`/applications/${props.applicationId}/eligibility`, undefined, signal), [props.applicationId, props.version]);
  return (
    <Loaded resource={eligibility} inline label="l’éligibilité enregistrée">
      {(e) => (
        <div>
          <Badge tone={eligibilityTone[e.status]}>{eligibilityLabels[e.status]}</Badge> — vérifiée le {formatDateTime(e.checkedAt)} (critères de la version {e.criteriaVersion})
          {e.reasons.length > 0 && (
            <ul>
              {e.reasons.map((r) => (
                <li key={`${r.criterionId}-${r.code}`}>{r.reason}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Loaded>
  );
}

/** The applicant withdraws her application: final, and said so with what it frees. */
export function WithdrawApplication(props: { app: ApplicantView; onDone: (a: ApplicantView) => void }) {
  const a = props.app;
  if (a.status === 'withdrawn' || a.decisionPublishedAt) return null;
  return (
    <Section title="Retirer la candidature">
      <p>Vous pouvez retirer votre candidature tant que la décision n’est pas publiée.</p>
      <ConfirmButton
        label="Retirer ma candidature"
        title={`Retirer la candidature de ${a.structure.name} ?`}
        confirmLabel="Retirer définitivement"
        danger
        consequence={
          <p>
            {a.status === 'draft' ? 'Le brouillon ne pourra plus être déposé.' : 'L’équipe Ansa cessera son examen.'} Le retrait est définitif : pour candidater de nouveau à cet appel, il faudrait une nouvelle candidature.
          </p>
        }
        action={async () => props.onDone(await post<ApplicantView>(`/applications/${a.applicationId}/withdraw`))}
      />
    </Section>
  );
}
