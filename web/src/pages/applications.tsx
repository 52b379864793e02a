import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { get, post, put, type Page as ApiPage } from '../api/client';
import type { DecisionOutcome } from '../../../shared/applications/schemas';
import type { ApplicantView, ApplicationSummary, StaffApplicationView as StaffApplication } from '../../../shared/applications/views';
import type { CallView, Criterion, CriterionResult } from '../../../shared/calls/schemas';
import { ErrorSummary, Form, RadioGroup, Select, SubmitButton, TextArea, TextField, NumberField, toNumber } from '../components/form';
import { Badge, DescriptionList, Empty, Loaded, Page, Section } from '../components/page';
import { DownloadButton, Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { countOf, formatDate, formatDateTime, formatDeadline, formatDecimal, formatNumber, personName } from '../i18n/format';
import {
  applicationStatusLabels,
  applicationStatusTone,
  axisLabels,
  budgetLabels,
  criterionStatusLabels,
  decisionLabels,
  eligibilityLabels,
  eligibilityTone,
  hypothesisLabels,
  hypothesisShort,
  label,
  prescriberKindLabels,
  regions,
  settingLabels,
} from '../i18n/labels';
import { ReviewerAssignment } from './application-review';
import { Link, useSearchParams } from '../router';
import { AuditList } from './history';
import { Attachments } from '../components/attachments';
import { DossierFiles } from '../components/dossier-files';
import { ThreadPanel } from './threads';
import { criterionRule } from './calls';

/** The staff's ranked list of a call's applications, with filters kept in the address. */
export function CallApplicationsPage(props: { callId: string }) {
  const call = useApi((signal) => get<CallView>(`/calls/${encodeURIComponent(props.callId)}`, undefined, signal), [props.callId]);
  const [params, setParams] = useSearchParams();
  const filters = {
    status: params.get('statut') ?? '',
    hypothesis: params.get('hypothese') ?? '',
    region: params.get('region') ?? '',
    setting: params.get('milieu') ?? '',
    eligibility: params.get('eligibilite') ?? '',
    minScore: params.get('note-min') ?? '',
  };
  const list = usePagedApi(
    (cursor, signal) => get<ApiPage<ApplicationSummary>>(`/calls/${encodeURIComponent(props.callId)}/applications`, { ...filters, cursor, limit: 20 }, signal),
    [props.callId, JSON.stringify(filters)],
  );
  return (
    <Loaded resource={call}>
      {(c) => (
        <Page title="Candidatures" subtitle={c.title} trail={[{ href: '/appels', label: 'Appels' }, { href: `/appels/${c.callId}`, label: c.title }]} actions={<DownloadButton path={`/calls/${c.callId}/applications/export`} label="Exporter" format="CSV" />}>
          <Section title="Filtres">
            <form class="filters" aria-label="Filtrer les candidatures" onSubmit={(e) => e.preventDefault()}>
              <Select name="statut" label="Statut" value={filters.status} onChange={(v) => setParams({ statut: v })} placeholder="Tous" options={Object.entries(applicationStatusLabels).map(([value, l]) => ({ value, label: l }))} />
              <Select name="hypothese" label="Hypothèse" value={filters.hypothesis} onChange={(v) => setParams({ hypothese: v })} placeholder="Toutes" options={c.hypotheses.map((h) => ({ value: h, label: hypothesisShort[h] }))} />
              <Select name="region" label="Région" value={filters.region} onChange={(v) => setParams({ region: v })} placeholder="Toutes" options={regions.map((r) => ({ value: r, label: r }))} />
              <Select name="milieu" label="Milieu" value={filters.setting} onChange={(v) => setParams({ milieu: v })} placeholder="Tous" options={Object.entries(settingLabels).map(([value, l]) => ({ value, label: l }))} />
              <Select name="eligibilite" label="Éligibilité" value={filters.eligibility} onChange={(v) => setParams({ eligibilite: v })} placeholder="Toutes" options={Object.entries(eligibilityLabels).map(([value, l]) => ({ value, label: l }))} />
              <Select name="note-min" label="Note minimale" value={filters.minScore} onChange={(v) => setParams({ 'note-min': v })} placeholder="Aucune" options={[50, 60, 70, 80].map((n) => ({ value: String(n), label: `${n} / 100` }))} />
            </form>
          </Section>
          <Section title="Classement (meilleure note d’abord)">
            <Loaded resource={list} inline>
              {(page) => (
                <>
                  <Table
                    caption="Candidatures classées"
                    captionHidden
                    rows={page.items}
                    rowKey={(a) => a.applicationId}
                    empty="Aucune candidature ne correspond à ces filtres."
                    columns={[
                      { key: 'rank', label: 'Rang', numeric: true, render: (a) => (list.pageNumber - 1) * 20 + page.items.indexOf(a) + 1 },
                      { key: 'name', label: 'Structure', render: (a) => <Link href={`/candidatures/${a.applicationId}`}>{a.structureName}</Link> },
                      { key: 'dossier', label: 'Dossier', render: (a) => a.dossierNumber ?? '—' },
                      { key: 'territory', label: 'Territoire', render: (a) => (a.territory ? `${a.territory.name} (${a.territory.departementCode})` : '—') },
                      { key: 'region', label: 'Région', render: (a) => a.territory?.region ?? '—' },
                      { key: 'setting', label: 'Milieu', render: (a) => label(settingLabels, a.territory?.setting) },
                      { key: 'hyp', label: 'Hyp.', render: (a) => a.hypothesis ?? '—' },
                      {
                        key: 'elig',
                        label: 'Éligibilité',
                        render: (a) => {
                          const unmet = a.eligibility.results.filter((r) => r.status !== 'met').length;
                          return (
                            <>
                              <Badge tone={eligibilityTone[a.eligibility.status]}>{eligibilityLabels[a.eligibility.status]}</Badge>
                              {unmet > 0 && <span class="hint"> {countOf(unmet, 'critère non rempli', 'critères non remplis')}</span>}
                            </>
                          );
                        },
                      },
                      { key: 'score', label: 'Note /100', numeric: true, render: (a) => formatDecimal(a.score) },
                      { key: 'reviews', label: 'Éval.', numeric: true, render: (a) => a.reviewCount },
                      { key: 'status', label: 'Statut', render: (a) => <Badge tone={applicationStatusTone[a.status]}>{applicationStatusLabels[a.status]}</Badge> },
                    ]}
                  />
                  <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
                </>
              )}
            </Loaded>
          </Section>
        </Page>
      )}
    </Loaded>
  );
}

const statusIcon: Record<string, string> = { met: '✓', unmet: '✗', missing: '?' };

export function EligibilityList(props: { results: CriterionResult[]; actions?: (r: CriterionResult) => ComponentChildren; criteria?: Criterion[] }) {
  if (!props.results.length) return <Empty>Choisissez l’hypothèse pour connaître les critères applicables.</Empty>;
  return (
    <ul class="criteria" aria-label="Éligibilité par critère">
      {props.results.map((r) => {
        const criterion = props.criteria?.find((c) => c.criterionId === r.criterionId);
        return (
          <li key={r.criterionId} class={r.status} data-criterion={r.criterionId}>
            <span class="icon" aria-hidden="true">
              {statusIcon[r.status]}
            </span>
            <div>
              <p>
                <strong>{r.criterionId}</strong> {r.label}
              </p>
              {criterion && <p class="hint">{criterionRule(criterion)}</p>}
              <p>
                <Badge tone={r.status === 'met' ? 'success' : r.status === 'unmet' ? 'danger' : 'warning'}>{criterionStatusLabels[r.status]}</Badge> {r.reason}
              </p>
              {(r.requiresEvidence || r.alternative) && (
                <p class="hint">
                  {r.alternative ? 'Justificatif équivalent' : 'Justificatif'} : {r.verification === 'verified' ? 'vérifié' : r.verification === 'not_verified' ? 'non vérifié' : 'vérification sur pièces à faire par l’équipe Ansa'}
                </p>
              )}
              {props.actions?.(r)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function ApplicationDetails(props: { app: StaffApplication | ApplicantView }) {
  const a = props.app;
  const s = a.structure;
  return (
    <>
      <div class="columns">
        <Section title="Structure">
          <DescriptionList
            items={[
              ['Nom', s.name],
              ['Forme juridique', s.legalForm ?? '—'],
              ['Adresse', s.address ?? '—'],
              ['Effectif', s.staffFte !== undefined ? `${formatDecimal(s.staffFte)} ETP` : '—'],
              ['Situation budgétaire', label(budgetLabels, s.budgetSituation)],
              ['Missions', s.missions ?? '—'],
              ['Public accompagné', s.publicServed ?? '—'],
              ['Relations avec le SPE', s.speRelations ?? '—'],
            ]}
          />
        </Section>
        <Section title="Territoire">
          {a.territory ? (
            <DescriptionList
              items={[
                ['Territoire', a.territory.name],
                ['Département', `${a.territory.departement} (${a.territory.departementCode})`],
                ['Région', a.territory.region],
                ['Milieu', label(settingLabels, a.territory.setting)],
                ['Population', `${formatNumber(a.territory.population)} habitants`],
                ['Hypothèse', a.hypothesis ? hypothesisLabels[a.hypothesis] : '—'],
                ['Prescripteur', a.prescriber ? `${a.prescriber.name} (${label(prescriberKindLabels, a.prescriber.kind)})` : '—'],
              ]}
            />
          ) : (
            <Empty>Territoire non renseigné.</Empty>
          )}
        </Section>
      </div>
      <div class="columns">
        <Section title="Personnes à former et référent">
          <ul>
            {a.people.map((p) => (
              <li key={p.email}>
                {p.name} — {p.role} ({p.email})
              </li>
            ))}
          </ul>
          <p>Référent : {a.referent ? `${a.referent.name} — ${a.referent.role}` : '—'}</p>
        </Section>
        <Section title="Besoins du territoire">
          {a.needs.length ? (
            <ol class="needs">
              {[...a.needs]
                .sort((x, y) => x.priority - y.priority)
                .map((n) => (
                  <li key={n.axis}>
                    {axisLabels[n.axis]}
                    {n.description && <p>{n.description}</p>}
                  </li>
                ))}
            </ol>
          ) : (
            <Empty>Aucun besoin déclaré.</Empty>
          )}
        </Section>
      </div>
    </>
  );
}

/** The staff's application page: answers, eligibility per criterion, verification, reviews, notes, correction, decision, history. */
export function StaffApplicationPage(props: { applicationId: string }) {
  const app = useApi((signal) => get<StaffApplication>(`/applications/${encodeURIComponent(props.applicationId)}`, undefined, signal), [props.applicationId]);
  const call = useApi(async (signal) => (app.data ? get<CallView>(`/calls/${app.data.callId}`, undefined, signal) : undefined), [app.data?.callId]);
  return (
    <Loaded resource={app}>
      {(a) => (
        <Page
          title={a.structure.name}
          subtitle={
            <>
              Candidature <Badge tone={applicationStatusTone[a.status]}>{applicationStatusLabels[a.status]}</Badge>
              {a.submittedAt && <> · déposée le {formatDateTime(a.submittedAt)}</>}
              {a.score !== null && <> · note {formatDecimal(a.score)} / 100</>}
            </>
          }
          trail={[{ href: '/appels', label: 'Appels' }, { href: `/appels/${a.callId}/candidatures`, label: 'Candidatures' }]}
        >
          {a.recusedByYou && (
            <div class="alert alert-info" role="status">
              <p>Vous avez déclaré un conflit d’intérêts pour cette candidature : évaluations et notes privées vous sont masquées.</p>
            </div>
          )}
          <Section title="Éligibilité par critère">
            <p>
              <Badge tone={eligibilityTone[a.eligibility.status]}>{eligibilityLabels[a.eligibility.status]}</Badge> — critères de la version {a.criteriaVersion}
            </p>
            <EligibilityList
              results={a.eligibility.results}
              criteria={call.data?.criteria}
              actions={(r) =>
                r.requiresEvidence || r.alternative ? (
                  <>
                    <Attachments parent={{ kind: 'application', applicationId: a.applicationId, criterionId: r.criterionId }} name={`evidence-${r.criterionId}`} label={`Pièces justificatives (${r.criterionId})`} />
                    {!a.recusedByYou && <VerifyCriterion app={a} result={r} onDone={app.reload} />}
                  </>
                ) : null
              }
            />
          </Section>
          <Section title="Pièces du dossier">
            <Attachments parent={{ kind: 'application', applicationId: a.applicationId, pieces: 'dossier' }} name="dossier" label="Pièces jointes au dossier par la structure" />
          </Section>
          <ApplicationDetails app={a} />
          {call.data && <Reviews app={a} call={call.data} onDone={app.reload} />}
          <ReviewerAssignment app={a} onDone={app.reload} />
          <Notes app={a} onDone={app.reload} />
          <Correction app={a} onDone={app.reload} />
          <Decision app={a} onDone={app.reload} />
          {(a.dossierNumber || a.decision) && (
            <Section title="Dossier et courriers">
              <DossierFiles app={a} staff />
            </Section>
          )}
          <ThreadPanel threadId={a.applicationId} title="Échanges avec la structure" />
          <Section title="Historique">
            <AuditList entityType="application" entityId={a.applicationId} limit={8} refresh={a.version} />
          </Section>
        </Page>
      )}
    </Loaded>
  );
}

function VerifyCriterion(props: { app: StaffApplication; result: CriterionResult; onDone: () => void }) {
  const form = useForm(`verify-${props.app.applicationId}-${props.result.criterionId}`, { comment: '' });
  const send = (outcome: 'verified' | 'not_verified') =>
    form.submit(async () => {
      await post(`/applications/${props.app.applicationId}/verifications`, { criterionId: props.result.criterionId, outcome, comment: form.values.comment });
      form.clear();
      props.onDone();
    }, ['comment']);
  if (!['submitted', 'under_review'].includes(props.app.status)) return null;
  return (
    <div class="verify">
      <ErrorSummary messages={form.formError} />
      <TextField name="comment" label={`Commentaire de vérification (${props.result.criterionId})`} value={form.values.comment} onInput={(v) => form.set('comment', v)} errors={form.errors} />
      <div class="actions">
        <button type="button" class="button small" disabled={form.submitting} onClick={() => void send('verified')}>
          {props.result.alternative ? 'Équivalent accepté' : 'Vérifié sur pièces'}
        </button>
        <button type="button" class="button small secondary" disabled={form.submitting} onClick={() => void send('not_verified')}>
          {props.result.alternative ? 'Équivalent refusé' : 'Non vérifié'}
        </button>
      </div>
    </div>
  );
}

function Reviews(props: { app: StaffApplication; call: CallView; onDone: () => void }) {
  const me = useMe();
  const a = props.app;
  const mine = a.reviews.find((r) => r.reviewerUserId === me.userId);
  const assigned = a.reviewerUserIds.includes(me.userId);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const initial = Object.fromEntries(props.call.rubric.map((r) => [r.itemId, mine?.scores[r.itemId] !== undefined ? String(mine.scores[r.itemId]) : '']));
  const form = useForm(`score-${a.applicationId}`, { ...initial, comment: mine?.comment ?? '' } as Record<string, string>);
  const inReview = ['submitted', 'under_review'].includes(a.status);
  const assignMe = async () => {
    setError(null);
    try {
      await post(`/applications/${a.applicationId}/reviewers`, { reviewerUserId: me.userId });
      props.onDone();
    } catch (e) {
      setError((await import('../i18n/errors')).messageOf(e));
    }
  };
  const onSubmit = async () => {
    const scores = Object.fromEntries(props.call.rubric.map((r) => [r.itemId, toNumber(form.values[r.itemId] ?? '')]).filter(([, v]) => v !== undefined));
    const done = await form.submit(() => put(`/applications/${a.applicationId}/review`, { scores, comment: form.values.comment }), [...props.call.rubric.map((r) => `scores.${r.itemId}`), 'comment']);
    if (done) {
      // The saved scores stay on screen (the session copy of the typing is dropped).
      form.clear({ ...form.values });
      setNotice('Notation enregistrée.');
      props.onDone();
    }
  };
  const errorsByItem = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k.replace(/^scores\./, ''), v]));
  return (
    <Section title="Évaluations et notes">
      <Notice message={notice} />
      {a.reviews.length ? (
        <Table
          caption="Évaluations"
          captionHidden
          rows={a.reviews}
          rowKey={(r) => r.reviewerUserId}
          columns={[
            { key: 'who', label: 'Évaluateur', render: (r) => personName(r.reviewerUserId, a.userNames, 'Membre de l’équipe') },
            { key: 'status', label: 'État', render: (r) => ({ assigned: 'Désigné', recused: 'Déporté', scored: 'Noté' })[r.status] },
            { key: 'score', label: 'Note /100', numeric: true, render: (r) => formatDecimal(r.weightedScore) },
            { key: 'comment', label: 'Commentaire', render: (r) => r.comment || r.recusalReason || '—' },
          ]}
        />
      ) : (
        <Empty>Aucun évaluateur désigné.</Empty>
      )}
      {error && (
        <p class="field-message" role="alert">
          {error}
        </p>
      )}
      {inReview && !assigned && !a.recusedByYou && (
        <p>
          <button type="button" class="button secondary" onClick={() => void assignMe()}>
            Me désigner comme évaluateur
          </button>
        </p>
      )}
      {inReview && assigned && (
        <Form onSubmit={onSubmit} label="Ma notation">
          <h3>Ma notation (0 à 5 par élément)</h3>
          <ErrorSummary messages={form.formError} />
          <div class="grid">
            {props.call.rubric.map((r) => (
              <NumberField
                key={r.itemId}
                name={r.itemId}
                label={`${r.label} (poids ${r.weight})`}
                value={form.values[r.itemId] ?? ''}
                onInput={(v) => form.set(r.itemId, v)}
                errors={errorsByItem}
                suffix="/ 5"
              />
            ))}
          </div>
          <TextArea name="comment" label="Commentaire" value={form.values.comment ?? ''} onInput={(v) => form.set('comment', v)} errors={form.errors} rows={3} />
          <SubmitButton busy={form.submitting}>Enregistrer ma notation</SubmitButton>
        </Form>
      )}
    </Section>
  );
}

function Notes(props: { app: StaffApplication; onDone: () => void }) {
  const form = useForm(`note-${props.app.applicationId}`, { text: '' });
  if (props.app.recusedByYou) return null;
  const onSubmit = async () => {
    const done = await form.submit(() => post(`/applications/${props.app.applicationId}/notes`, { text: form.values.text }), ['text']);
    if (done) {
      form.clear();
      props.onDone();
    }
  };
  return (
    <Section title="Notes privées (équipe Ansa)">
      {props.app.notes.length ? (
        <ul class="messages">
          {props.app.notes.map((n) => (
            <li key={n.noteId} class="message">
              <p class="muted">
                {formatDateTime(n.createdAt)} · {personName(n.authorUserId, props.app.userNames, 'Membre de l’équipe')}
              </p>
              <p class="message-body">{n.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>Aucune note.</Empty>
      )}
      <Form onSubmit={onSubmit} label="Ajouter une note privée">
        <ErrorSummary messages={form.formError} />
        <TextArea name="text" label="Nouvelle note (jamais visible par la structure)" value={form.values.text} onInput={(v) => form.set('text', v)} errors={form.errors} rows={2} />
        <SubmitButton busy={form.submitting}>Ajouter la note</SubmitButton>
      </Form>
    </Section>
  );
}

function Correction(props: { app: StaffApplication; onDone: () => void }) {
  const a = props.app;
  const form = useForm(`correction-${a.applicationId}`, { message: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const inReview = ['submitted', 'under_review'].includes(a.status);
  const onSubmit = async () => {
    const done = await form.submit(() => post(`/applications/${a.applicationId}/return-for-correction`, { message: form.values.message }), ['message']);
    if (done) {
      form.clear();
      setNotice('Candidature renvoyée à la structure pour correction.');
      props.onDone();
    }
  };
  return (
    <Section title="Demande de correction">
      <Notice message={notice} />
      {a.correction && (
        <div class="alert alert-info">
          <p>
            Correction demandée par {personName(a.correction.requestedBy, a.userNames, 'l’équipe Ansa')} le {formatDateTime(a.correction.requestedAt)} (à rendre {formatDeadline(a.correction.dueAt)}) : {a.correction.message}
          </p>
        </div>
      )}
      {inReview && !a.recusedByYou ? (
        <Form onSubmit={onSubmit} label="Demander une correction">
          <ErrorSummary messages={form.formError} />
          <TextArea name="message" label="Message à la structure" value={form.values.message} onInput={(v) => form.set('message', v)} errors={form.errors} rows={2} hint="La candidature redevient un brouillon ; la structure reçoit ce message." />
          <SubmitButton busy={form.submitting}>Renvoyer pour correction</SubmitButton>
        </Form>
      ) : (
        !a.correction && <Empty>Possible sur une candidature déposée.</Empty>
      )}
    </Section>
  );
}

function Decision(props: { app: StaffApplication; onDone: () => void }) {
  const a = props.app;
  const form = useForm(`decision-${a.applicationId}`, { outcome: '', rationale: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const onSubmit = async () => {
    const done = await form.submit(() => post(`/applications/${a.applicationId}/decision`, { outcome: (form.values.outcome || undefined) as DecisionOutcome | undefined, rationale: form.values.rationale }), ['outcome', 'rationale']);
    if (done) {
      form.clear({ ...form.values });
      setNotice('Décision enregistrée. Elle sera communiquée à la structure à la publication des décisions de l’appel.');
      props.onDone();
    }
  };
  const canDecide = !a.recusedByYou && (['submitted', 'under_review', 'selected', 'waitlisted', 'rejected'].includes(a.status) && (!a.decisionPublishedAt || a.status === 'waitlisted'));
  return (
    <Section title="Décision">
      <Notice message={notice} />
      {a.decision && (
        <p>
          <Badge tone={applicationStatusTone[a.decision.outcome]}>{decisionLabels[a.decision.outcome]}</Badge> le {formatDateTime(a.decision.decidedAt)} par {personName(a.decision.decidedBy, a.userNames, 'l’équipe Ansa')} — {a.decision.rationale}{' '}
          {a.decisionPublishedAt ? <Badge tone="info">Publiée le {formatDate(a.decisionPublishedAt)}</Badge> : <Badge>Non publiée</Badge>}
        </p>
      )}
      {canDecide ? (
        <Form onSubmit={onSubmit} label="Décider">
          <ErrorSummary messages={form.formError} />
          <RadioGroup
            name="outcome"
            label="Décision"
            required
            inline
            value={form.values.outcome}
            onChange={(v) => form.set('outcome', v)}
            errors={form.errors}
            options={Object.entries(decisionLabels).map(([value, l]) => ({ value, label: l }))}
          />
          <TextArea name="rationale" label="Motivation" required value={form.values.rationale} onInput={(v) => form.set('rationale', v)} errors={form.errors} rows={2} />
          <SubmitButton busy={form.submitting}>Enregistrer la décision</SubmitButton>
        </Form>
      ) : (
        !a.decision && <Empty>La décision se prend sur une candidature déposée.</Empty>
      )}
    </Section>
  );
}
