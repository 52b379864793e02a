import { useState } from 'preact/hooks';
import { del, get, put, type Page as ApiPage } from '../api/client';
import type { EssaimeView, Need } from '../../../shared/essaimes/schemas';
import type { Axis } from '../../../shared/programme/axes';
import type { AssignmentEvent } from '../../../shared/tutoring/schemas';
import type { TutorAssignmentView, TutoringEssaimeView } from '../../../shared/tutoring/views';
import { ConfirmButton } from '../components/confirm';
import { ErrorSummary, Form, NumberField, SubmitButton, TextArea } from '../components/form';
import { Badge, Empty, Loaded, Section } from '../components/page';
import { Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { formatDateTime, formatDecimal } from '../i18n/format';
import { axisLabels } from '../i18n/labels';
import { Link } from '../router';
import { useStaffNames } from './application-review';
import { useTutors } from './sessions';

const axes = Object.keys(axisLabels) as Axis[];
const kindLabels: Record<AssignmentEvent['kind'], string> = { confirmed: 'Suggestion confirmée', overridden: 'Autre tuteur choisi', reassigned: 'Réassignation', released: 'Fin du tutorat' };

/** The essaimé's tutor by name, its needs (staff edit them), the end of the tutoring and the assignment history. */
export function EssaimeTutoringSection(props: { essaime: EssaimeView; onChanged: () => void }) {
  const me = useMe();
  const e = props.essaime;
  const tutoring = useApi((signal) => get<TutoringEssaimeView>(`/tutoring/essaimes/${e.essaimeId}`, undefined, signal), [e.essaimeId, e.version]);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Section title="Tutorat">
      <Notice message={notice} />
      <Loaded resource={tutoring} inline label="le tutorat">
        {(t) => (
          <>
            <p>
              Tuteur A.CO.R. :{' '}
              {t.tutor ? (
                me.role === 'staff' ? (
                  <Link href={`/tutorat/tuteurs/${t.tutor.userId}`}>{t.tutor.displayName ?? 'Tuteur A.CO.R.'}</Link>
                ) : (
                  <strong>{t.tutor.displayName ?? 'Tuteur A.CO.R.'}</strong>
                )
              ) : (
                <Badge tone="warning">À assigner</Badge>
              )}
            </p>
            {me.role === 'staff' && t.tutor && (
              <ConfirmButton
                label="Mettre fin au tutorat"
                class="button secondary"
                danger
                title={`Mettre fin au tutorat de ${t.tutor.displayName ?? 'ce tuteur'} pour ${t.structureName} ?`}
                confirmLabel="Mettre fin au tutorat"
                consequence={<p>Les demandes ouvertes de la structure seront closes (les échanges restent consultables), le référent sera prévenu et le tuteur retrouvera une place. Un autre tuteur pourra ensuite être assigné depuis la page Tutorat.</p>}
                action={async () => {
                  const r = await del<TutorAssignmentView>(`/essaimes/${e.essaimeId}/tutor`);
                  setNotice(`Tutorat terminé pour ${r.essaime.structureName}.`);
                  props.onChanged();
                }}
              />
            )}
            {me.role === 'staff' && <NeedsEditor view={t} onSaved={(v) => { tutoring.set(v); setNotice('Besoins enregistrés.'); props.onChanged(); }} />}
            {me.role === 'staff' && <AssignmentHistory essaimeId={e.essaimeId} refresh={e.version} />}
          </>
        )}
      </Loaded>
    </Section>
  );
}

