import { useState } from 'preact/hooks';
import { get, patch, post, type Page as ApiPage } from '../api/client';
import type { EssaimeView, Essaime } from '../../../shared/essaimes/schemas';
import type { AttendanceRecord, Cohort as CohortItem } from '../../../shared/training/schemas';
import type { CohortView as Cohort, ModuleView, SessionView as Session } from '../../../shared/training/views';
import type { Tutor } from '../../../shared/tutoring/schemas';
import { ConfirmDialog } from '../components/confirm';
import { CheckboxGroup, ErrorSummary, Form, NumberField, Select, SubmitButton, TextArea, TextField, toNumber } from '../components/form';
import { Loaded, Page, Section } from '../components/page';
import { Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, usePagedApi } from '../hooks';
import { formatDate, formatNumber } from '../i18n/format';
import { Link } from '../router';

const attendanceLabels: Record<string, string> = { present: 'Présent', excused: 'Absent excusé', absent: 'Absent' };
const frenchTime = (t: string) => {
  const [h, m] = t.split(':');
  return `${Number(h)} h ${m}`;
};

/** Every cohort, newest first: the list the staff start from. */
export function CohortList() {
  const list = usePagedApi((cursor, signal) => get<ApiPage<CohortItem>>('/cohorts', { cursor, limit: 10 }, signal), []);
  return (
    <Section title="Toutes les promotions">
      <Loaded resource={list} inline>
        {(page) => (
          <>
            <Table
              caption="Promotions"
              captionHidden
              rows={page.items}
              rowKey={(c) => c.cohortId}
              empty="Aucune promotion : créez-la depuis sa saison ci-dessous."
              columns={[
                { key: 'name', label: 'Promotion', render: (c) => <Link href={`/formation/${c.cohortId}`}>{c.name}</Link> },
                { key: 'dates', label: 'Période', render: (c) => `du ${formatDate(c.startDate)} au ${formatDate(c.endDate)}` },
                { key: 'count', label: 'Structures', numeric: true, render: (c) => formatNumber(c.essaimeCount) },
              ]}
            />
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** Moving or cancelling a scheduled session (before any attendance is recorded). */
export function SessionActions(props: { cohortId: string; session: Session; onChanged: (message: string) => void }) {
  const s = props.session;
  const [mode, setMode] = useState<'idle' | 'move' | 'cancel'>('idle');
  if (s.status !== 'scheduled') return null;
  return (
    <div class="session-actions">
      {mode === 'idle' && (
        <span class="actions">
          <button type="button" class="button small secondary" onClick={() => setMode('move')}>
            Déplacer
          </button>
          <button type="button" class="button small secondary" onClick={() => setMode('cancel')}>
            Annuler la séance
          </button>
        </span>
      )}
      {mode === 'move' && <MoveSession {...props} onClose={() => setMode('idle')} />}
      {mode === 'cancel' && <CancelSession {...props} onClose={() => setMode('idle')} />}
    </div>
  );
}

const when = (date: string, time: string) => `${formatDate(date)} à ${frenchTime(time)}`;

function MoveSession(props: { cohortId: string; session: Session; onChanged: (message: string) => void; onClose: () => void }) {
  const s = props.session;
  const form = useForm(`move-session-${s.sessionId}-${s.version}`, { date: s.date, startTime: s.startTime, durationMinutes: String(s.durationMinutes), mode: s.mode, place: s.place });
  const v = form.values;
  const onSubmit = async () => {
    const moved = await form.submit(
      () =>
        patch<Session>(`/cohorts/${props.cohortId}/sessions/${s.sessionId}`, {
          expectedVersion: s.version,
          ...(v.date !== s.date ? { date: v.date } : {}),
          ...(v.startTime !== s.startTime ? { startTime: v.startTime } : {}),
          ...(v.durationMinutes !== String(s.durationMinutes) ? { durationMinutes: toNumber(v.durationMinutes) } : {}),
          ...(v.mode !== s.mode ? { mode: v.mode } : {}),
          ...(v.place !== s.place ? { place: v.place } : {}),
        }),
      ['date', 'startTime', 'durationMinutes', 'mode', 'place'],
    );
    if (moved) {
      form.clear();
      props.onClose();
      props.onChanged(`Séance déplacée du ${when(s.date, s.startTime)} au ${when(moved.date, moved.startTime)}.`);
    }
  };
  return (
    <Form onSubmit={onSubmit} label="Déplacer la séance">
      <ErrorSummary messages={form.formError} />
      <div class="grid">
        <TextField name="date" type="date" label="Nouvelle date" required value={v.date} onInput={(x) => form.set('date', x)} errors={form.errors} />
        <TextField name="startTime" label="Heure de début" hint="Au format 09:30" required value={v.startTime} onInput={(x) => form.set('startTime', x)} errors={form.errors} />
        <NumberField name="durationMinutes" label="Durée" suffix="min" value={v.durationMinutes} onInput={(x) => form.set('durationMinutes', x)} errors={form.errors} />
        <Select
          name="mode"
          label="Modalité"
          value={v.mode}
          onChange={(x) => form.set('mode', x as Session['mode'])}
          options={[
            { value: 'in-person', label: 'Présentiel' },
            { value: 'remote', label: 'À distance' },
          ]}
          errors={form.errors}
        />
        <TextField name="place" label="Lieu" value={v.place} onInput={(x) => form.set('place', x)} errors={form.errors} />
      </div>
      <p class="actions">
        <SubmitButton busy={form.submitting}>Déplacer la séance</SubmitButton>
        <button type="button" class="button secondary" onClick={props.onClose}>
          Fermer
        </button>
      </p>
    </Form>
  );
}

function CancelSession(props: { cohortId: string; session: Session; onChanged: (message: string) => void; onClose: () => void }) {
  const s = props.session;
  const form = useForm(`cancel-session-${s.sessionId}`, { reason: '' });
  const [asking, setAsking] = useState(false);
  const confirm = async () => {
    const done = await form.submit(() => post<Session>(`/cohorts/${props.cohortId}/sessions/${s.sessionId}/cancel`, { expectedVersion: s.version, reason: form.values.reason }), ['reason']);
    setAsking(false);
    if (done) {
      form.clear();
      props.onClose();
      props.onChanged(`Séance du ${when(s.date, s.startTime)} annulée.`);
    }
  };
  return (
    <>
      <Form onSubmit={() => setAsking(true)} label="Annuler la séance">
        <ErrorSummary messages={form.formError} />
        <TextArea name="reason" label="Motif de l’annulation" required rows={2} value={form.values.reason} onInput={(x) => form.set('reason', x)} errors={form.errors} />
        <p class="actions">
          <SubmitButton busy={form.submitting}>Annuler la séance</SubmitButton>
          <button type="button" class="button secondary" onClick={props.onClose}>
            Fermer
          </button>
        </p>
      </Form>
      <ConfirmDialog open={asking} title={`Annuler la séance du ${when(s.date, s.startTime)} ?`} confirmLabel="Annuler la séance" danger busy={form.submitting} onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>
          La séance ({s.place}) ne pourra plus recevoir de présences ni être rétablie ; pour la remplacer, ajoutez une nouvelle séance au module. Motif : « {form.values.reason.trim() || '—'} ».
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Tutors of the directory by id (the A.CO.R. experts), for names and choices. */
export function useTutors() {
  return useApi((signal) => get<ApiPage<Tutor>>('/tutors', { limit: 100 }, signal).then((p) => p.items), []);
}

/** A module's title, objectives and the A.CO.R. experts who lead it. */
export function ModuleEditor(props: { cohortId: string; module: ModuleView; tutors: Tutor[]; onSaved: (m: string) => void }) {
  const m = props.module;
  const form = useForm(`module-${m.moduleId}-${m.version}`, { title: m.title, objectives: m.objectives.join('\n'), experts: m.expertUserIds });
  const onSubmit = async () => {
    const objectives = form.values.objectives
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    const saved = await form.submit(
      () => patch(`/cohorts/${props.cohortId}/modules/${m.moduleId}`, { expectedVersion: m.version, title: form.values.title, objectives, expertUserIds: form.values.experts }),
      ['title', 'objectives', 'expertUserIds'],
    );
    if (saved) {
      form.clear();
      props.onSaved(`Module « ${form.values.title} » enregistré.`);
    }
  };
  return (
    <details class="module-editor">
      <summary>Modifier le module et ses experts A.CO.R.</summary>
      <Form onSubmit={onSubmit} label={`Modifier le module ${m.title}`}>
        <ErrorSummary messages={form.formError} />
        <TextField name="title" label="Intitulé" required value={form.values.title} onInput={(x) => form.set('title', x)} errors={form.errors} wide />
        <TextArea name="objectives" label="Objectifs (un par ligne)" value={form.values.objectives} onInput={(x) => form.set('objectives', x)} errors={form.errors} rows={3} />
        <CheckboxGroup
          name="expertUserIds"
          label="Experts A.CO.R. qui animent le module"
          values={form.values.experts}
          onChange={(x) => form.set('experts', x)}
          options={props.tutors.map((t) => ({ value: t.userId, label: `${t.displayName} (${t.organisation})` }))}
          errors={form.errors}
          hint={props.tutors.length ? undefined : 'Aucun expert dans l’annuaire des tuteurs.'}
        />
        <SubmitButton busy={form.submitting}>Enregistrer le module</SubmitButton>
      </Form>
    </details>
  );
}

/** Attendance of one module over all its sessions, by structure and participant (names, not ids). */
export function ModuleAttendancePage(props: { cohortId: string; moduleId: string }) {
  const cohort = useApi((signal) => get<Cohort>(`/cohorts/${encodeURIComponent(props.cohortId)}`, undefined, signal), [props.cohortId]);
  const names = useApi(
    async (signal) => {
      if (!cohort.data) return new Map<string, string>();
      const essaimes = await get<ApiPage<Essaime>>(`/seasons/${cohort.data.seasonId}/essaimes`, { limit: 100 }, signal);
      const views = await Promise.all(essaimes.items.map((e) => get<EssaimeView>(`/essaimes/${e.essaimeId}`, undefined, signal)));
      return new Map(views.flatMap((e) => [[e.essaimeId, e.structureName] as [string, string], ...e.participants.map((p) => [p.participantId, p.name] as [string, string])]));
    },
    [cohort.data?.seasonId],
  );
  const records = usePagedApi((cursor, signal) => get<ApiPage<AttendanceRecord>>(`/cohorts/${encodeURIComponent(props.cohortId)}/modules/${encodeURIComponent(props.moduleId)}/attendance`, { cursor, limit: 50 }, signal), [props.cohortId, props.moduleId]);
  return (
    <Loaded resource={cohort}>
      {(c) => {
        const m = c.modules.find((x) => x.moduleId === props.moduleId);
        const name = (id: string) => names.data?.get(id) ?? '—';
        return (
          <Page title={`Présences : ${m?.title ?? 'module'}`} trail={[{ href: '/formation', label: 'Formation-action' }, { href: `/formation/${c.cohortId}`, label: c.name }]}>
            <Loaded resource={records} inline>
              {(page) => (
                <>
                  <Table
                    caption="Présences du module, séance par séance"
                    rows={page.items}
                    rowKey={(r) => `${r.sessionId}-${r.participantId}`}
                    empty="Aucune présence saisie pour ce module."
                    columns={[
                      { key: 'session', label: 'Séance', render: (r) => when(r.sessionStartsAt.slice(0, 10), r.sessionStartsAt.slice(11, 16)) },
                      { key: 'structure', label: 'Structure', render: (r) => name(r.essaimeId) },
                      { key: 'person', label: 'Participant', render: (r) => name(r.participantId) },
                      { key: 'status', label: 'Présence', render: (r) => attendanceLabels[r.status] ?? r.status },
                      { key: 'note', label: 'Remarque', render: (r) => r.note ?? '—' },
                    ]}
                  />
                  <Pager pageNumber={records.pageNumber} hasPrevious={records.hasPrevious} hasNext={records.hasNext} onPrevious={records.previous} onNext={records.next} />
                </>
              )}
            </Loaded>
          </Page>
        );
      }}
    </Loaded>
  );
}

/** A notice shared by the cohort page's actions. */
export function useCohortNotice() {
  const [message, setMessage] = useState<string | null>(null);
  return { message, set: setMessage, element: <Notice message={message} /> };
}
