import { useState } from 'preact/hooks';
import type { ApplicantView as Application } from '../../../../shared/applications/views';
import type { CallView } from '../../../../shared/calls/schemas';
import type { Hypothesis } from '../../../../shared/seasons/schemas';
import { ApiError, patch, post } from '../../api/client';
import { Attachments } from '../../components/attachments';
import { ConfirmDialog } from '../../components/confirm';
import { Form, SubmitButton } from '../../components/form';
import { Badge, Section } from '../../components/page';
import { Notice } from '../../components/widgets';
import { useForm } from '../../hooks';
import { messageOf } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { eligibilityLabels, eligibilityTone } from '../../i18n/labels';
import { CriterionInput, SectionErrors } from './criterion-input';
import { errorsOf, fieldLabels, inFormOrder, type Problem } from './fields';
import { useLiveEligibility } from './live-eligibility';
import { ProblemList } from './problem-list';
import { DraftSections } from './sections';
import { draftOf, type FieldErrors, fromApplication, str, type Values } from './values';

const CRITERION_PATH = /^(?:body\.)?answers\.([A-Z][0-9]{1,2}(?:\.[0-9]{1,2})?)/;

/** The body without the parts the API refused, so that the rest of the draft is saved. */
function withoutRefused(body: Record<string, unknown>, error: ApiError): Record<string, unknown> | null {
  const next: Record<string, unknown> = { ...body, answers: { ...(body.answers as Record<string, unknown>) } };
  for (const d of error.details) {
    const criterion = CRITERION_PATH.exec(d.path);
    const section = d.path.replace(/^body\./, '').split('.')[0]!;
    if (criterion) delete (next.answers as Record<string, unknown>)[criterion[1]!];
    else if (section in next && section !== 'answers') delete next[section];
    else return null;
  }
  return next;
}

const problemsOf = (errors: FieldErrors): Problem[] => Object.entries(errors).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));

function merge(a: FieldErrors, b: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...a };
  for (const [k, m] of Object.entries(b)) out[k] = [...new Set([...(out[k] ?? []), ...m])];
  return out;
}

/**
 * The applicant's draft. « Enregistrer le brouillon » saves whatever is filled (a half-filled section stays as
 * last saved, said at its fields); « Déposer » saves, then submits, and lists above the form what is missing
 * or unmet, each item a link to its field.
 */
