import { useState } from 'preact/hooks';
import { get, patch, post, type Page as ApiPage } from '../api/client';
import type { Essaime, Season } from '../api/types';
import type { Axis } from '../../../shared/programme/axes';
import type { RequestStatus, Tutor, TutoringMessage, Urgency } from '../../../shared/tutoring/schemas';
import type { CandidateView, GuideEntryView, RequestView, ResponseTimesView, SeasonSuggestions } from '../../../shared/tutoring/views';
import { BarChart } from '../components/charts';
import { Checkbox, ErrorSummary, Form, NumberField, RadioGroup, Select, SubmitButton, TextArea, TextField, toNumber } from '../components/form';
import { Badge, Empty, Loaded, Page, Section } from '../components/page';
import { DownloadButton, Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { countOf, formatDateTime, formatDeadline, formatDecimal, formatNumber, formatPercent } from '../i18n/format';
import { messageOf } from '../i18n/errors';
import { axisLabels } from '../i18n/labels';
import { Link, navigate, useSearchParams } from '../router';
import { responseTargetText } from './response-target';

type TutoringRequest = RequestView;
type Candidate = CandidateView;
type Suggestions = SeasonSuggestions;
type ResponseTimes = ResponseTimesView;
type GuideEntry = GuideEntryView;

const urgencyLabels: Record<Urgency, string> = { low: 'Faible', normal: 'Normale', high: 'Haute' };
const urgencyTone: Record<Urgency, 'neutral' | 'info' | 'danger'> = { low: 'neutral', normal: 'info', high: 'danger' };
const statusLabels: Record<RequestStatus, string> = { 'awaiting-answer': 'En attente de réponse', answered: 'Répondue', closed: 'Clôturée' };
const statusTone: Record<RequestStatus, 'warning' | 'success' | 'neutral'> = { 'awaiting-answer': 'warning', answered: 'success', closed: 'neutral' };
const guideStatusLabels = { proposed: 'Proposée', reviewed: 'Relue (dans le guide)', rejected: 'Écartée' };
const levelLabels = ['0 — aucune', '1 — notions', '2 — solide', '3 — référence'];
const axes: Axis[] = ['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation'];
const urgencyRank: Record<Urgency, number> = { high: 0, normal: 1, low: 2 };

function RequestBadges(props: { r: TutoringRequest }) {
  return (
    <>
      <Badge tone={statusTone[props.r.status]}>{statusLabels[props.r.status]}</Badge> <Badge tone={urgencyTone[props.r.urgency]}>Urgence {urgencyLabels[props.r.urgency].toLowerCase()}</Badge>{' '}
      {props.r.overdue && <Badge tone="danger">En retard</Badge>}
    </>
  );
}

function RequestsTable(props: { items: TutoringRequest[]; showStructure?: boolean; caption: string }) {
  return (
    <Table
      caption={props.caption}
      captionHidden
      rows={props.items}
      rowKey={(r) => r.requestId}
      empty="Aucune demande."
      columns={[
        { key: 'subject', label: 'Demande', render: (r) => <Link href={`/demandes/${r.requestId}`}>{r.subject}</Link> },
        ...(props.showStructure ? [{ key: 'structure', label: 'Structure', render: (r: TutoringRequest) => r.structureName }] : []),
        { key: 'axis', label: 'Axe', render: (r) => axisLabels[r.axis] },
        { key: 'state', label: 'État', render: (r) => <RequestBadges r={r} /> },
        { key: 'due', label: 'Réponse attendue', render: (r) => formatDeadline(r.dueAt) },
        { key: 'messages', label: 'Messages', numeric: true, render: (r) => r.messageCount },
      ]}
    />
  );
}

// --------------------------------------------------------------------------------------- requests

/** Referent: their structure's requests and a new one. Tutor: theirs, urgent and overdue first. */
export function RequestsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const state = params.get('etat') === 'closes' ? 'closed' : 'open';
  const list = usePagedApi((cursor, signal) => get<ApiPage<TutoringRequest>>('/tutoring/requests', { cursor, limit: 20, ...(me.role === 'tutor' ? { state } : {}) }, signal), [state]);
  const sorted = (items: TutoringRequest[]) =>
    me.role === 'tutor' ? [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || urgencyRank[a.urgency] - urgencyRank[b.urgency] || b.createdAt.localeCompare(a.createdAt)) : items;
  return (
    <Page
      title={me.role === 'tutor' ? 'Demandes des référents' : 'Demandes au tuteur'}
      subtitle={me.role === 'tutor' ? 'Les plus urgentes et celles en retard d’abord. A.CO.R. répond « dans la journée ».' : 'Posez vos questions à votre tuteur A.CO.R. : il s’engage à répondre rapidement.'}
    >
      {me.role === 'referent' && <NewRequest />}
      <Section
        title={me.role === 'tutor' ? (state === 'open' ? 'Demandes ouvertes' : 'Demandes closes') : 'Demandes de la structure'}
        actions={
          me.role === 'tutor' ? (
            <Select name="etat" label="Afficher" value={state === 'open' ? '' : 'closes'} onChange={(v) => setParams({ etat: v })} options={[{ value: '', label: 'Demandes ouvertes' }, { value: 'closes', label: 'Demandes closes' }]} />
          ) : undefined
        }
      >
        <Loaded resource={list} inline>
          {(page) => (
            <>
              <RequestsTable items={sorted(page.items)} showStructure={me.role !== 'referent'} caption="Demandes" />
              <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
            </>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}

const requestLabels: Record<string, string> = { essaimeId: 'Structure', subject: 'Objet', axis: 'Axe', urgency: 'Urgence', text: 'Votre question' };

function NewRequest() {
  const essaimes = useApi(async (signal) => {
    const seasons = await get<ApiPage<Season>>('/seasons', { limit: 20 }, signal);
    const lists = await Promise.all(seasons.items.map((s) => get<ApiPage<Essaime>>(`/seasons/${s.seasonId}/essaimes`, { limit: 100 }, signal)));
    return lists.flatMap((l) => l.items);
  }, []);
  const form = useForm('new-request', { essaimeId: '', subject: '', axis: '', urgency: 'normal', text: '' });
  const v = form.values;
  const onSubmit = async () => {
    const essaimeId = v.essaimeId || essaimes.data?.[0]?.essaimeId || '';
    const r = await form.submit(
      () => post<TutoringRequest>('/tutoring/requests', { essaimeId, subject: v.subject, axis: v.axis || undefined, urgency: v.urgency, text: v.text }),
      Object.keys(requestLabels),
    );
    if (r) {
      form.clear();
      navigate(`/demandes/${r.requestId}`);
    }
  };
  return (
    <Section title="Nouvelle demande">
      <Form onSubmit={onSubmit} label="Nouvelle demande au tuteur">
        <ErrorSummary messages={form.formError} errors={form.errors} labels={requestLabels} />
        <div class="grid">
          {essaimes.data && essaimes.data.length > 1 && (
            <Select name="essaimeId" label="Structure" value={v.essaimeId} onChange={(x) => form.set('essaimeId', x)} errors={form.errors} options={essaimes.data.map((e) => ({ value: e.essaimeId, label: e.structureName }))} />
          )}
          <TextField name="subject" label="Objet" required value={v.subject} onInput={(x) => form.set('subject', x)} errors={form.errors} wide />
          <Select name="axis" label="Axe concerné" required value={v.axis} onChange={(x) => form.set('axis', x)} errors={form.errors} placeholder="Choisir un axe" options={axes.map((a) => ({ value: a, label: axisLabels[a] }))} />
          <Select name="urgency" label="Urgence" value={v.urgency} onChange={(x) => form.set('urgency', x)} errors={form.errors} options={Object.entries(urgencyLabels).map(([value, l]) => ({ value, label: l }))} />
          <TextArea name="text" label="Votre question" required value={v.text} onInput={(x) => form.set('text', x)} errors={form.errors} rows={4} hint="Pas de données personnelles sur les demandeurs d’emploi." />
        </div>
        <SubmitButton busy={form.submitting}>Envoyer au tuteur</SubmitButton>
      </Form>
    </Section>
  );
}

export function RequestPage(props: { requestId: string }) {
  const me = useMe();
  const request = useApi((signal) => get<TutoringRequest>(`/tutoring/requests/${encodeURIComponent(props.requestId)}`, undefined, signal), [props.requestId]);
  const messages = useApi((signal) => get<ApiPage<TutoringMessage>>(`/tutoring/requests/${encodeURIComponent(props.requestId)}/messages`, { limit: 100 }, signal), [props.requestId, request.data?.version]);
  const reload = () => request.reload();
  return (
    <Loaded resource={request}>
      {(r) => (
        <Page
          title={r.subject}
          subtitle={
            <>
              {r.structureName} · {axisLabels[r.axis]} · <RequestBadges r={r} />
            </>
          }
          trail={[{ href: '/demandes', label: 'Demandes' }]}
        >
          <Section title="Échanges">
            <ol class="thread" aria-label="Fil de la demande">
              <li class={`bubble${me.role === 'referent' ? ' mine' : ''}`}>
                <p class="muted">Question du référent · {formatDateTime(r.createdAt)}</p>
                <p>{r.text}</p>
              </li>
              {messages.data?.items.map((m) => (
                <li key={m.messageId} class={`bubble${m.authorRole === me.role ? ' mine' : ''}`}>
                  <p class="muted">
                    {m.authorRole === 'tutor' ? 'Tuteur' : 'Référent'} · {formatDateTime(m.createdAt)}
                  </p>
                  <p>{m.text}</p>
                </li>
              ))}
            </ol>
            <p class="hint">
              Réponse attendue {formatDeadline(r.dueAt)} (objectif en vigueur à l’envoi : {responseTargetText(r.responseTarget)}){r.firstAnsweredAt ? ` · première réponse le ${formatDateTime(r.firstAnsweredAt)}` : ''}.
            </p>
            {r.status !== 'closed' && (me.role === 'tutor' || me.role === 'referent') && <Reply request={r} onSent={reload} />}
          </Section>
          {me.role === 'tutor' && r.firstAnsweredAt && <MarkForGuide request={r} onDone={reload} />}
          {me.role === 'referent' && r.status !== 'closed' && <CloseRequest request={r} onDone={reload} />}
          {r.status === 'closed' && (
            <Section title="Clôture">
              <p>
                Close le {formatDateTime(r.closedAt)}
                {r.rating !== null && ` · utilité de la réponse : ${r.rating} / 5`}
              </p>
            </Section>
          )}
        </Page>
      )}
    </Loaded>
  );
}

function Reply(props: { request: TutoringRequest; onSent: () => void }) {
  const form = useForm(`reply-${props.request.requestId}`, { text: '' });
  const onSubmit = async () => {
    const ok = await form.submit(() => post(`/tutoring/requests/${props.request.requestId}/messages`, { text: form.values.text }), ['text']);
    if (ok) {
      form.clear();
      props.onSent();
    }
  };
  return (
    <Form onSubmit={onSubmit} label="Répondre">
      <ErrorSummary messages={form.formError} />
      <TextArea name="text" label="Votre message" required value={form.values.text} onInput={(v) => form.set('text', v)} errors={form.errors} rows={4} />
      <SubmitButton busy={form.submitting}>Envoyer</SubmitButton>
    </Form>
  );
}

function MarkForGuide(props: { request: TutoringRequest; onDone: () => void }) {
  const form = useForm(`guide-${props.request.requestId}`, { question: '', answer: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const onSubmit = async () => {
    setNotice(null);
    const ok = await form.submit(() => post(`/tutoring/requests/${props.request.requestId}/guide`, { question: form.values.question, answer: form.values.answer }), ['question', 'answer']);
    if (ok) {
      form.clear();
      setNotice('Proposée pour le guide d’essaimage : l’équipe Ansa la relira.');
      props.onDone();
    }
  };
  return (
    <Section title="Digne du guide d’essaimage ?">
      <Notice message={notice} />
      {props.request.guideEntryId && !notice && <p><Badge tone="success">Proposée pour le guide</Badge> Vous pouvez reformuler votre proposition tant qu’elle n’est pas relue.</p>}
      <Form onSubmit={onSubmit} label="Proposer pour le guide">
        <p class="hint">Formulez la question et la réponse de façon générale : sans nom de structure, de territoire ni de personne.</p>
        <ErrorSummary messages={form.formError} />
        <TextArea name="question" label="Question, généralisée" required value={form.values.question} onInput={(v) => form.set('question', v)} errors={form.errors} rows={2} />
        <TextArea name="answer" label="Réponse, généralisée" required value={form.values.answer} onInput={(v) => form.set('answer', v)} errors={form.errors} rows={4} />
        <SubmitButton busy={form.submitting}>Proposer pour le guide</SubmitButton>
      </Form>
    </Section>
  );
}

function CloseRequest(props: { request: TutoringRequest; onDone: () => void }) {
  const form = useForm(`close-${props.request.requestId}`, { rating: '', comment: '' });
  const answered = props.request.firstAnsweredAt !== null;
  const onSubmit = async () => {
    const ok = await form.submit(
      () => post(`/tutoring/requests/${props.request.requestId}/close`, { ...(form.values.rating ? { rating: Number(form.values.rating) } : {}), ...(form.values.comment.trim() ? { comment: form.values.comment } : {}) }),
      ['rating', 'comment'],
    );
    if (ok) {
      form.clear();
      props.onDone();
    }
  };
  return (
    <Section title="Clore la demande">
      <Form onSubmit={onSubmit} label="Clore la demande">
        <ErrorSummary messages={form.formError} />
        {answered && (
          <RadioGroup name="rating" label="Utilité de la réponse" required inline value={form.values.rating} onChange={(v) => form.set('rating', v)} errors={form.errors} options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} / 5` }))} />
        )}
        <TextField name="comment" label="Commentaire (facultatif)" value={form.values.comment} onInput={(v) => form.set('comment', v)} errors={form.errors} wide />
        <SubmitButton busy={form.submitting}>Clore la demande</SubmitButton>
      </Form>
    </Section>
  );
}

// ----------------------------------------------------------------------------------------- staff

export function TutoringPage() {
  const seasons = useApi((signal) => get<ApiPage<Season>>('/seasons', { limit: 20 }, signal), []);
  const [params, setParams] = useSearchParams();
  return (
    <Page title="Tutorat" subtitle="Chaque essaimé a un tuteur A.CO.R. choisi selon les besoins de son territoire ; les demandes sont suivies jusqu’à leur réponse.">
      <Loaded resource={seasons} inline>
        {(page) => {
          const seasonId = params.get('saison') ?? page.items.find((s) => s.status === 'running')?.seasonId ?? page.items[0]?.seasonId ?? '';
          return (
            <>
              <div class="filters">
                <Select name="saison" label="Saison" value={seasonId} onChange={(v) => setParams({ saison: v })} options={page.items.map((s) => ({ value: s.seasonId, label: s.name }))} />
              </div>
              {seasonId && <SuggestionsSection seasonId={seasonId} />}
            </>
          );
        }}
      </Loaded>
      <OverdueSection />
      <ResponseTimesSection />
      <TutorsSection />
    </Page>
  );
}

function SuggestionsSection(props: { seasonId: string }) {
  const s = useApi((signal) => get<Suggestions>(`/seasons/${props.seasonId}/tutor-suggestions`, undefined, signal), [props.seasonId]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const assign = async (essaimeId: string, c: Candidate, reason: string) => {
    setNotice(null);
    setError(null);
    try {
      await post(`/essaimes/${essaimeId}/tutor`, { tutorUserId: c.tutorUserId, reason });
      setNotice(`${c.displayName} est désormais tuteur de la structure.`);
      s.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Section title="Suggestions de tuteurs">
      <Notice message={notice} />
      {error && (
        <div class="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <Loaded resource={s} inline>
        {(d) => (
          <>
            <p>
              {countOf(d.essaimeCount, 'essaimé', 'essaimés')}, dont {formatNumber(d.withoutTutor)} sans tuteur · capacité disponible des tuteurs : {formatNumber(d.spareCapacity)}
            </p>
            <Table
              caption="Suggestions par essaimé"
              captionHidden
              rows={d.items}
              rowKey={(i) => i.essaimeId}
              columns={[
                { key: 'name', label: 'Structure', render: (i) => <Link href={`/structure-essaimee/${i.essaimeId}`}>{i.structureName}</Link> },
                { key: 'needs', label: 'Besoins (par priorité)', render: (i) => [...i.needs].sort((a, b) => a.priority - b.priority).map((n) => axisLabels[n.axis]).join(' ; ') || '—' },
                { key: 'current', label: 'Tuteur actuel', render: (i) => (i.currentTutor ? i.currentTutor.displayName ?? 'Tuteur A.CO.R.' : <Badge tone="warning">Aucun</Badge>) },
                {
                  key: 'proposal',
                  label: 'Proposition et raisons',
                  render: (i) => {
                    const c = i.proposal ?? (i.currentTutor ? null : i.candidates[0] ?? null);
                    if (!c) return i.currentTutor ? '—' : <Empty>Aucun tuteur disponible.</Empty>;
                    return (
                      <div>
                        <p>
                          <strong>{c.displayName}</strong> — score {formatNumber(c.score)} / 100 · charge {c.load} / {c.capacity}
                        </p>
                        <ul>
                          {c.reasons.map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                        <button type="button" class="button small" onClick={() => void assign(i.essaimeId, c, 'Proposition du rapprochement besoins / expertises')}>
                          Assigner {c.displayName}
                        </button>
                      </div>
                    );
                  },
                },
              ]}
            />
          </>
        )}
      </Loaded>
    </Section>
  );
}

function OverdueSection() {
  const list = usePagedApi((cursor, signal) => get<ApiPage<TutoringRequest>>('/tutoring/requests', { overdue: 'true', cursor, limit: 10 }, signal), []);
  return (
    <Section title="Demandes en retard">
      <Loaded resource={list} inline>
        {(page) => (
          <>
            <RequestsTable items={page.items} showStructure caption="Demandes en retard" />
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

function ResponseTimesSection() {
  const rt = useApi((signal) => get<ResponseTimes>('/tutoring/response-times', undefined, signal), []);
  return (
    <Section title="Délais de réponse des tuteurs">
      <Loaded resource={rt} inline>
        {(d) => (
          <>
            <p class="hint">
              Objectif : première réponse {responseTargetText(d.responseTarget)}. <Link href="/tutorat/objectif-de-reponse">Changer l’objectif</Link>
            </p>
            {d.items.length > 0 && (
              <BarChart id="response-times" title="Délai moyen de première réponse (heures ouvrées)" bars={d.items.map((t) => ({ label: t.displayName, value: t.meanResponseWorkingHours }))} />
            )}
            <Table
              caption="Délais par tuteur"
              captionHidden
              rows={d.items}
              rowKey={(t) => t.tutorUserId}
              empty="Aucun tuteur dans l’annuaire."
              columns={[
                { key: 'name', label: 'Tuteur', render: (t) => t.displayName },
                { key: 'answered', label: 'Répondues', numeric: true, render: (t) => formatNumber(t.answeredCount) },
                { key: 'mean', label: 'Délai moyen (h)', numeric: true, render: (t) => formatDecimal(t.meanResponseWorkingHours) },
                { key: 'worst', label: 'Pire délai (h)', numeric: true, render: (t) => formatDecimal(t.worstResponseWorkingHours) },
                { key: 'target', label: 'Dans l’objectif', numeric: true, render: (t) => formatPercent(t.onTargetRate) },
                { key: 'overdue', label: 'En retard', numeric: true, render: (t) => formatNumber(t.overdueNow) },
                { key: 'useful', label: 'Utilité /5', numeric: true, render: (t) => formatDecimal(t.meanUsefulness) },
              ]}
            />
          </>
        )}
      </Loaded>
    </Section>
  );
}

function TutorsSection() {
  const [tick, setTick] = useState(0);
  const list = usePagedApi((cursor, signal) => get<ApiPage<Tutor>>('/tutors', { cursor, limit: 20 }, signal), [tick]);
  const form = useForm('new-tutor', { userId: '', capacity: '3', available: true as boolean, ...(Object.fromEntries(axes.map((a) => [a, '1'])) as Record<Axis, string>) });
  const v = form.values;
  const onSubmit = async () => {
    const ok = await form.submit(
      () =>
        post<Tutor>('/tutors', {
          userId: v.userId,
          capacity: toNumber(v.capacity),
          available: v.available,
          expertise: Object.fromEntries(axes.map((a) => [a, Number(v[a])])),
        }),
      ['userId', 'capacity', ...axes.map((a) => `expertise.${a}`)],
    );
    if (ok) {
      form.clear();
      setTick((t) => t + 1);
    }
  };
  return (
    <Section title="Annuaire des tuteurs">
      <Loaded resource={list} inline>
        {(page) => (
          <>
            <Table
              caption="Tuteurs"
              captionHidden
              rows={page.items}
              rowKey={(t) => t.userId}
              empty="Aucun tuteur dans l’annuaire."
              columns={[
                { key: 'name', label: 'Tuteur', render: (t) => <Link href={`/tutorat/tuteurs/${t.userId}`}>{t.displayName}</Link> },
                ...axes.map((a) => ({ key: a, label: axisLabels[a], numeric: true, render: (t: Tutor) => `${t.expertise[a]} / 3` })),
                { key: 'load', label: 'Charge', numeric: true, render: (t) => `${t.load} / ${t.capacity}` },
                { key: 'available', label: 'Disponible', render: (t) => (t.available ? 'Oui' : `Non${t.availabilityNote ? ` (${t.availabilityNote})` : ''}`) },
              ]}
            />
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
      <Form onSubmit={onSubmit} label="Ajouter un tuteur à l’annuaire">
        <h3>Ajouter un tuteur</h3>
        <ErrorSummary messages={form.formError} />
        <div class="grid">
          <TextField name="userId" label="Identifiant du compte" required value={v.userId} onInput={(x) => form.set('userId', x)} errors={form.errors} hint="Le compte doit avoir le rôle tuteur." />
          <NumberField name="capacity" label="Capacité (essaimés suivis au plus)" value={v.capacity} onInput={(x) => form.set('capacity', x)} errors={form.errors} />
          {axes.map((a) => (
            <Select key={a} name={`expertise.${a}`} label={`Expertise : ${axisLabels[a]}`} value={v[a]} onChange={(x) => form.set(a, x)} errors={form.errors} options={levelLabels.map((l, i) => ({ value: String(i), label: l }))} />
          ))}
          <Checkbox name="available" label="Disponible" checked={v.available} onChange={(x) => form.set('available', x)} />
        </div>
        <SubmitButton busy={form.submitting}>Ajouter à l’annuaire</SubmitButton>
      </Form>
    </Section>
  );
}

// ------------------------------------------------------------------------------------------ guide

export function GuidePage() {
  const seasons = useApi((signal) => get<ApiPage<Season>>('/seasons', { limit: 20 }, signal), []);
  const [params, setParams] = useSearchParams();
  const status = (params.get('statut') ?? 'proposed') as GuideEntry['status'];
  return (
    <Page title="Guide d’essaimage" subtitle="Les questions et conseils du tutorat, relus et généralisés, forment le guide remis à A.CO.R. et au réseau en fin de saison.">
      <Loaded resource={seasons} inline>
        {(page) => {
          const seasonId = params.get('saison') ?? page.items.find((s) => s.status === 'running')?.seasonId ?? page.items[0]?.seasonId ?? '';
          return (
            <>
              <div class="filters">
                <Select name="saison" label="Saison" value={seasonId} onChange={(v) => setParams({ saison: v })} options={page.items.map((s) => ({ value: s.seasonId, label: s.name }))} />
                <Select name="statut" label="Fiches" value={status} onChange={(v) => setParams({ statut: v })} options={Object.entries(guideStatusLabels).map(([value, l]) => ({ value, label: l }))} />
              </div>
              {seasonId && (
                <>
                  <div class="actions card">
                    <DownloadButton path={`/seasons/${seasonId}/guide/export/pdf`} label="Exporter le guide" format="PDF" />
                    <DownloadButton path={`/seasons/${seasonId}/guide/export/markdown`} label="Exporter le guide" format="Markdown" />
                  </div>
                  <GuideEntries seasonId={seasonId} status={status} />
                </>
              )}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}

function GuideEntries(props: { seasonId: string; status: GuideEntry['status'] }) {
  const [tick, setTick] = useState(0);
  const list = usePagedApi((cursor, signal) => get<ApiPage<GuideEntry>>(`/seasons/${props.seasonId}/guide/entries`, { status: props.status, cursor, limit: 10 }, signal), [props.seasonId, props.status, tick]);
  return (
    <Section title={`Fiches : ${guideStatusLabels[props.status].toLowerCase()}`}>
      <Loaded resource={list} inline>
        {(page) => (
          <>
            {page.items.length === 0 && <Empty>Aucune fiche.</Empty>}
            {page.items.map((e) => (
              <GuideEntryEditor key={`${e.guideEntryId}-${e.version}`} entry={e} onSaved={() => setTick((t) => t + 1)} />
            ))}
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

function GuideEntryEditor(props: { entry: GuideEntry; onSaved: () => void }) {
  const e = props.entry;
  const form = useForm(`guide-entry-${e.guideEntryId}-${e.version}`, { question: e.question, answer: e.answer, axis: e.axis as string, status: e.status as string });
  const onSubmit = async () => {
    const ok = await form.submit(
      () => patch(`/guide/entries/${e.guideEntryId}`, { expectedVersion: e.version, question: form.values.question, answer: form.values.answer, axis: form.values.axis, status: form.values.status }),
      ['question', 'answer', 'axis', 'status'],
    );
    if (ok) {
      form.clear();
      props.onSaved();
    }
  };
  return (
    <div class="card" data-guide-entry={e.guideEntryId}>
      <Form onSubmit={onSubmit} label={`Fiche du guide : ${e.question.slice(0, 60)}`}>
        <p>
          <Badge tone={e.status === 'reviewed' ? 'success' : e.status === 'rejected' ? 'neutral' : 'info'}>{guideStatusLabels[e.status]}</Badge> proposée le {formatDateTime(e.createdAt)} ·{' '}
          <Link href={`/demandes/${e.requestId}`}>demande d’origine</Link>
        </p>
        {e.reviewHints.length > 0 && (
          <div class="alert alert-info">
            <p>À vérifier : ces mots de l’échange d’origine figurent dans la fiche ({e.reviewHints.join(', ')}). S’agit-il de noms propres ?</p>
          </div>
        )}
        <ErrorSummary messages={form.formError} />
        <TextArea name="question" label="Question" value={form.values.question} onInput={(v) => form.set('question', v)} errors={form.errors} rows={2} />
        <TextArea name="answer" label="Réponse" value={form.values.answer} onInput={(v) => form.set('answer', v)} errors={form.errors} rows={4} />
        <div class="grid">
          <Select name="axis" label="Axe" value={form.values.axis} onChange={(v) => form.set('axis', v)} errors={form.errors} options={axes.map((a) => ({ value: a, label: axisLabels[a] }))} />
          <Select name="status" label="Statut" value={form.values.status} onChange={(v) => form.set('status', v)} errors={form.errors} options={Object.entries(guideStatusLabels).map(([value, l]) => ({ value, label: l }))} />
        </div>
        <SubmitButton busy={form.submitting}>Enregistrer la fiche</SubmitButton>
      </Form>
    </div>
  );
}

