import { useState } from 'preact/hooks';
import type { CompletionStatus as Completion, ReportStatus, Stage, Template } from '../../../shared/evaluation/schemas';
import type { EssaimeReportsView as EssaimeReports, ReportView as Report, StageCompletion as CompletionView, StageView } from '../../../shared/evaluation/views';
import type { Breakdown, ComparisonView as Comparison, EssaimeDashboard, FiguresView, ProgrammeDashboard } from '../../../shared/read-models/dashboards/schemas';
import { ApiError, get, post, put, type Page as ApiPage } from '../api/client';
import type { Essaime, Season } from '../api/types';
import { BarChart, ColumnChart } from '../components/charts';
import { ErrorSummary, Form, NumberField, Select, SubmitButton, TextArea, TextField, toNumber } from '../components/form';
import { Badge, Empty, Loaded, Page, Section } from '../components/page';
import { DownloadButton, Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { countOf, formatDate, formatDateTime, formatDeadline, formatDecimal, formatNumber, formatPercent } from '../i18n/format';
import { messageOf } from '../i18n/errors';
import { hypothesisShort } from '../i18n/labels';
import { Link, useSearchParams } from '../router';
import { ConfirmDialog } from '../components/confirm';
import { QuestionnaireSection, StagesSetup } from './evaluation-setup';
import { ComparisonTable, ReferenceFigures } from './reference';
import { Attachments } from '../components/attachments';

export const reportStatusLabels: Record<ReportStatus | 'not-started', string> = {
  'not-started': 'Non commencé',
  draft: 'Brouillon',
  submitted: 'Transmis',
  'changes-requested': 'Modifications demandées',
  accepted: 'Accepté',
};
const reportStatusTone: Record<ReportStatus | 'not-started', 'neutral' | 'info' | 'warning' | 'success'> = {
  'not-started': 'neutral',
  draft: 'neutral',
  submitted: 'info',
  'changes-requested': 'warning',
  accepted: 'success',
};
const completionLabels: Record<Completion, string> = { accepted: 'Accepté', submitted: 'Transmis, à relire', late: 'En retard', missing: 'Attendu' };
const completionTone: Record<Completion, 'success' | 'info' | 'danger' | 'neutral'> = { accepted: 'success', submitted: 'info', late: 'danger', missing: 'neutral' };
const unitSuffix = { count: '', fte: 'ETP', days: 'jours', euros: '€' };

async function myEssaimes(signal: AbortSignal): Promise<Essaime[]> {
  const seasons = await get<ApiPage<Season>>('/seasons', { limit: 20 }, signal);
  const lists = await Promise.all(seasons.items.map((s) => get<ApiPage<Essaime>>(`/seasons/${s.seasonId}/essaimes`, { limit: 100 }, signal)));
  return lists.flatMap((l) => l.items);
}

// -------------------------------------------------------------------------------------- referent

/** The structure's reports stage by stage (referent), with what is due. */
export function ReportsPage() {
  const data = useApi(async (signal) => {
    const essaimes = await myEssaimes(signal);
    return Promise.all(essaimes.map((e) => get<EssaimeReports>(`/essaimes/${e.essaimeId}/reports`, undefined, signal)));
  }, []);
  return (
    <Page title="Rapports d’évaluation" subtitle="Premier retour, bilan intermédiaire et bilan final : des chiffres agrégés, jamais de données nominatives sur les personnes accompagnées.">
      <Loaded resource={data} inline>
        {(list) =>
          list.length === 0 ? (
            <Empty>Aucune structure essaimée à votre nom.</Empty>
          ) : (
            list.map((e) => (
                <Section key={e.essaimeId} title={e.structureName}>
                  <Table
                    caption={`Rapports de ${e.structureName}`}
                    captionHidden
                    rows={e.stages}
                    rowKey={(s) => s.stageId}
                    empty="Aucune étape d’évaluation prévue."
                    columns={[
                      { key: 'stage', label: 'Étape', render: (s) => s.name },
                      { key: 'dates', label: 'Période de dépôt', render: (s) => `du ${formatDate(s.opensOn)} au ${formatDate(s.dueOn)}` },
                      { key: 'status', label: 'Rapport', render: (s) => <Badge tone={reportStatusTone[s.report?.status ?? 'not-started']}>{reportStatusLabels[s.report?.status ?? 'not-started']}</Badge> },
                      { key: 'completion', label: 'Situation', render: (s) => <Badge tone={completionTone[s.completion]}>{completionLabels[s.completion]}</Badge> },
                      {
                        key: 'action',
                        label: 'Action',
                        render: (s) =>
                          s.open || s.report ? (
                            <Link href={`/rapports/${s.stageId}/${e.essaimeId}`}>{!s.report || s.report.status === 'draft' || s.report.status === 'changes-requested' ? 'Remplir le rapport' : 'Voir le rapport'}</Link>
                          ) : (
                            `Ouvre le ${formatDate(s.opensOn)}`
                          ),
                      },
                    ]}
                  />
                  <p class="actions">
                    <Link class="button secondary" href={`/structure-essaimee/${e.essaimeId}/tableau-de-bord`}>
                      Tableau de bord de la structure
                    </Link>
                  </p>
                </Section>
              ))
          )
        }
      </Loaded>
    </Page>
  );
}

/** One report: the referent fills and submits it; staff review it (accept, request changes, reopen). */
export function ReportPage(props: { stageId: string; essaimeId: string }) {
  const me = useMe();
  const data = useApi(
    async (signal) => {
      // The essaimé's reports first: another structure's essaimé is refused here (404 → "no access").
      const reports = await get<EssaimeReports>(`/essaimes/${encodeURIComponent(props.essaimeId)}/reports`, undefined, signal);
      const stage = await get<StageView>(`/stages/${encodeURIComponent(props.stageId)}`, undefined, signal);
      const report = await get<Report>(`/stages/${props.stageId}/reports/${props.essaimeId}`, undefined, signal).catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'REPORT_NOT_FOUND') return null;
        throw e;
      });
      return { reports, stage, report };
    },
    [props.stageId, props.essaimeId],
  );
  return (
    <Loaded resource={data}>
      {(d) => {
        const r = d.report;
        const editable = me.role === 'referent' && d.stage.open && (!r || r.status === 'draft' || r.status === 'changes-requested');
        return (
          <Page
            title={`${d.stage.name} — ${d.reports.structureName}`}
            subtitle={
              <>
                <Badge tone={reportStatusTone[r?.status ?? 'not-started']}>{reportStatusLabels[r?.status ?? 'not-started']}</Badge> à rendre {formatDeadline(d.stage.dueOn)}
                {r?.submittedAt && <> · transmis le {formatDateTime(r.submittedAt)}{r.submittedLate ? ' (en retard)' : ''}</>}
              </>
            }
            trail={me.role === 'staff' ? [{ href: '/evaluation', label: 'Évaluation' }] : [{ href: '/rapports', label: 'Rapports' }]}
          >
            {r && r.reviews.length > 0 && <Reviews report={r} />}
            {editable ? (
              <ReportForm key={`${r?.version ?? 0}`} stage={d.stage} report={r} essaimeId={props.essaimeId} onSaved={data.reload} />
            ) : r ? (
              <ReportView report={r} template={d.stage.template} />
            ) : (
              <Empty>Aucun rapport transmis pour cette étape.</Empty>
            )}
            <Section title="Annexes du rapport">
              <Attachments parent={{ kind: 'report', stageId: d.stage.stageId, essaimeId: props.essaimeId }} name="report-annexes" label="Pièces jointes (annexes)" editable={editable} />
            </Section>
            {me.role === 'staff' && r && <ReviewActions report={r} template={d.stage.template} onDone={data.reload} />}
            <QuestionnaireSection stage={d.stage} essaimeId={props.essaimeId} />
          </Page>
        );
      }}
    </Loaded>
  );
}

