import { useState } from 'preact/hooks';
import { get, post, type Page as ApiPage } from '../api/client';
import type { ApplicantView as Application } from '../../../shared/applications/views';
import type { CallView } from '../../../shared/calls/schemas';
import type { Hypothesis } from '../../../shared/seasons/schemas';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextField } from '../components/form';
import { Badge, Loaded, Page, Section } from '../components/page';
import { useApi, useForm } from '../hooks';
import { formatDate, formatDateTime } from '../i18n/format';
import { applicationStatusLabels, applicationStatusTone, decisionLabels, eligibilityLabels, eligibilityTone, hypothesisLabels } from '../i18n/labels';
import { Link, navigate } from '../router';
import { SavedEligibility, WithdrawApplication } from './application-review';
import { DossierFiles } from '../components/dossier-files';
import { ThreadPanel } from './threads';
import { ApplicationDetails, EligibilityList } from './applications';
import { ApplicationEditor } from './apply/editor';

/** Starting an application: the structure's name and the hypothesis; the rest is filled in the draft. */
export function StartApplicationPage(props: { callId: string }) {
  const call = useApi((signal) => get<CallView>(`/calls/${encodeURIComponent(props.callId)}`, undefined, signal), [props.callId]);
  const form = useForm(`start-application-${props.callId}`, { name: '', hypothesis: '' });
  // One application per applicant and call: an existing one is offered instead of a form the API would refuse.
  const mine = useApi((signal) => get<ApiPage<Application>>('/me/applications', { limit: 100 }, signal), []);
  const existing = mine.data?.items.find((a) => a.callId === props.callId && a.status !== 'withdrawn');
  const onSubmit = async () => {
    const app = await form.submit(
      () => post<Application>(`/calls/${props.callId}/applications`, { structure: { name: form.values.name }, hypothesis: (form.values.hypothesis || null) as Hypothesis | null }),
      ['structure.name', 'hypothesis'],
    );
    if (app) {
      form.clear();
      navigate(`/candidatures/${app.applicationId}`);
    }
  };
  return (
    <Loaded resource={call}>
      {(c) => (
        <Page title="Candidater" subtitle={c.title} trail={[{ href: '/appels', label: 'Appels' }, { href: `/appels/${c.callId}`, label: c.title }]}>
          {existing && (
            <div class="alert alert-info" role="status" data-testid="existing-application">
              <p>
                Vous avez déjà une candidature à cet appel ({existing.structure.name}, {(applicationStatusLabels[existing.status] ?? '').toLowerCase()}).{' '}
                <Link href={`/candidatures/${existing.applicationId}`}>{existing.status === 'draft' ? 'Reprendre mon brouillon' : 'Voir ma candidature'}</Link>
              </p>
            </div>
          )}
          <Section title="Votre structure">
            <Form onSubmit={onSubmit} label="Commencer une candidature">
              <ErrorSummary messages={form.formError} errors={form.errors} labels={{ 'structure.name': 'Nom de la structure', hypothesis: 'Hypothèse' }} />
              <TextField name="structure.name" label="Nom de la structure" required value={form.values.name} onInput={(v) => form.set('name', v)} errors={form.errors} autoComplete="organization" />
              <RadioGroup
                name="hypothesis"
                label="Hypothèse de candidature"
                value={form.values.hypothesis}
                onChange={(v) => form.set('hypothesis', v)}
                errors={form.errors}
                options={c.hypotheses.map((h) => ({ value: h, label: hypothesisLabels[h] }))}
                hint="Vous pourrez la modifier dans le brouillon."
              />
              <SubmitButton busy={form.submitting}>Commencer la candidature</SubmitButton>
            </Form>
          </Section>
        </Page>
      )}
    </Loaded>
  );
}

/** The applicant's application: the draft editor, or a read-only view once submitted. */
export function ReferentApplicationPage(props: { applicationId: string }) {
  const app = useApi((signal) => get<Application>(`/applications/${encodeURIComponent(props.applicationId)}`, undefined, signal), [props.applicationId]);
  const call = useApi(async (signal) => (app.data ? get<CallView>(`/calls/${app.data.callId}`, undefined, signal) : undefined), [app.data?.callId]);
  const [justSubmitted, setJustSubmitted] = useState(false);
  return (
    <Loaded resource={app}>
      {(a) => (
        <Page
          title={`Candidature de ${a.structure.name}`}
          subtitle={
            <>
              <Badge tone={applicationStatusTone[a.status]}>{applicationStatusLabels[a.status]}</Badge>
              {call.data && <> · {call.data.title}</>}
              {a.submittedAt && <> · déposée le {formatDateTime(a.submittedAt)}</>}
            </>
          }
          trail={[{ href: '/appels', label: 'Appels et candidatures' }]}
        >
          {a.correction && a.status === 'draft' && (
            <div class="alert alert-info" role="status">
              <p>
                <strong>Correction demandée par l’équipe Ansa</strong> (à rendre avant le {formatDate(a.correction.dueAt)}) : {a.correction.message}
              </p>
            </div>
          )}
          {a.decision && (
            <Section title="Décision">
              <p>
                <Badge tone={applicationStatusTone[a.decision.outcome]}>{decisionLabels[a.decision.outcome]}</Badge> — {a.decision.rationale}
              </p>
            </Section>
          )}
          {justSubmitted && a.status !== 'draft' && (
            <div class="alert alert-success" role="status" data-testid="submitted-notice">
              <p>
                Candidature déposée le {formatDateTime(a.submittedAt)}. Votre dossier porte le n° <strong>{a.dossierNumber}</strong> : gardez son accusé de réception ci-dessous.
              </p>
            </div>
          )}
          {a.dossierNumber && (
            <Section title={a.decision ? 'Dossier et courriers' : 'Accusé de réception'}>
              {a.submittedAt && <p data-testid="submitted-at">Dossier déposé le {formatDateTime(a.submittedAt)}.</p>}
              <DossierFiles app={a} />
            </Section>
          )}
          {a.status === 'draft' ? (
            <Loaded resource={call} inline label="les critères de l’appel">
              {(c) =>
                c ? (
                  <ApplicationEditor
                    app={a}
                    call={c}
                    onSaved={app.set}
                    onSubmitted={(submitted) => {
                      setJustSubmitted(true);
                      app.set(submitted);
                      window.scrollTo({ top: 0 });
                    }}
                  />
                ) : null
              }
            </Loaded>
          ) : (
            <>
              <Section title="Éligibilité par critère">
                <p>
                  <Badge tone={eligibilityTone[a.eligibility.status]}>{eligibilityLabels[a.eligibility.status]}</Badge>
                </p>
                <EligibilityList results={a.eligibility.results} criteria={call.data?.criteria} />
              </Section>
              <SavedEligibility applicationId={a.applicationId} version={a.version} />
              <ApplicationDetails app={a} />
            </>
          )}
          <WithdrawApplication app={a} onDone={app.set} />
          <ThreadPanel threadId={a.applicationId} />
        </Page>
      )}
    </Loaded>
  );
}
