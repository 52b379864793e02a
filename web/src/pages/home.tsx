import { get, type Page as ApiPage } from '../api/client';
import type { ApplicantView } from '../../../shared/applications/views';
import type { CallSummary } from '../../../shared/calls/schemas';
import type { ReportView } from '../../../shared/evaluation/views';
import type { MeView as Me } from '../../../shared/identity/schemas';
import type { Season } from '../../../shared/seasons/schemas';
import type { RequestView } from '../../../shared/tutoring/views';
import { Badge, Empty, Loaded, Page, Section } from '../components/page';
import { useApi } from '../hooks';
import { formatDate, formatDateTime, formatDeadline } from '../i18n/format';
import { applicationStatusLabels, applicationStatusTone, callStatusLabels, callStatusTone, seasonStatusLabels } from '../i18n/labels';
import { Link } from '../router';
import { SeasonEssaimes, statusTone } from './seasons';
import { CommitteeBadges } from './governance';
import { ReferentHome } from './referent-home';

/** The home page: the next actions of the role, one click away. */
export function HomePage(props: { me: Me }) {
  const { me } = props;
  const first = (me.displayName ?? '').split(' ')[0];
  const seasons = useApi((signal) => get<ApiPage<Season>>('/seasons', { limit: 10 }, signal), []);
  const running = seasons.data?.items.find((s) => s.status === 'running');
  return (
    <Page title={`Bonjour${first ? ` ${first}` : ''}`} subtitle={intro(me)}>
      <div class="columns">
        {me.role !== 'tutor' && <OpenCalls me={me} />}
        {me.role !== 'staff' && <MyRequests me={me} />}
        {me.role === 'staff' && <Overdue />}
        {me.role === 'staff' && running && <ToReview seasonId={running.seasonId} />}
        {me.role === 'staff' && running && (
          <Section title="Comités de l’essaimage">
            <p>Chaque comité se réunit au moins une fois par an.</p>
            <CommitteeBadges seasonId={running.seasonId} />
            <p>
              <Link href={`/gouvernance/${running.seasonId}`}>Gouvernance de la saison</Link>
            </p>
          </Section>
        )}
        {me.role === 'referent' && <MyApplications />}
        {me.role === 'referent' && me.memberships.length > 0 && (
          <Section title="Rapports d’évaluation">
            <p>Remplissez et transmettez les rapports de chaque étape ; les incohérences sont signalées au champ concerné.</p>
            <Link class="button secondary" href="/rapports">
              Mes rapports
            </Link>
          </Section>
        )}
      </div>
      <Loaded resource={seasons} inline>
        {(page) => (
          <>
            {me.role === 'referent' && me.memberships.length > 0 ? (
              <ReferentHome seasons={page.items} />
            ) : (
              running && me.role !== 'referent' && <SeasonEssaimes seasonId={running.seasonId} title={me.role === 'staff' ? `Cohorte en cours : ${running.name}` : me.role === 'tutor' ? 'Les essaimés que vous suivez' : 'Votre structure'} />
            )}
            <Section title="Saisons">
              <ul class="cards">
                {page.items.map((s) => (
                  <li key={s.seasonId} class="mini-card">
                    <Link href={`/saisons/${s.seasonId}`}>{s.name}</Link>
                    <p>
                      <Badge tone={statusTone[s.status]}>{seasonStatusLabels[s.status]}</Badge> du {formatDate(s.startDate)} au {formatDate(s.endDate)}
                    </p>
                  </li>
                ))}
              </ul>
            </Section>
          </>
        )}
      </Loaded>
    </Page>
  );
}

