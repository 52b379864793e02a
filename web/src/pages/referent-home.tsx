import type { EssaimeRow } from '../../../shared/essaimes/schemas';
import type { EssaimeReportsView, EssaimeStage } from '../../../shared/evaluation/views';
import type { Season } from '../../../shared/seasons/schemas';
import type { EssaimeTrainingView } from '../../../shared/training/views';
import { ApiError, get, type Page as ApiPage } from '../api/client';
import { Badge, Empty, Loaded, Section } from '../components/page';
import { useApi } from '../hooks';
import { formatDate, formatDeadline, formatTime } from '../i18n/format';
import { Link } from '../router';
import { reportStatusLabels } from './evaluation';
import { EssaimesTable } from './seasons';

type Session = EssaimeTrainingView['sessions'][number];
interface NextSession extends Session {
  essaimeId: string;
  structureName: string;
}
interface DueReport extends EssaimeStage {
  essaimeId: string;
  structureName: string;
}

/** A missing training or report list (an essaimé not yet in a cohort) is nothing to show, not a failure. */
const orNull = <T,>(promise: Promise<T>) =>
  promise.catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  });

/** Today and the time in Paris, where sessions take place ('2026-11-28', '14:05'). */
function parisNow(): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
  const [day = '', time = ''] = parts.split(' ');
  return { day, time };
}

/**
 * The referent's structure whatever the season (the new season's essaimé as well as the one in training), with
 * what comes next: the cohort's next session and the evaluation reports to hand in.
 */
export function ReferentHome(props: { seasons: Season[] }) {
  const data = useApi(
    async (signal) => {
      const lists = await Promise.all(props.seasons.map((s) => get<ApiPage<EssaimeRow>>(`/seasons/${s.seasonId}/essaimes`, { limit: 20 }, signal)));
      const essaimes = lists.flatMap((l) => l.items);
      const details = await Promise.all(
        essaimes.map(async (e) => ({
          essaime: e,
          training: await orNull(get<EssaimeTrainingView>(`/essaimes/${e.essaimeId}/training`, undefined, signal)),
          reports: await orNull(get<EssaimeReportsView>(`/essaimes/${e.essaimeId}/reports`, undefined, signal)),
        })),
      );
      const now = parisNow();
      const sessions: NextSession[] = details.flatMap(({ essaime, training }) =>
        (training?.sessions ?? [])
          .filter((s) => s.status === 'scheduled' && (s.date > now.day || (s.date === now.day && s.startTime >= now.time)))
          .map((s) => ({ ...s, essaimeId: essaime.essaimeId, structureName: essaime.structureName })),
      );
      sessions.sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
      // Due: nothing submitted yet, and the stage open or its due date passed. Drafts first, then by due date.
      const due: DueReport[] = details.flatMap(({ essaime, reports }) =>
        (reports?.stages ?? [])
          .filter((s) => (s.completion === 'missing' && s.open) || s.completion === 'late')
          .map((s) => ({ ...s, essaimeId: essaime.essaimeId, structureName: essaime.structureName })),
      );
      due.sort((a, b) => Number(Boolean(b.report)) - Number(Boolean(a.report)) || a.dueOn.localeCompare(b.dueOn));
      return { essaimes, nextSession: sessions[0] ?? null, due, several: essaimes.length > 1 };
    },
    [props.seasons.map((s) => s.seasonId).join(',')],
  );
  return (
    <Loaded resource={data} inline>
      {(d) => (
        <>
          <Section title="À venir">
            <h3>Prochaine séance de formation</h3>
            {d.nextSession ? <SessionLine session={d.nextSession} several={d.several} /> : <Empty>Aucune séance prévue.</Empty>}
            <h3>Rapports d’évaluation à rendre</h3>
            {d.due.length ? (
              <ul class="plain">
                {d.due.map((r) => (
                  <li key={`${r.stageId}-${r.essaimeId}`}>
                    <Link href={`/rapports/${r.stageId}/${r.essaimeId}`}>{r.name}</Link> <Badge tone={r.report ? 'info' : 'neutral'}>{reportStatusLabels[r.report?.status ?? 'not-started']}</Badge>{' '}
                    {r.completion === 'late' && <Badge tone="danger">En retard</Badge>}
                    <span class="muted">
                      {d.several ? ` · ${r.structureName}` : ''} · à rendre {formatDeadline(r.dueOn)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>Aucun rapport à rendre.</Empty>
            )}
          </Section>
          <Section title="Votre structure">
            {d.essaimes.length ? <EssaimesTable items={d.essaimes} /> : <Empty>Aucune structure essaimée à votre nom.</Empty>}
          </Section>
        </>
      )}
    </Loaded>
  );
}

function SessionLine(props: { session: NextSession; several: boolean }) {
  const s = props.session;
  return (
    <p>
      <Link href={`/structure-essaimee/${s.essaimeId}/formation`}>{s.moduleTitle}</Link>
      <span class="muted">
        {' '}
        · le {formatDate(s.date)} à {formatTime(s.startTime)} · {s.mode === 'remote' ? `à distance${s.place ? ` · ${s.place}` : ''}` : s.place}
        {props.several ? ` · ${s.structureName}` : ''}
      </span>
    </p>
  );
}
