import { useState } from 'preact/hooks';
import { ApiError, get, post, put, type Page as ApiPage } from '../api/client';
import type { Essaime, EssaimeView as EssaimeWithParticipants } from '../../../shared/essaimes/schemas';
import type { AttendanceStatus } from '../../../shared/training/rules';
import type { AttendanceRecord } from '../../../shared/training/schemas';
import type {
  CohortProgressView as CohortProgress,
  CohortView as Cohort,
  EssaimeTrainingView as EssaimeTraining,
  SessionView as Session,
  TrainingWarningView as Warning,
} from '../../../shared/training/views';
import type { Season } from '../api/types';
import { BarChart } from '../components/charts';
import { ErrorSummary, Form, NumberField, Select, SubmitButton, TextArea, TextField, toNumber } from '../components/form';
import { Badge, DescriptionList, ErrorPage, Loaded, Page, Section } from '../components/page';
import { Notice, Pager, Progress, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { countOf, formatDate, formatNumber, formatPercent } from '../i18n/format';
import { axisLabels } from '../i18n/labels';
import { Link, navigate } from '../router';
import { CohortList, ModuleEditor, SessionActions, useCohortNotice, useTutors } from './sessions';
import { Attachments } from '../components/attachments';

export const attendanceLabels: Record<AttendanceStatus, string> = { present: 'Présent', excused: 'Absent excusé', absent: 'Absent' };
const modeLabels = { 'in-person': 'Présentiel', remote: 'À distance' };
const reasonLabels: Record<string, string> = {
  NO_SESSIONS: 'aucune séance prévue',
  SESSIONS_NOT_ALL_RECORDED: 'présences à saisir',
  NO_ATTENDANCE: 'aucune présence',
  ATTENDANCE_BELOW_THRESHOLD: 'assiduité insuffisante',
  DELIVERABLE_MISSING: 'livrable à déposer',
};

function warningText(w: Warning): string {
  return w.code === 'CONSECUTIVE_ABSENCES' ? `${w.name} : ${w.absences} absences consécutives` : `Assiduité ${formatPercent(w.rate)} sous le seuil de ${formatPercent(w.threshold)}`;
}

/** '80' or '80,5' (percent, as typed) → 0.8; invalid text goes as typed so the API reports it at the field. */
function percentToRatio(value: string): number | string | undefined {
  const n = toNumber(value);
  return typeof n === 'number' ? n / 100 : n;
}

/** '09:30' → '9 h 30', as French writes times. */
const frenchTime = (t: string) => { const [h, m] = t.split(':'); return `${Number(h)} h ${m}`; };
const sessionWhen = (s: { date: string; startTime: string; durationMinutes: number }) => `${formatDate(s.date)} à ${frenchTime(s.startTime)} (${s.durationMinutes} min)`;

// ------------------------------------------------------------------------------------------- staff

/** The formation-action of a season: its cohort, modules, sessions; creating it when it does not exist. */
export function TrainingPage() {
  const seasons = useApi((signal) => get<ApiPage<Season>>('/seasons', { limit: 20 }, signal), []);
  return (
    <Page title="Formation-action" subtitle="Cinq mois, cinq modules (un par axe), trois personnes par structure essaimée.">
      <CohortList />
      <Loaded resource={seasons} inline>
        {(page) => (
          <>
            {page.items.map((s) => (
              <SeasonCohort key={s.seasonId} season={s} />
            ))}
          </>
        )}
      </Loaded>
    </Page>
  );
}

function SeasonCohort(props: { season: Season }) {
  const cohort = useApi(
    (signal) =>
      get<Cohort>(`/seasons/${props.season.seasonId}/cohort`, undefined, signal).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [props.season.seasonId],
  );
  return (
    <Section title={props.season.name}>
      <Loaded resource={cohort} inline>
        {(c) =>
          c ? (
            <>
              <p>
                <Link href={`/formation/${c.cohortId}`}>{c.name}</Link> — du {formatDate(c.startDate)} au {formatDate(c.endDate)}, {countOf(c.essaimeCount, 'structure essaimée', 'structures essaimées')}
              </p>
              <p class="actions">
                <Link class="button" href={`/formation/${c.cohortId}`}>
                  Modules et séances
                </Link>
                <Link class="button secondary" href={`/formation/${c.cohortId}/avancement`}>
                  Avancement des essaimés
                </Link>
              </p>
            </>
          ) : (
            <CreateCohort seasonId={props.season.seasonId} />
          )
        }
      </Loaded>
    </Section>
  );
}

function CreateCohort(props: { seasonId: string }) {
  const form = useForm(`create-cohort-${props.seasonId}`, { startDate: '', threshold: '80' });
  const onSubmit = async () => {
    const c = await form.submit(
      () => post<Cohort>(`/seasons/${props.seasonId}/cohort`, { startDate: form.values.startDate, attendanceThreshold: percentToRatio(form.values.threshold) }),
      ['startDate', 'attendanceThreshold'],
    );
    if (c) {
      form.clear();
      navigate(`/formation/${c.cohortId}`);
    }
  };
  return (
    <Form onSubmit={onSubmit} label={`Créer la promotion (${props.seasonId})`}>
      <p class="hint">Pas encore de promotion pour cette saison : créez-la avec les structures essaimées de la saison et les cinq modules par défaut.</p>
      <ErrorSummary messages={form.formError} />
      <div class="grid">
        <TextField name="startDate" type="date" label="Début de la formation-action" required value={form.values.startDate} onInput={(v) => form.set('startDate', v)} errors={form.errors} />
        <NumberField name="attendanceThreshold" label="Seuil d’assiduité" value={form.values.threshold} onInput={(v) => form.set('threshold', v)} errors={form.errors} suffix="%" />
      </div>
      <SubmitButton busy={form.submitting}>Créer la promotion</SubmitButton>
    </Form>
  );
}

export function CohortPage(props: { cohortId: string }) {
  const cohort = useApi((signal) => get<Cohort>(`/cohorts/${encodeURIComponent(props.cohortId)}`, undefined, signal), [props.cohortId]);
  const [tick, setTick] = useState(0);
  const sessions = usePagedApi((cursor, signal) => get<ApiPage<Session>>(`/cohorts/${encodeURIComponent(props.cohortId)}/sessions`, { cursor, limit: 20 }, signal), [props.cohortId, tick]);
  const tutors = useTutors();
  const notice = useCohortNotice();
  const changed = (message: string) => {
    notice.set(message);
    setTick((t) => t + 1);
    cohort.reload();
  };
  return (
    <Loaded resource={cohort}>
      {(c) => (
        <Page
          title={c.name}
          subtitle={`Du ${formatDate(c.startDate)} au ${formatDate(c.endDate)} · seuil d’assiduité ${formatPercent(c.attendanceThreshold)}`}
          trail={[{ href: '/formation', label: 'Formation-action' }]}
          actions={
            <Link class="button secondary" href={`/formation/${c.cohortId}/avancement`}>
              Avancement des essaimés
            </Link>
          }
        >
          {notice.element}
          <Section title="Modules">
            <Table
              caption="Modules"
              captionHidden
              rows={c.modules}
              rowKey={(m) => m.moduleId}
              columns={[
                { key: 'title', label: 'Module', render: (m) => (<>{m.title}<p class="hint">{m.objectives.join(' · ')}</p></>) },
                { key: 'sessions', label: 'Séances', numeric: true, render: (m) => m.sessionCount },
                { key: 'rate', label: 'Assiduité', numeric: true, render: (m) => <Link href={`/formation/${c.cohortId}/modules/${m.moduleId}/presences`}>{formatPercent(m.attendance.rate)}</Link> },
                {
                  key: 'experts',
                  label: 'Experts A.CO.R.',
                  render: (m) => (
                    <>
                      {m.expertUserIds.map((id) => tutors.data?.find((t) => t.userId === id)?.displayName ?? 'Expert A.CO.R.').join(', ') || '—'}
                      <ModuleEditor cohortId={c.cohortId} module={m} tutors={tutors.data ?? []} onSaved={changed} />
                    </>
                  ),
                },
              ]}
            />
          </Section>
          <Section title="Séances">
            <Loaded resource={sessions} inline>
              {(page) => (
                <>
                  <Table
                    caption="Séances, dans l’ordre chronologique"
                    captionHidden
                    rows={page.items}
                    rowKey={(s) => s.sessionId}
                    empty="Aucune séance prévue."
                    columns={[
                      { key: 'when', label: 'Date', render: (s) => sessionWhen(s) },
                      { key: 'module', label: 'Module', render: (s) => c.modules.find((m) => m.moduleId === s.moduleId)?.title ?? '—' },
                      { key: 'where', label: 'Lieu', render: (s) => `${modeLabels[s.mode]} · ${s.place}` },
                      { key: 'recorded', label: 'Présences saisies', numeric: true, render: (s) => (s.status === 'cancelled' ? <Badge>Annulée</Badge> : formatNumber(s.attendance.recorded)) },
                      {
                        key: 'sheet',
                        label: 'Feuille de présence',
                        render: (s) => (s.status === 'scheduled' ? <Link href={`/formation/${c.cohortId}/seances/${s.sessionId}`}>Saisir les présences</Link> : s.cancelReason ?? '—'),
                      },
                      { key: 'actions', label: 'Modifier', render: (s) => (s.attendance.recorded === 0 ? <SessionActions cohortId={c.cohortId} session={s} onChanged={changed} /> : '—') },
                    ]}
                  />
                  <Pager pageNumber={sessions.pageNumber} hasPrevious={sessions.hasPrevious} hasNext={sessions.hasNext} onPrevious={sessions.previous} onNext={sessions.next} />
                </>
              )}
            </Loaded>
          </Section>
          <AddSession cohort={c} onAdded={() => setTick((t) => t + 1)} />
        </Page>
      )}
    </Loaded>
  );
}

const sessionLabels: Record<string, string> = { moduleId: 'Module', date: 'Date', startTime: 'Heure', durationMinutes: 'Durée', mode: 'Modalité', place: 'Lieu' };

function AddSession(props: { cohort: Cohort; onAdded: () => void }) {
  const form = useForm(`add-session-${props.cohort.cohortId}`, { moduleId: '', date: '', startTime: '09:30', durationMinutes: '180', mode: 'in-person', place: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const onSubmit = async () => {
    setNotice(null);
    const s = await form.submit(
      () =>
        post<Session>(`/cohorts/${props.cohort.cohortId}/sessions`, {
          moduleId: v.moduleId || undefined,
          date: v.date,
          startTime: v.startTime,
          durationMinutes: toNumber(v.durationMinutes),
          mode: v.mode,
          place: v.place,
        }),
      Object.keys(sessionLabels),
    );
    if (s) {
      form.clear();
      setNotice(`Séance ajoutée le ${formatDate(s.date)}. Les référents sont prévenus.`);
      props.onAdded();
    }
  };
  return (
    <Section title="Ajouter une séance">
      <Notice message={notice} />
      <Form onSubmit={onSubmit} label="Ajouter une séance">
        <ErrorSummary messages={form.formError} errors={form.errors} labels={sessionLabels} />
        <div class="grid">
          <Select name="moduleId" label="Module" required value={v.moduleId} onChange={(x) => form.set('moduleId', x)} errors={form.errors} placeholder="Choisir un module" options={props.cohort.modules.map((m) => ({ value: m.moduleId, label: m.title }))} />
          <TextField name="date" type="date" label="Date" required value={v.date} onInput={(x) => form.set('date', x)} errors={form.errors} />
          <TextField name="startTime" label="Heure de début" required value={v.startTime} onInput={(x) => form.set('startTime', x)} errors={form.errors} hint="Format 24 h, par exemple 09:30" />
          <NumberField name="durationMinutes" label="Durée" required value={v.durationMinutes} onInput={(x) => form.set('durationMinutes', x)} errors={form.errors} suffix="min" />
          <Select name="mode" label="Modalité" value={v.mode} onChange={(x) => form.set('mode', x)} errors={form.errors} options={Object.entries(modeLabels).map(([value, l]) => ({ value, label: l }))} />
          <TextField name="place" label="Lieu ou lien de visioconférence" required value={v.place} onInput={(x) => form.set('place', x)} errors={form.errors} />
        </div>
        <SubmitButton busy={form.submitting}>Ajouter la séance</SubmitButton>
      </Form>
    </Section>
  );
}

/** Everything the attendance sheet needs: the session, the cohort's essaimés with their participants, what is recorded. */
async function loadSheet(cohortId: string, sessionId: string, signal: AbortSignal) {
  const cohort = await get<Cohort>(`/cohorts/${cohortId}`, undefined, signal);
  const [sessions, essaimes, records] = await Promise.all([
    (async () => {
      const all: Session[] = [];
      let cursor: string | undefined;
      do {
        const p = await get<ApiPage<Session>>(`/cohorts/${cohortId}/sessions`, { cursor, limit: 100 }, signal);
        all.push(...p.items);
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      return all;
    })(),
    (async () => {
      const all: Essaime[] = [];
      let cursor: string | undefined;
      do {
        const p = await get<ApiPage<Essaime>>(`/seasons/${cohort.seasonId}/essaimes`, { cursor, limit: 100 }, signal);
        all.push(...p.items);
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      return Promise.all(all.map((e) => get<EssaimeWithParticipants>(`/essaimes/${e.essaimeId}`, undefined, signal)));
    })(),
    (async () => {
      const all: AttendanceRecord[] = [];
      let cursor: string | undefined;
      do {
        const p = await get<ApiPage<AttendanceRecord>>(`/cohorts/${cohortId}/sessions/${sessionId}/attendance`, { cursor, limit: 100 }, signal);
        all.push(...p.items);
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      return all;
    })(),
  ]);
  const session = sessions.find((s) => s.sessionId === sessionId);
  return { cohort, session, essaimes: essaimes.sort((a, b) => a.structureName.localeCompare(b.structureName, 'fr')), records };
}

export function AttendanceSheetPage(props: { cohortId: string; sessionId: string }) {
  const sheet = useApi((signal) => loadSheet(props.cohortId, props.sessionId, signal), [props.cohortId, props.sessionId]);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Loaded resource={sheet}>
      {(d) =>
        d.session ? (
          <Page
            title="Feuille de présence"
            subtitle={`${d.cohort.modules.find((m) => m.moduleId === d.session!.moduleId)?.title ?? ''} · ${sessionWhen(d.session)} · ${modeLabels[d.session.mode]}, ${d.session.place}`}
            trail={[{ href: '/formation', label: 'Formation-action' }, { href: `/formation/${d.cohort.cohortId}`, label: d.cohort.name }]}
          >
            <Notice message={notice} />
            <AttendanceSheet key={d.records.map((r) => `${r.participantId}:${r.status}:${r.note ?? ''}`).join('|')} cohortId={d.cohort.cohortId} session={d.session} essaimes={d.essaimes} records={d.records} onSaved={(message) => { setNotice(message); sheet.reload(); }} onStart={() => setNotice(null)} />
          </Page>
        ) : (
          <ErrorPage kind="not-found" />
        )
      }
    </Loaded>
  );
}

const BATCH = 50;

function AttendanceSheet(props: { cohortId: string; session: Session; essaimes: EssaimeWithParticipants[]; records: AttendanceRecord[]; onSaved: (message: string) => void; onStart: () => void }) {
  const rows = props.essaimes.flatMap((e) => e.participants.filter((p) => p.active || (p.until !== null && p.until.slice(0, 10) >= props.session.date)).map((p) => ({ essaime: e, participant: p })));
  const initial: Record<string, string> = {};
  for (const r of rows) {
    const recorded = props.records.find((x) => x.participantId === r.participant.participantId);
    initial[`status.${r.participant.participantId}`] = recorded?.status ?? '';
    initial[`note.${r.participant.participantId}`] = recorded?.note ?? '';
  }
  const form = useForm(`attendance-${props.session.sessionId}`, initial);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const v = form.values;

  const setAll = (status: AttendanceStatus) => {
    const next = { ...v };
    for (const r of rows) if (!next[`status.${r.participant.participantId}`]) next[`status.${r.participant.participantId}`] = status;
    form.setValues(next);
  };

  const onSubmit = async () => {
    props.onStart();
    const records = rows
      .filter((r) => v[`status.${r.participant.participantId}`])
      .map((r) => ({
        essaimeId: r.essaime.essaimeId,
        participantId: r.participant.participantId,
        status: v[`status.${r.participant.participantId}`] as AttendanceStatus,
        ...(v[`note.${r.participant.participantId}`]?.trim() ? { note: v[`note.${r.participant.participantId}`]!.trim() } : {}),
      }));
    if (records.length === 0) {
      form.setFormError(['Indiquez la présence d’au moins une personne.']);
      return;
    }
    // Large sheets go in batches, with their progress shown.
    const batches: (typeof records)[] = [];
    for (let i = 0; i < records.length; i += BATCH) batches.push(records.slice(i, i + BATCH));
    setProgress({ done: 0, total: records.length });
    let recorded = 0;
    let done = 0;
    const ok = await form.submit(async () => {
      for (const batch of batches) {
        const result = await put<{ recorded: number; unchanged: number }>(`/cohorts/${props.cohortId}/sessions/${props.session.sessionId}/attendance`, { records: batch });
        recorded += result.recorded;
        done += batch.length;
        setProgress({ done, total: records.length });
      }
      return true;
    });
    setProgress(null);
    if (ok) {
      form.clear();
      props.onSaved(`Présences enregistrées : ${countOf(recorded, 'modification', 'modifications')}, ${countOf(records.length - recorded, 'inchangée', 'inchangées')}.`);
    }
  };

  return (
    <Section title={`${countOf(rows.length, 'participant', 'participants')} de ${countOf(props.essaimes.length, 'structure', 'structures')}`}>
      <Form onSubmit={() => void onSubmit()} label="Feuille de présence">
        <ErrorSummary messages={form.formError} />
        <div class="actions">
          <button type="button" class="button secondary small" onClick={() => setAll('present')}>
            Marquer présents les non saisis
          </button>
        </div>
        <div class="table-wrap">
          <table class="attendance">
            <caption class="sr-only">Présence de chaque participant</caption>
            <thead>
              <tr>
                <th scope="col">Structure</th>
                <th scope="col">Participant</th>
                {(['present', 'excused', 'absent'] as const).map((s) => (
                  <th scope="col" key={s}>
                    {attendanceLabels[s]}
                  </th>
                ))}
                <th scope="col">Remarque</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ essaime, participant }) => {
                const key = participant.participantId;
                return (
                  <tr key={key} data-participant={participant.name}>
                    <td>{essaime.structureName}</td>
                    <th scope="row">{participant.name}</th>
                    {(['present', 'excused', 'absent'] as const).map((s) => (
                      <td key={s} class="center">
                        <input
                          type="radio"
                          name={`status-${key}`}
                          value={s}
                          checked={v[`status.${key}`] === s}
                          aria-label={`${participant.name} : ${attendanceLabels[s]}`}
                          onChange={() => form.set(`status.${key}`, s)}
                        />
                      </td>
                    ))}
                    <td>
                      <input class="note" type="text" value={v[`note.${key}`] ?? ''} aria-label={`Remarque pour ${participant.name}`} onInput={(e) => form.set(`note.${key}`, (e.currentTarget as HTMLInputElement).value)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {progress && <Progress label="Enregistrement des présences" value={progress.total ? progress.done / progress.total : null} detail={`${formatNumber(progress.done)} sur ${formatNumber(progress.total)}`} />}
        <SubmitButton busy={form.submitting}>Enregistrer les présences</SubmitButton>
      </Form>
    </Section>
  );
}

/** Stage completion of the formation-action: each essaimé's modules validated, attendance and warnings. */
export function CohortProgressPage(props: { cohortId: string }) {
  const list = usePagedApi((cursor, signal) => get<CohortProgress>(`/cohorts/${encodeURIComponent(props.cohortId)}/progress`, { cursor, limit: 20 }, signal), [props.cohortId]);
  return (
    <Loaded resource={list}>
      {(p) => (
        <Page title="Avancement de la formation-action" subtitle={p.cohort.name} trail={[{ href: '/formation', label: 'Formation-action' }, { href: `/formation/${p.cohort.cohortId}`, label: p.cohort.name }]}>
          <Section title="Assiduité par module">
            <BarChart
              id="module-rates"
              title={`Taux de présence par module (seuil ${formatPercent(p.cohort.attendanceThreshold)})`}
              unit="percent"
              max={1}
              referenceLabel="Seuil d’assiduité"
              bars={p.modules.map((m) => ({ label: `${m.order}. ${axisLabels[m.axis]}`, value: m.attendance.rate, reference: p.cohort.attendanceThreshold }))}
            />
          </Section>
          <Section title="Structures essaimées">
            <Table
              caption="Avancement par structure"
              captionHidden
              rows={p.items}
              rowKey={(i) => i.essaimeId}
              columns={[
                { key: 'name', label: 'Structure', render: (i) => <Link href={`/structure-essaimee/${i.essaimeId}/formation`}>{i.structureName}</Link> },
                { key: 'rate', label: 'Assiduité', numeric: true, render: (i) => formatPercent(i.attendance.rate) },
                { key: 'modules', label: 'Modules validés', numeric: true, render: (i) => `${i.modulesValidated} / ${i.modulesTotal}` },
                { key: 'warnings', label: 'Alertes', render: (i) => (i.warnings.length ? i.warnings.map((w) => <p key={warningText(w)}><Badge tone="danger">Alerte</Badge> {warningText(w)}</p>) : '—') },
                { key: 'open', label: 'Demandes ouvertes', numeric: true, render: (i) => (i.openRequests === null ? '—' : formatNumber(i.openRequests)) },
              ]}
            />
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </Section>
        </Page>
      )}
    </Loaded>
  );
}

// ------------------------------------------------------------------------------------ essaimé view

/** One essaimé's training, for staff, its referent (deliverables) and its tutor. */
export function EssaimeTrainingPage(props: { essaimeId: string }) {
  const me = useMe();
  const t = useApi((signal) => get<EssaimeTraining>(`/essaimes/${encodeURIComponent(props.essaimeId)}/training`, undefined, signal), [props.essaimeId]);
  return (
    <Loaded resource={t}>
      {(d) => (
        <Page
          title={`Formation-action — ${d.structureName}`}
          subtitle={`${d.cohort.name} · du ${formatDate(d.cohort.startDate)} au ${formatDate(d.cohort.endDate)}`}
          trail={[{ href: `/structure-essaimee/${d.essaimeId}`, label: d.structureName }]}
        >
          {d.warnings.length > 0 && (
            <div class="alert alert-error" role="status">
              {d.warnings.map((w) => (
                <p key={warningText(w)}>{warningText(w)}</p>
              ))}
            </div>
          )}
          <ul class="kpis">
            <li class="kpi">
              <span class="kpi-value">{formatPercent(d.attendance.rate)}</span>
              <span class="kpi-label">assiduité (seuil {formatPercent(d.cohort.attendanceThreshold)})</span>
            </li>
            <li class="kpi">
              <span class="kpi-value">
                {d.modules.filter((m) => m.validated).length} / {d.modules.length}
              </span>
              <span class="kpi-label">modules validés</span>
            </li>
          </ul>
          <Section title="Séances et présences">
            <Table
              caption="Séances"
              captionHidden
              rows={d.sessions}
              rowKey={(s) => s.sessionId}
              empty="Aucune séance prévue."
              columns={[
                { key: 'when', label: 'Date', render: (s) => sessionWhen(s) },
                { key: 'module', label: 'Module', render: (s) => s.moduleTitle },
                { key: 'where', label: 'Lieu', render: (s) => (s.status === 'cancelled' ? <Badge>Annulée : {s.cancelReason}</Badge> : `${modeLabels[s.mode]} · ${s.place}`) },
                {
                  key: 'att',
                  label: 'Présences',
                  render: (s) =>
                    s.attendance.length
                      ? s.attendance.map((a) => `${d.participants.find((p) => p.participantId === a.participantId)?.name ?? a.participantId} : ${attendanceLabels[a.status].toLowerCase()}`).join(' ; ')
                      : '—',
                },
              ]}
            />
          </Section>
          <Section title="Participants">
            <Table
              caption="Participants"
              captionHidden
              rows={d.participants}
              rowKey={(p) => p.participantId}
              columns={[
                { key: 'name', label: 'Nom', render: (p) => p.name },
                { key: 'role', label: 'Fonction', render: (p) => p.role },
                { key: 'rate', label: 'Assiduité', numeric: true, render: (p) => formatPercent(p.attendance.rate) },
                { key: 'abs', label: 'Absences', numeric: true, render: (p) => formatNumber(p.attendance.absent) },
                { key: 'active', label: 'Statut', render: (p) => (p.active ? <Badge tone="success">Actif</Badge> : <Badge>Parti</Badge>) },
              ]}
            />
          </Section>
          <Section title="Modules et livrables">
            {d.modules.map((m) => (
              <div key={m.moduleId} class="card">
                <h3>{m.title}</h3>
                <p>
                  {m.validated ? <Badge tone="success">Validé</Badge> : <Badge tone="warning">Non validé</Badge>} {m.reasons.map((r) => reasonLabels[r] ?? r).join(', ')}
                </p>
                <DescriptionList
                  items={[
                    ['Séances', `${countOf(m.sessionsRecorded, 'saisie', 'saisies')} sur ${formatNumber(m.sessionsToHold)}`],
                    ['Assiduité', formatPercent(m.rate)],
                    ['Livrable', m.deliverable ? `${m.deliverable.title} (déposé le ${formatDate(m.deliverable.submittedAt)})` : 'À déposer'],
                  ]}
                />
                <Attachments
                  parent={{ kind: 'deliverable', essaimeId: d.essaimeId, moduleId: m.moduleId }}
                  name={`deliverable-${m.moduleId}`}
                  label="Pièces jointes au livrable"
                  hint={me.role === 'referent' ? 'Plan d’action, annexes : joignez-les ici.' : undefined}
                  editable={me.role === 'referent'}
                />
                {me.role === 'referent' && <DeliverableForm essaimeId={d.essaimeId} moduleId={m.moduleId} current={m.deliverable} onSaved={t.reload} />}
              </div>
            ))}
          </Section>
        </Page>
      )}
    </Loaded>
  );
}

function DeliverableForm(props: { essaimeId: string; moduleId: string; current: EssaimeTraining['modules'][number]['deliverable']; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const form = useForm(`deliverable-${props.essaimeId}-${props.moduleId}`, { title: props.current?.title ?? '', content: props.current?.content ?? '' });
  if (!open) {
    return (
      <button type="button" class="button secondary small" onClick={() => setOpen(true)}>
        {props.current ? 'Remplacer le livrable' : 'Déposer le livrable'}
      </button>
    );
  }
  const onSubmit = async () => {
    const ok = await form.submit(
      () => put(`/essaimes/${props.essaimeId}/training/deliverables/${props.moduleId}`, { title: form.values.title, content: form.values.content, ...(props.current ? { expectedVersion: props.current.version } : {}) }),
      ['title', 'content'],
    );
    if (ok) {
      form.clear();
      setOpen(false);
      props.onSaved();
    }
  };
  return (
    <Form onSubmit={onSubmit} label="Livrable du module">
      <ErrorSummary messages={form.formError} />
      <TextField name="title" label="Titre du plan d’action" required value={form.values.title} onInput={(v) => form.set('title', v)} errors={form.errors} />
      <TextArea name="content" label="Plan d’action de la structure sur cet axe" required value={form.values.content} onInput={(v) => form.set('content', v)} errors={form.errors} rows={5} hint="20 caractères au moins." />
      <SubmitButton busy={form.submitting}>Déposer</SubmitButton>
    </Form>
  );
}