export function ApplicationEditor(props: { app: Application; call: CallView; onSaved: (a: Application) => void; onSubmitted: (a: Application) => void }) {
  const a = props.app;
  const criteria = props.call.criteria;
  const form = useForm<Values>(`application-${a.applicationId}`, fromApplication(a));
  const v = form.values;
  const set = (k: string, value: string | boolean) => form.set(k, value);
  const [notice, setNotice] = useState<{ message: string; tone: 'success' | 'info' } | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [version, setVersion] = useState(a.version);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const hypothesis = (str(v, 'hypothesis') || null) as Hypothesis | null;
  const applicable = criteria.filter((c) => c.hypothesis === hypothesis);
  const live = useLiveEligibility(props.call.callId, hypothesis, applicable, v, a.eligibility);
  const labels = fieldLabels(criteria);

  const reset = () => {
    setNotice(null);
    setProblems([]);
    form.setErrors({});
    form.setFormError([]);
  };
  const showRefusal = (error: unknown, unsaved: FieldErrors = {}) => {
    const { byField, problems: refused } = errorsOf(error, criteria);
    form.setErrors(merge(unsaved, byField));
    form.setFormError([messageOf(error)]);
    const listed = [...refused, ...problemsOf(unsaved)];
    setProblems(inFormOrder(listed.filter((p, i) => listed.findIndex((o) => o.field === p.field && o.message === p.message) === i), criteria));
  };

  /** Saves what is filled; what could not be saved is returned by field. */
  const saveDraft = async (): Promise<{ saved: Application; unsaved: FieldErrors }> => {
    const draft = draftOf(v, criteria);
    let unsaved = draft.unsaved;
    let body = draft.body;
    try {
      return { saved: await patch<Application>(`/applications/${a.applicationId}`, { expectedVersion: version, ...body }), unsaved };
    } catch (error) {
      // A value the API refuses (a rule this form does not check): save the rest, and say it at the field.
      const rest = error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? withoutRefused(body, error) : null;
      if (!rest) throw error;
      unsaved = merge(unsaved, errorsOf(error, criteria).byField);
      body = rest;
      return { saved: await patch<Application>(`/applications/${a.applicationId}`, { expectedVersion: version, ...body }), unsaved };
    }
  };

  const onSave = async () => {
    reset();
    setBusy(true);
    try {
      const { saved, unsaved } = await saveDraft();
      setVersion(saved.version);
      props.onSaved(saved);
      const when = `Brouillon enregistré le ${formatDateTime(saved.updatedAt)}.`;
      if (Object.keys(unsaved).length === 0) {
        // Everything typed is saved: the form shows the saved draft (what a reload shows).
        form.clear(fromApplication(saved));
        setNotice({ message: `${when} Éligibilité à ce stade : ${(eligibilityLabels[saved.eligibility.status] ?? '').toLowerCase()}.`, tone: 'success' });
      } else {
        form.setErrors(unsaved);
        setProblems(inFormOrder(problemsOf(unsaved), criteria));
        setNotice({ message: `${when} Les parties signalées ci-dessous ne le sont pas encore : complétez-les puis enregistrez à nouveau.`, tone: 'info' });
      }
    } catch (error) {
      showRefusal(error);
    } finally {
      setBusy(false);
    }
  };

  const onSubmitApplication = async () => {
    reset();
    setBusy(true);
    let unsaved: FieldErrors = {};
    try {
      const draft = await saveDraft();
      unsaved = draft.unsaved;
      setVersion(draft.saved.version);
      props.onSaved(draft.saved);
      const submitted = await post<Application>(`/applications/${a.applicationId}/submit`);
      form.clear(fromApplication(submitted));
      props.onSubmitted(submitted);
    } catch (error) {
      showRefusal(error, unsaved);
    } finally {
      setBusy(false);
    }
  };
  const E = form.errors;
  const eligibility = live.result ?? a.eligibility;
  const unmetCount = live.result?.results.filter((r) => r.status === 'unmet').length ?? 0;

  return (
    <>
      <Notice message={notice?.message ?? null} tone={notice?.tone} />
      <Form onSubmit={() => void onSave()} label="Brouillon de candidature">
        <ProblemList messages={form.formError} problems={problems} labels={labels} criteria={criteria} />
        <p class="hint">Vous pouvez enregistrer le brouillon à tout moment, même incomplet : ce qui manque est vérifié au dépôt.</p>
        <DraftSections call={props.call} values={v} set={set} errors={E} />
        <Section title="5. Les critères d’entrée">
          <SectionErrors name="answers" errors={E} />
          <div aria-live="polite" class="live-eligibility" data-testid="live-eligibility">
            {live.result ? (
              <p>
                Éligibilité en direct : <Badge tone={eligibilityTone[live.result.status]}>{eligibilityLabels[live.result.status]}</Badge>
                {unmetCount > 0 && <> — {unmetCount === 1 ? '1 critère non rempli' : `${unmetCount}\u00a0critères non remplis`}</>}
              </p>
            ) : (
              <p class="hint">Choisissez l’hypothèse pour voir les critères.</p>
            )}
          </div>
          {applicable.map((c) => (
            <CriterionInput key={c.criterionId} applicationId={a.applicationId} criterion={c} values={v} set={set} errors={E} result={live.result?.results.find((r) => r.criterionId === c.criterionId)} />
          ))}
        </Section>
        <Section title="6. Les pièces du dossier">
          <Attachments
            parent={{ kind: 'application', applicationId: a.applicationId, pieces: 'dossier' }}
            name="dossier"
            label="Autres pièces (statuts, présentation de la structure, lettres de soutien…)"
            hint="Les pièces propres à un critère se déposent sous ce critère, à la section 5."
            editable
          />
        </Section>
        <div class="card sticky-actions">
          <div class="actions">
            <SubmitButton busy={busy} class="button secondary">
              Enregistrer le brouillon
            </SubmitButton>
            <button type="button" class="button" disabled={busy} onClick={() => setConfirming(true)}>
              Déposer la candidature
            </button>
          </div>
        </div>
      </Form>
      <ConfirmDialog
        open={confirming}
        title={`Déposer la candidature de ${str(v, 'structure.name') || a.structure.name} ?`}
        confirmLabel="Déposer"
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void onSubmitApplication();
        }}
      >
        <p>
          Une fois déposée, la candidature ne peut plus être modifiée, sauf si l’équipe Ansa vous la renvoie pour correction. Éligibilité calculée : {eligibilityLabels[eligibility.status]}
          {eligibility.reasons.length > 0 ? ` (${eligibility.reasons.length === 1 ? '1 critère' : `${eligibility.reasons.length}\u00a0critères`} à revoir)` : ''}. L’appel ferme le {formatDateTime(props.call.closesAt)}.
        </p>
      </ConfirmDialog>
    </>
  );
}