function OpenCalls(props: { me: Me }) {
  const calls = useApi((signal) => get<ApiPage<CallSummary>>('/calls', { limit: 5 }, signal), []);
  return (
    <Section title={props.me.role === 'staff' ? 'Appels à territoires' : 'Appels à candidatures'}>
      <Loaded resource={calls} inline>
        {(page) => {
          const shown = props.me.role === 'staff' ? page.items : page.items.filter((c) => c.status === 'open');
          return shown.length ? (
            <ul class="plain">
              {shown.map((c) => (
                <li key={c.callId}>
                  <Link href={`/appels/${c.callId}`}>{c.title}</Link> <Badge tone={callStatusTone[c.status]}>{callStatusLabels[c.status]}</Badge>
                  <span class="muted"> · à déposer {formatDeadline(c.closesAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>Aucun appel ouvert pour l’instant.</Empty>
          );
        }}
      </Loaded>
    </Section>
  );
}

/** Requests with their answer's due date, the overdue ones first, then by due date. */
function RequestList(props: { items: RequestView[]; empty: string }) {
  if (!props.items.length) return <Empty>{props.empty}</Empty>;
  const ordered = [...props.items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
  return (
    <ul class="plain">
      {ordered.map((r) => (
        <li key={r.requestId}>
          <Link href={`/demandes/${r.requestId}`}>{r.subject}</Link> {r.overdue && <Badge tone="danger">En retard</Badge>} {r.urgency === 'high' && <Badge tone="danger">Urgente</Badge>}
          <span class="muted">
            {' '}
            · {r.structureName} · {r.firstAnsweredAt ? `répondue le ${formatDateTime(r.firstAnsweredAt)}` : `réponse attendue ${formatDeadline(r.dueAt)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** An applicant's applications, each with where it stands and a link to it (a draft to finish first). */
function MyApplications() {
  const list = useApi((signal) => get<ApiPage<ApplicantView>>('/me/applications', { limit: 20 }, signal), []);
  return (
    <Loaded resource={list} inline>
      {(page) =>
        page.items.length === 0 ? null : (
          <Section title="Mes candidatures">
            <ul class="plain">
              {page.items.map((a) => (
                <li key={a.applicationId}>
                  <Link href={`/candidatures/${a.applicationId}`}>{a.structure.name}</Link> <Badge tone={applicationStatusTone[a.status] ?? 'neutral'}>{applicationStatusLabels[a.status] ?? a.status}</Badge>
                  <span class="muted"> · {a.status === 'draft' ? `brouillon enregistré le ${formatDateTime(a.updatedAt)}, à compléter puis déposer` : a.submittedAt ? `déposée le ${formatDateTime(a.submittedAt)}` : ''}</span>
                  {a.status === 'draft' && (
                    <>
                      {' '}
                      <Link href={`/candidatures/${a.applicationId}`} class="button small" aria-label={`Reprendre mon brouillon : ${a.structure.name}`}>
                        Reprendre mon brouillon
                      </Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </Section>
        )
      }
    </Loaded>
  );
}

function MyRequests(props: { me: Me }) {
  const requests = useApi(
    (signal) => (props.me.role === 'referent' && props.me.memberships.length === 0 ? Promise.resolve({ items: [], nextCursor: null }) : get<ApiPage<RequestView>>('/tutoring/requests', { limit: 5 }, signal)),
    [],
  );
  const tutor = props.me.role === 'tutor';
  return (
    <Section title={tutor ? 'Demandes à traiter' : 'Mes demandes au tuteur'}>
      <Loaded resource={requests} inline>
        {(page) => <RequestList items={[...page.items].sort((a, b) => Number(b.overdue) - Number(a.overdue))} empty={tutor ? 'Aucune demande ouverte.' : 'Aucune demande pour l’instant.'} />}
      </Loaded>
      <Link class="button secondary" href="/demandes">
        {tutor ? 'Toutes les demandes' : 'Poser une question au tuteur'}
      </Link>
    </Section>
  );
}

function Overdue() {
  const requests = useApi((signal) => get<ApiPage<RequestView>>('/tutoring/requests', { overdue: 'true', limit: 5 }, signal), []);
  return (
    <Section title="Demandes en retard">
      <Loaded resource={requests} inline>
        {(page) => <RequestList items={page.items} empty="Aucune demande en retard." />}
      </Loaded>
      <Link class="button secondary" href="/tutorat">
        Tutorat
      </Link>
    </Section>
  );
}

function ToReview(props: { seasonId: string }) {
  const reports = useApi((signal) => get<ApiPage<ReportView>>(`/seasons/${props.seasonId}/reports`, { status: 'submitted', limit: 5 }, signal), [props.seasonId]);
  return (
    <Section title="Rapports à relire">
      <Loaded resource={reports} inline>
        {(page) =>
          page.items.length ? (
            <ul class="plain">
              {page.items.map((r) => (
                <li key={r.reportId}>
                  <Link href={`/rapports/${r.stageId}/${r.essaimeId}`}>{r.structureName}</Link>
                  <span class="muted"> · transmis le {formatDateTime(r.submittedAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>Aucun rapport à relire.</Empty>
          )
        }
      </Loaded>
      <Link class="button secondary" href="/evaluation">
        Évaluation
      </Link>
    </Section>
  );
}

function intro(me: Me): string {
  switch (me.role) {
    case 'staff':
      return 'Pilotez les appels, la sélection, la formation-action, le tutorat et l’évaluation des territoires essaimés.';
    case 'tutor':
      return 'Retrouvez les structures que vous accompagnez et les questions de leurs référents.';
    case 'referent':
      return me.memberships.length ? `Référent de ${me.memberships.map((m) => m.structureName).join(', ')}.` : 'Candidatez à un appel ouvert pour rejoindre le programme d’essaimage.';
  }
}
