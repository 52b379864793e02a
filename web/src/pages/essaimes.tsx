import type { ComponentChildren } from 'preact';
import { get, type Page as ApiPage } from '../api/client';
import type { EssaimeRow, EssaimeView as EssaimeWithParticipants } from '../../../shared/essaimes/schemas';
import type { Season } from '../api/types';
import { Badge, DescriptionList, Empty, Loaded, Page, Section } from '../components/page';
import { useApi, useMe } from '../hooks';
import { formatDate, formatNumber } from '../i18n/format';
import { axisLabels, hypothesisLabels, label, settingLabels } from '../i18n/labels';
import { Link } from '../router';
import { EssaimesTable } from './seasons';
import { ParticipantsSection } from './participants';
import { EssaimeTutoringSection } from './essaime-tutoring';
import { ThreadPanel } from './threads';

/** Extra sections other areas add to the essaimé page (sessions, requests, reports…). */
export const essaimeSections: ((e: EssaimeWithParticipants) => ComponentChildren)[] = [];

export function EssaimePage(props: { essaimeId: string }) {
  const me = useMe();
  const essaime = useApi((signal) => get<EssaimeWithParticipants>(`/essaimes/${encodeURIComponent(props.essaimeId)}`, undefined, signal), [props.essaimeId]);
  return (
    <Loaded resource={essaime}>
      {(e) => (
        <Page
          title={e.structureName}
          subtitle={`${e.territory.name} · ${e.territory.departement} (${e.territory.departementCode}) · ${e.territory.region}`}
          trail={me.role === 'staff' ? [{ href: '/saisons', label: 'Saisons' }, { href: `/saisons/${e.seasonId}`, label: 'Saison' }] : [{ href: '/ma-structure', label: me.role === 'tutor' ? 'Mes essaimés' : 'Ma structure' }]}
          actions={
            <>
              <Link class="button" href={`/structure-essaimee/${e.essaimeId}/formation`}>
                Formation-action
              </Link>
              <Link class="button secondary" href={`/structure-essaimee/${e.essaimeId}/tableau-de-bord`}>
                Tableau de bord
              </Link>
              <Link class="button secondary" href={`/structure-essaimee/${e.essaimeId}/fidelite`}>
                Fidélité à la méthode
              </Link>
              <Link class="button secondary" href={`/structure-essaimee/${e.essaimeId}/plan-action`}>
                Plan d’action annuel
              </Link>
              {me.role === 'staff' && (
                <Link class="button secondary" href={`/historique/essaime/${e.essaimeId}`}>
                  Historique
                </Link>
              )}
            </>
          }
        >
          <div class="columns">
            <Section title="Structure et territoire">
              <DescriptionList
                items={[
                  ['Forme juridique', e.legalForm],
                  ['Hypothèse', hypothesisLabels[e.hypothesis]],
                  ['Territoire', e.territory.name],
                  ['Milieu', label(settingLabels, e.territory.setting)],
                  ['Population', `${formatNumber(e.territory.population)} habitants`],
                  ['Essaimée depuis le', formatDate(e.createdAt)],
                  ['Tuteur A.CO.R.', e.tutorUserId ? (e.tutorName ?? 'Tuteur assigné') : <Badge tone="warning">À assigner</Badge>],
                ]}
              />
            </Section>
            <Section title="Besoins déclarés">
              {e.needs.length ? (
                <ol class="needs">
                  {[...e.needs]
                    .sort((a, b) => a.priority - b.priority)
                    .map((n) => (
                      <li key={n.axis}>
                        <strong>{axisLabels[n.axis]}</strong> <span class="muted">(priorité {n.priority})</span>
                        {n.description && <p>{n.description}</p>}
                      </li>
                    ))}
                </ol>
              ) : (
                <Empty>Aucun besoin déclaré.</Empty>
              )}
            </Section>
          </div>
          <ParticipantsSection essaime={e} onChanged={essaime.reload} />
          <EssaimeTutoringSection essaime={e} onChanged={essaime.reload} />
          {me.role !== 'tutor' && <ThreadPanel threadId={e.applicationId ?? e.essaimeId} title={me.role === 'staff' ? 'Échanges avec la structure' : undefined} />}
          {essaimeSections.map((render, i) => (
            <div key={i}>{render(e)}</div>
          ))}
        </Page>
      )}
    </Loaded>
  );
}

/** A referent's structure(s) or a tutor's essaimés, across seasons. */
export function MyEssaimesPage() {
  const me = useMe();
  const data = useApi(async (signal) => {
    const seasons = await get<ApiPage<Season>>('/seasons', { limit: 20 }, signal);
    const perSeason = await Promise.all(seasons.items.map((s) => get<ApiPage<EssaimeRow>>(`/seasons/${s.seasonId}/essaimes`, { limit: 100 }, signal).then((p) => ({ season: s, items: p.items }))));
    return perSeason.filter((p) => p.items.length > 0);
  }, []);
  const title = me.role === 'tutor' ? 'Mes essaimés' : 'Ma structure';
  return (
    <Page title={title} subtitle={me.memberships.map((m) => m.structureName).join(', ') || undefined}>
      <Loaded resource={data} inline>
        {(groups) =>
          groups.length ? (
            groups.map((g) => (
              <Section key={g.season.seasonId} title={g.season.name}>
                <EssaimesTable items={g.items} />
              </Section>
            ))
          ) : (
            <Empty>{me.role === 'tutor' ? 'Aucun essaimé ne vous est encore confié.' : 'Votre structure n’est pas encore essaimée. Vous pouvez candidater à un appel ouvert.'}</Empty>
          )
        }
      </Loaded>
    </Page>
  );
}