function Reviews(props: { report: Report }) {
  return (
    <Section title="Échanges avec l’équipe Ansa">
      <ol class="timeline">
        {[...props.report.reviews].reverse().map((rv, i) => (
          <li key={i}>
            <p>
              <strong>{rv.action === 'accepted' ? 'Rapport accepté' : rv.action === 'reopened' ? 'Rapport rouvert' : 'Modifications demandées'}</strong>
            </p>
            <p class="muted">{formatDateTime(rv.at)}</p>
            {rv.comments.map((c, j) => (
              <p key={j}>{c.comment}</p>
            ))}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function fieldsOf(template: Template): string[] {
  return ['period', 'period.start', 'period.end', 'indicators', 'answers', ...template.indicators.map((i) => `indicators.${i.key}`), ...template.questions.map((q) => `answers.${q.key}`)];
}

function ReportForm(props: { stage: StageView; report: Report | null; essaimeId: string; onSaved: () => void }) {
  const stage = props.stage;
  const { template } = stage;
  const r = props.report;
  const initial: Record<string, string> = { 'period.start': r?.period?.start ?? '', 'period.end': r?.period?.end ?? '' };
  for (const i of template.indicators) initial[`indicators.${i.key}`] = r?.indicators[i.key] !== undefined ? String(r.indicators[i.key]).replace('.', ',') : '';
  for (const q of template.questions) initial[`answers.${q.key}`] = r?.answers[q.key] ?? '';
  const form = useForm(`report-${stage.stageId}-${props.essaimeId}`, initial);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(r?.version ?? 0);
  const v = form.values;
  // Staff's comments are shown at the field they are about.
  const lastReview = r?.status === 'changes-requested' ? [...r.reviews].reverse().find((rv) => rv.action !== 'accepted') : undefined;
  const commentsAt = (path: string) => lastReview?.comments.filter((c) => c.path === path).map((c) => c.comment) ?? [];

  const body = () => {
    const indicators: Record<string, number | string> = {};
    for (const i of template.indicators) {
      const raw = v[`indicators.${i.key}`]?.trim() ?? '';
      if (raw !== '') indicators[i.key] = toNumber(raw) as number;
    }
    const answers: Record<string, string> = {};
    for (const q of template.questions) if ((v[`answers.${q.key}`] ?? '').trim()) answers[q.key] = v[`answers.${q.key}`]!;
    const start = v['period.start'] ?? '';
    const end = v['period.end'] ?? '';
    return { period: start || end ? { start, end } : null, indicators, answers };
  };
  const save = async () => {
    const saved = await form.submit(() => put<Report>(`/stages/${stage.stageId}/reports/${props.essaimeId}`, { expectedVersion: version, ...body() }), fieldsOf(template));
    if (saved) setVersion(saved.version);
    return saved;
  };
  const onSave = async () => {
    setNotice(null);
    if (await save()) setNotice('Brouillon enregistré.');
  };
  const onSubmitReport = async () => {
    setNotice(null);
    const saved = await save();
    if (!saved) return;
    const submitted = await form.submit(() => post<Report>(`/stages/${stage.stageId}/reports/${props.essaimeId}/submit`, { expectedVersion: saved.version }), fieldsOf(template));
    if (submitted) {
      form.clear();
      props.onSaved();
    }
  };
  const labels: Record<string, string> = { period: 'Période', 'period.start': 'Début de la période', 'period.end': 'Fin de la période' };
  for (const i of template.indicators) labels[`indicators.${i.key}`] = i.label;
  for (const q of template.questions) labels[`answers.${q.key}`] = q.label;
  const errorsWithComments: Record<string, string[]> = { ...form.errors };
  for (const key of Object.keys(labels)) {
    const comments = commentsAt(key);
    if (comments.length && !errorsWithComments[key]) errorsWithComments[key] = comments.map((c) => `Équipe Ansa : ${c}`);
  }
  return (
    <>
      <Notice message={notice} />
      <Form onSubmit={() => void onSave()} label="Rapport d’évaluation">
        <ErrorSummary messages={form.formError} errors={form.errors} labels={labels} />
        <Section title="Période couverte">
          <div class="grid">
            <TextField name="period.start" type="date" label="Début de la période" required value={v['period.start'] ?? ''} onInput={(x) => form.set('period.start', x)} errors={errorsWithComments} />
            <TextField name="period.end" type="date" label="Fin de la période" required value={v['period.end'] ?? ''} onInput={(x) => form.set('period.end', x)} errors={errorsWithComments} />
          </div>
        </Section>
        <Section title="Indicateurs (chiffres agrégés)">
          <p class="hint">Les chiffres sont vérifiés à chaque enregistrement : par exemple, les personnes de retour à l’emploi ne peuvent pas dépasser les personnes accompagnées.</p>
          <div class="grid">
            {template.indicators.map((i) => (
              <NumberField
                key={i.key}
                name={`indicators.${i.key}`}
                label={i.label}
                required={i.required}
                hint={i.help}
                value={v[`indicators.${i.key}`] ?? ''}
                onInput={(x) => form.set(`indicators.${i.key}`, x)}
                errors={errorsWithComments}
                suffix={unitSuffix[i.unit] || undefined}
              />
            ))}
          </div>
        </Section>
        <Section title="Questions">
          {template.questions.map((q) => (
            <TextArea key={q.key} name={`answers.${q.key}`} label={q.label} required={q.required} value={v[`answers.${q.key}`] ?? ''} onInput={(x) => form.set(`answers.${q.key}`, x)} errors={errorsWithComments} rows={3} />
          ))}
        </Section>
        <div class="card">
          <div class="actions">
            <SubmitButton busy={form.submitting} class="button secondary">
              Enregistrer le brouillon
            </SubmitButton>
            <button type="button" class="button" disabled={form.submitting} onClick={() => void onSubmitReport()}>
              Transmettre le rapport
            </button>
          </div>
        </div>
      </Form>
    </>
  );
}

function ReportView(props: { report: Report; template: Template }) {
  const r = props.report;
  return (
    <>
      <Section title="Indicateurs">
        <p>Période : {r.period ? `du ${formatDate(r.period.start)} au ${formatDate(r.period.end)}` : '—'}</p>
        <Table
          caption="Indicateurs du rapport"
          captionHidden
          rows={props.template.indicators}
          rowKey={(i) => i.key}
          columns={[
            { key: 'label', label: 'Indicateur', render: (i) => i.label },
            { key: 'value', label: 'Valeur', numeric: true, render: (i) => (i.unit === 'count' ? formatNumber(r.indicators[i.key]) : formatDecimal(r.indicators[i.key])) },
          ]}
        />
      </Section>
      <Section title="Réponses">
        {props.template.questions.map((q) => (
          <div key={q.key}>
            <h3>{q.label}</h3>
            <p class="prewrap">{r.answers[q.key] ?? '—'}</p>
          </div>
        ))}
      </Section>
    </>
  );
}

function ReviewActions(props: { report: Report; template: Template; onDone: () => void }) {
  const r = props.report;
  const [busy, setBusy] = useState(false);
  const [confirmingAccept, setConfirmingAccept] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changes = useForm(`report-changes-${r.reportId}`, { path: '', comment: '' });
  const reopen = useForm(`report-reopen-${r.reportId}`, { reason: '' });
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await post(`/stages/${r.stageId}/reports/${r.essaimeId}/accept`, { expectedVersion: r.version });
      props.onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const requestChanges = async () => {
    const ok = await changes.submit(
      () => post(`/stages/${r.stageId}/reports/${r.essaimeId}/request-changes`, { expectedVersion: r.version, comments: [{ ...(changes.values.path ? { path: changes.values.path } : {}), comment: changes.values.comment }] }),
      ['comments'],
    );
    if (ok) {
      changes.clear();
      props.onDone();
    }
  };
  const doReopen = async () => {
    const ok = await reopen.submit(() => post(`/stages/${r.stageId}/reports/${r.essaimeId}/reopen`, { expectedVersion: r.version, reason: reopen.values.reason }), ['reason']);
    if (ok) {
      reopen.clear();
      props.onDone();
    }
  };
  return (
    <Section title="Relecture par l’équipe Ansa">
      {error && (
        <div class="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {r.status === 'submitted' && (
        <>
          <p>
            <button type="button" class="button" disabled={busy} onClick={() => setConfirmingAccept(true)}>
              Accepter le rapport
            </button>
          </p>
          <ConfirmDialog
            open={confirmingAccept}
            title={`Accepter le rapport de ${r.structureName} ?`}
            confirmLabel="Accepter le rapport"
            busy={busy}
            error={error}
            onCancel={() => setConfirmingAccept(false)}
            onConfirm={() => void accept().then(() => setConfirmingAccept(false))}
          >
            <p>
              Le rapport sera verrouillé et {props.template.indicators.length >= 2 ? `ses ${formatNumber(props.template.indicators.length)} indicateurs compteront` : 'son indicateur comptera'} dans les tableaux de bord du programme. Pour le corriger ensuite, il faudra le rouvrir avec un motif.
            </p>
          </ConfirmDialog>
          <Form onSubmit={() => void requestChanges()} label="Demander des modifications">
            <ErrorSummary messages={changes.formError} />
            <div class="grid">
              <Select
                name="path"
                label="Champ concerné"
                value={changes.values.path}
                onChange={(x) => changes.set('path', x)}
                placeholder="Le rapport dans son ensemble"
                options={[{ value: 'period', label: 'Période' }, ...props.template.indicators.map((i) => ({ value: `indicators.${i.key}`, label: i.label })), ...props.template.questions.map((q) => ({ value: `answers.${q.key}`, label: q.label.slice(0, 80) }))]}
              />
              <TextArea name="comment" label="Commentaire" required value={changes.values.comment} onInput={(x) => changes.set('comment', x)} errors={changes.errors} rows={2} />
            </div>
            <SubmitButton busy={changes.submitting} class="button secondary">
              Demander des modifications
            </SubmitButton>
          </Form>
        </>
      )}
      {r.status === 'accepted' && (
        <Form onSubmit={() => void doReopen()} label="Rouvrir le rapport">
          <p>
            <Badge tone="success">Accepté le {formatDateTime(r.acceptedAt)}</Badge> Le rapport est verrouillé ; ses chiffres comptent dans les tableaux de bord.
          </p>
          <ErrorSummary messages={reopen.formError} />
          <TextArea name="reason" label="Motif de réouverture" value={reopen.values.reason} onInput={(x) => reopen.set('reason', x)} errors={reopen.errors} rows={2} />
          <SubmitButton busy={reopen.submitting} class="button secondary">
            Rouvrir le rapport
          </SubmitButton>
        </Form>
      )}
      {(r.status === 'draft' || r.status === 'changes-requested') && <Empty>En attente de la structure.</Empty>}
    </Section>
  );
}

// ------------------------------------------------------------------------------------------- staff

function useSeasonChoice() {
  const seasons = useApi((signal) => get<ApiPage<Season>>('/seasons', { limit: 20 }, signal), []);
  const [params, setParams] = useSearchParams();
  const list = seasons.data?.items ?? [];
  const seasonId = params.get('saison') ?? list.find((s) => s.status === 'running')?.seasonId ?? list[0]?.seasonId ?? '';
  return { seasons, seasonId, params, setParams };
}

/** Staged evaluation: stages of the season, their completion, the review queue, exports. */
export function EvaluationPage() {
  const { seasons, seasonId, setParams } = useSeasonChoice();
  const stages = useApi(async (signal) => (seasonId ? get<ApiPage<Stage>>(`/seasons/${seasonId}/stages`, undefined, signal) : { items: [], nextCursor: null }), [seasonId]);
  return (
    <Page title="Évaluation par étapes" subtitle="Premier retour, bilan intermédiaire, bilan final : suivi des rapports des structures et relecture.">
      <Loaded resource={seasons} inline>
        {(page) => (
          <div class="filters">
            <Select name="saison" label="Saison" value={seasonId} onChange={(v) => setParams({ saison: v })} options={page.items.map((s) => ({ value: s.seasonId, label: s.name }))} />
          </div>
        )}
      </Loaded>
      {seasonId && (
        <div class="card actions">
          <DownloadButton path={`/seasons/${seasonId}/final-report.pdf`} label="Rapport final du programme" format="PDF" />
          <Link class="button secondary" href={`/tableau-de-bord?saison=${seasonId}`}>
            Tableau de bord du programme
          </Link>
        </div>
      )}
      {seasonId && <ReviewQueue seasonId={seasonId} />}
      <Loaded resource={stages} inline>
        {(s) => (
          <>
            <StagesSetup seasonId={seasonId} stages={s.items} onChanged={stages.reload} />
            {s.items.map((stage) => (
              <StageCompletion key={stage.stageId} stage={stage} />
            ))}
          </>
        )}
      </Loaded>
    </Page>
  );
}

function ReviewQueue(props: { seasonId: string }) {
  const list = usePagedApi((cursor, signal) => get<ApiPage<Report>>(`/seasons/${props.seasonId}/reports`, { status: 'submitted', cursor, limit: 10 }, signal), [props.seasonId]);
  return (
    <Section title="Rapports à relire">
      <Loaded resource={list} inline>
        {(page) => (
          <>
            <Table
              caption="Rapports transmis, à relire"
              captionHidden
              rows={page.items}
              rowKey={(r) => r.reportId}
              empty="Aucun rapport à relire."
              columns={[
                { key: 'structure', label: 'Structure', render: (r) => <Link href={`/rapports/${r.stageId}/${r.essaimeId}`}>{r.structureName}</Link> },
                { key: 'submitted', label: 'Transmis le', render: (r) => `${formatDateTime(r.submittedAt)}${r.submittedLate ? ' (en retard)' : ''}` },
              ]}
            />
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

function StageCompletion(props: { stage: Stage }) {
  const c = useApi((signal) => get<CompletionView>(`/stages/${props.stage.stageId}/completion`, undefined, signal), [props.stage.stageId]);
  return (
    <Section title={`${props.stage.name} (du ${formatDate(props.stage.opensOn)} au ${formatDate(props.stage.dueOn)})`} actions={
        <>
          <Link href={`/evaluation/etapes/${props.stage.stageId}/entretiens`}>Entretiens</Link>
          <Link href={`/evaluation/etapes/${props.stage.stageId}/import`}>Importer des chiffres</Link>
          <DownloadButton path={`/stages/${props.stage.stageId}/export.csv`} label="Exporter les rapports" format="CSV" />
        </>
      }
    >
      <Loaded resource={c} inline>
        {(d) => (
          <>
            <ul class="kpis">
              {(Object.keys(completionLabels) as Completion[]).map((k) => (
                <li class="kpi" key={k}>
                  <span class="kpi-value">{formatNumber(d.counts[k])}</span>
                  <span class="kpi-label">{completionLabels[k]}</span>
                </li>
              ))}
            </ul>
            <Table
              caption={`Avancement : ${props.stage.name}`}
              captionHidden
              rows={d.essaimes}
              rowKey={(e) => e.essaimeId}
              columns={[
                { key: 'name', label: 'Structure', render: (e) => <Link href={`/rapports/${props.stage.stageId}/${e.essaimeId}`}>{e.structureName}</Link> },
                { key: 'completion', label: 'Situation', render: (e) => <Badge tone={completionTone[e.completion]}>{completionLabels[e.completion]}</Badge> },
                { key: 'status', label: 'Rapport', render: (e) => reportStatusLabels[e.reportStatus] },
                { key: 'submitted', label: 'Transmis le', render: (e) => (e.submittedAt ? formatDate(e.submittedAt) : '—') },
                { key: 'questionnaires', label: 'Questionnaires', numeric: true, render: (e) => formatNumber(e.questionnaires) },
              ]}
            />
          </>
        )}
      </Loaded>
    </Section>
  );
}

// -------------------------------------------------------------------------------------- dashboards

const indicatorLabels: Record<string, string> = {
  activeFile: 'Personnes accompagnées',
  newlyWelcomed: 'Nouvellement accueillies',
  perSigned: 'PER signées',
  perRenewed: 'PER renouvelées',
  backInJob: 'De retour à l’emploi',
  durableJob: 'En emploi durable',
  companiesContacted: 'Entreprises contactées',
  companyVisits: 'Visites d’entreprises',
  offersCaptured: 'Offres captées',
  workPlacements: 'PMSMP',
  employmentEvents: 'Événements emploi',
  creFte: 'CRE (ETP)',
};

function ComparisonChart(props: { id: string; title: string; comparison: Comparison[] }) {
  const rates = props.comparison.filter((c) => ['returnToJobRate', 'returnToJobRate2016To2017', 'durableShare', 'durableShare2016To2017', 'teamGoalRate'].includes(c.indicator));
  const delay = props.comparison.find((c) => c.indicator === 'monthsToFirstContract');
  return (
    <>
      <BarChart id={props.id} title={props.title} unit="percent" max={1} referenceLabel="Référence A.CO.R." bars={rates.map((c) => ({ label: c.label, value: c.value, reference: c.reference }))} />
      {delay && (
        <BarChart
          id={`${props.id}-delay`}
          title="Délai moyen avant le premier contrat (mois)"
          referenceLabel="Référence A.CO.R. (3,5 mois)"
          max={Math.max(6, delay.value ?? 0, delay.reference)}
          bars={[{ label: 'Délai moyen', value: delay.value === null ? null : Math.round(delay.value * 10) / 10, reference: delay.reference }]}
        />
      )}
    </>
  );
}

function Kpis(props: { figures: FiguresView }) {
  const f = props.figures;
  return (
    <ul class="kpis" data-testid="kpis">
      <li class="kpi">
        <span class="kpi-value">{formatNumber(f.acceptedReports)}</span>
        <span class="kpi-label">{f.acceptedReports >= 2 ? 'rapports acceptés' : 'rapport accepté'}</span>
      </li>
      <li class="kpi">
        <span class="kpi-value">{formatNumber(f.totals.activeFile ?? 0)}</span>
        <span class="kpi-label">personnes accompagnées</span>
      </li>
      <li class="kpi">
        <span class="kpi-value">{formatNumber(f.totals.backInJob ?? 0)}</span>
        <span class="kpi-label">de retour à l’emploi</span>
      </li>
      <li class="kpi">
        <span class="kpi-value">{formatPercent(f.rates.returnToJobRate)}</span>
        <span class="kpi-label">taux de retour à l’emploi (A.CO.R. : 70 %)</span>
      </li>
      <li class="kpi">
        <span class="kpi-value">{formatPercent(f.rates.durableShare)}</span>
        <span class="kpi-label">en emploi durable (A.CO.R. : 39 %)</span>
      </li>
      <li class="kpi">
        <span class="kpi-value">{formatDecimal(f.rates.meanDelayMonths)}</span>
        <span class="kpi-label">mois avant le premier contrat (A.CO.R. : 3,5)</span>
      </li>
    </ul>
  );
}

function BreakdownChart(props: { id: string; title: string; rows: Breakdown[] }) {
  if (!props.rows.length) return <Empty>Pas encore de rapport accepté.</Empty>;
  return (
    <ColumnChart
      id={props.id}
      title={props.title}
      unit="percent"
      categories={props.rows.map((r) => r.label)}
      series={[
        { name: 'Retour à l’emploi', values: props.rows.map((r) => r.figures.rates.returnToJobRate) },
        { name: 'Emploi durable', values: props.rows.map((r) => r.figures.rates.durableShare) },
      ]}
    />
  );
}

/** The programme's dashboard (staff): totals and rates against the A.CO.R. reference, by hypothesis, région and setting. */
export function ProgrammeDashboardPage() {
  const { seasons, seasonId, params, setParams } = useSeasonChoice();
  const dash = useApi(async (signal) => (seasonId ? get<ProgrammeDashboard>(`/seasons/${seasonId}/dashboard`, undefined, signal) : undefined), [seasonId]);
  return (
    <Page title="Tableau de bord du programme" subtitle="Chiffres des rapports acceptés, comparés à chaque chiffre de référence de l’étude de faisabilité, avec sa source.">
      <Loaded resource={seasons} inline>
        {(page) => (
          <div class="filters">
            <Select name="saison" label="Saison" value={seasonId} onChange={(v) => setParams({ saison: v, etape: undefined })} options={page.items.map((s) => ({ value: s.seasonId, label: s.name }))} />
            {dash.data && dash.data.stages.length > 0 && (
              <Select
                name="etape"
                label="Étape"
                value={params.get('etape') ?? dash.data.stages[0]!.stageId}
                onChange={(v) => setParams({ etape: v })}
                options={dash.data.stages.map((s) => ({ value: s.stageId, label: `${s.name} (${countOf(s.programme.acceptedReports, 'rapport', 'rapports')})` }))}
              />
            )}
          </div>
        )}
      </Loaded>
      <Loaded resource={dash} inline>
        {(d) => {
          if (!d || d.stages.length === 0) return <Empty>Aucune étape d’évaluation pour cette saison.</Empty>;
          const stage = d.stages.find((s) => s.stageId === params.get('etape')) ?? d.stages[0]!;
          const totals = Object.entries(stage.programme.totals).filter(([k]) => indicatorLabels[k]);
          return (
            <>
              <Section title={`${stage.name} : l’ensemble du programme`}>
                <Kpis figures={stage.programme} />
                <ComparisonChart id="programme-comparison" title="Taux du programme et référence A.CO.R." comparison={stage.programme.comparison} />
                <ComparisonTable caption="Le programme et chaque chiffre de référence comparable" comparison={stage.programme.comparison} />
                {totals.length > 0 && <BarChart id="programme-totals" title="Totaux des indicateurs" bars={totals.map(([k, v]) => ({ label: indicatorLabels[k]!, value: v }))} />}
              </Section>
              <Section title="Par hypothèse">
                <BreakdownChart id="by-hypothesis" title="Taux par hypothèse" rows={stage.byHypothesis.map((b) => ({ ...b, label: hypothesisShort[b.key as 'A' | 'B'] ?? b.label }))} />
              </Section>
              <Section title="Par région">
                <BreakdownChart id="by-region" title="Taux par région" rows={stage.byRegion} />
              </Section>
              <Section title="Par milieu">
                <BreakdownChart id="by-setting" title="Taux par milieu (urbain, rural, semi-rural)" rows={stage.bySetting} />
              </Section>
              <Section title="Répartition des structures">
                <ColumnChart
                  id="rate-distribution"
                  title="Nombre de rapports par tranche de taux de retour à l’emploi"
                  categories={stage.rateDistribution.buckets.map((b) => `${Math.round(b.from * 100)}–${Math.round(b.to * 100)} %`)}
                  series={[{ name: 'Rapports', values: stage.rateDistribution.buckets.map((b) => b.reports) }]}
                />
              </Section>
              <ReferenceFigures reference={d.reference} />
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}

/** One essaimé's indicators, stage by stage, against the reference (staff, its referent and tutor). */
export function EssaimeDashboardPage(props: { essaimeId: string }) {
  const dash = useApi((signal) => get<EssaimeDashboard>(`/essaimes/${encodeURIComponent(props.essaimeId)}/dashboard`, undefined, signal), [props.essaimeId]);
  return (
    <Loaded resource={dash}>
      {(d) => (
        <Page
          title={`Tableau de bord — ${d.structureName}`}
          subtitle={`${d.territory.name} · rapports acceptés, comparés à la référence A.CO.R.`}
          trail={[{ href: `/structure-essaimee/${props.essaimeId}`, label: d.structureName }]}
          actions={<DownloadButton path={`/essaimes/${props.essaimeId}/final-report.pdf`} label="Rapport de la structure" format="PDF" />}
        >
          {d.stages.length === 0 && <Empty>Aucune étape d’évaluation.</Empty>}
          {d.stages.map((s) => (
            <Section key={s.stageId} title={s.name}>
              {s.accepted ? (
                <>
                  <Kpis figures={s.figures} />
                  <ComparisonChart id={`essaime-${s.stageId}`} title="Taux de la structure et référence A.CO.R." comparison={s.figures.comparison} />
                  <ComparisonTable caption="La structure et chaque chiffre de référence comparable" comparison={s.figures.comparison} />
                </>
              ) : (
                <Empty>Pas encore de rapport accepté pour cette étape.</Empty>
              )}
            </Section>
          ))}
          <ReferenceFigures reference={d.reference} />
        </Page>
      )}
    </Loaded>
  );
}