function NeedsEditor(props: { view: TutoringEssaimeView; onSaved: (v: TutoringEssaimeView) => void }) {
  const v = props.view;
  const initial = Object.fromEntries(
    axes.flatMap((a) => {
      const n = v.needs.find((x) => x.axis === a);
      return [
        [`${a}.priority`, n ? String(n.priority) : ''],
        [`${a}.description`, n?.description ?? ''],
      ];
    }),
  ) as Record<string, string>;
  const form = useForm(`needs-${v.essaimeId}-${v.version}`, initial);
  const onSubmit = async () => {
    const needs: Need[] = axes
      .filter((a) => form.values[`${a}.priority`]?.trim())
      .map((a) => ({ axis: a, priority: Number(form.values[`${a}.priority`]), description: form.values[`${a}.description`] ?? '' }));
    const fields = axes.flatMap((_, i) => [`needs.${i}.priority`, `needs.${i}.description`]);
    const saved = await form.submit(() => put<TutoringEssaimeView>(`/essaimes/${v.essaimeId}/needs`, { expectedVersion: v.version, needs }), [...fields, 'needs']);
    if (saved) {
      form.clear();
      props.onSaved(saved);
    }
  };
  return (
    <details class="needs-editor">
      <summary>Modifier les besoins de la structure</summary>
      <Form onSubmit={onSubmit} label="Besoins de la structure">
        <p class="hint">Priorité de 1 (la plus forte) à 5 ; laissez la priorité vide pour un axe sans besoin.</p>
        <ErrorSummary messages={form.formError} errors={form.errors} />
        {axes.map((a) => (
          <fieldset key={a} class="fieldset">
            <legend>{axisLabels[a]}</legend>
            <div class="grid">
              <NumberField name={`${a}.priority`} label="Priorité" min={1} max={5} value={form.values[`${a}.priority`] ?? ''} onInput={(x) => form.set(`${a}.priority`, x)} errors={form.errors} />
              <TextArea name={`${a}.description`} label="Précisions" rows={2} value={form.values[`${a}.description`] ?? ''} onInput={(x) => form.set(`${a}.description`, x)} errors={form.errors} />
            </div>
          </fieldset>
        ))}
        <SubmitButton busy={form.submitting}>Enregistrer les besoins</SubmitButton>
      </Form>
    </details>
  );
}

function AssignmentHistory(props: { essaimeId: string; refresh: number }) {
  const list = usePagedApi((cursor, signal) => get<ApiPage<AssignmentEvent>>(`/essaimes/${props.essaimeId}/tutor-assignments`, { cursor, limit: 10 }, signal), [props.essaimeId, props.refresh]);
  const tutors = useTutors();
  const staff = useStaffNames();
  const tutor = (id: string | null) => (id ? (tutors.data?.find((t) => t.userId === id)?.displayName ?? 'Tuteur A.CO.R.') : '—');
  const staffName = (id: string) => staff.data?.find((u) => u.userId === id)?.displayName ?? 'Équipe Ansa';
  return (
    <>
      <h3>Historique des assignations</h3>
      <Loaded resource={list} inline>
        {(page) =>
          page.items.length ? (
            <>
              <Table
                caption="Historique des assignations de tuteur"
                captionHidden
                rows={page.items}
                rowKey={(a) => a.assignmentId}
                columns={[
                  { key: 'at', label: 'Date', render: (a) => formatDateTime(a.at) },
                  { key: 'kind', label: 'Décision', render: (a) => kindLabels[a.kind] },
                  { key: 'tutor', label: 'Tuteur', render: (a) => (a.kind === 'released' ? tutor(a.previousTutorUserId) : tutor(a.tutorUserId)) },
                  { key: 'proposed', label: 'Suggéré', render: (a) => (a.proposedTutorUserId ? `${tutor(a.proposedTutorUserId)}${a.score !== null ? ` (score ${formatDecimal(a.score)})` : ''}` : '—') },
                  { key: 'reason', label: 'Motif', render: (a) => a.reason || '—' },
                  { key: 'by', label: 'Par', render: (a) => staffName(a.decidedBy) },
                ]}
              />
              <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
            </>
          ) : (
            <Empty>Aucune assignation pour l’instant.</Empty>
          )
        }
      </Loaded>
    </>
  );
}
