import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../shared/access/principal';
import { listAllEssaimesOfSeason } from '../../shared/essaimes/repository';
import type { Deps } from '../../shared/runtime';
import { listSeasons } from '../../shared/seasons/repository';
import { tutoringRequestEntity } from '../../shared/tutoring/entities';
import { createRequest } from '../../shared/tutoring/requests';
import { defineScenario, inBatches } from '../lib/scenario';

/**
 * The tutor's request list: first page (20) of Michel's open requests, most urgent then newest first, when
 * he has N open requests from Passerelle (made through the use case, so each has its audit entry and outbox
 * message). A Query on the tutor's index partition with Limit 20: the large/small ratio should stay near 1.
 */
const referent: Principal = { userId: 'demo-referent-passerelle', role: 'referent', structureIds: ['str_passerelle'] };
const urgencies = ['low', 'normal', 'high'] as const;
const axes = ['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation'] as const;

export default defineScenario({
  name: 'tutoring-request-list',
  description: "GET /tutoring/requests?limit=20 as the tutor (open requests, most urgent then newest first) with N open requests",
  volumes: [10, 1000],
  setup: async ({ db }, volume) => {
    const season = (await listSeasons(db, { limit: 20 })).items.find((s) => s.year === 2019);
    if (!season) throw new Error('The demo data has no 2019 season');
    const passerelle = (await listAllEssaimesOfSeason(db, season.seasonId)).find((e) => e.structureId === 'str_passerelle');
    if (passerelle?.tutorUserId !== 'demo-tutor-michel') throw new Error('The demo data has no Passerelle tutored by Michel');
    const start = Date.parse('2020-01-06T08:00:00Z');
    await inBatches(volume ?? 0, 16, async (i) => {
      const deps: Deps = { db, now: () => new Date(start + i * 60_000) };
      await createRequest(deps, referent, {
        essaimeId: passerelle.essaimeId,
        subject: `Question de mesure ${i}`,
        axis: axes[i % axes.length]!,
        text: 'Comment organiser la prospection des petites entreprises du territoire ?',
        urgency: urgencies[i % urgencies.length]!,
      });
    });
    return { volume: volume ?? 0 };
  },
  request: () => ({ method: 'GET', path: '/tutoring/requests?limit=20', as: 'demo-tutor-michel' }),
  check: (res, { state }) => {
    const items = (res.body?.items ?? []) as { urgency: string; tutorUserId: string }[];
    if (items.length < Math.min(20, state.volume)) throw new Error(`Expected a page of requests, got ${JSON.stringify(res.body).slice(0, 300)}`);
    if (items.some((r) => r.tutorUserId !== 'demo-tutor-michel')) throw new Error("The page holds another tutor's request");
    if (state.volume >= 20 && items[0]?.urgency !== 'high') throw new Error('The most urgent requests should come first');
  },
  rawLabel: 'Query gsi1 TUTOR#{id}#TREQ#open, descending, Limit 20',
  raw: ({ db }) =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': tutoringRequestEntity.partition('gsi1', { tutorUserId: 'demo-tutor-michel', state: 'open' }) },
        ScanIndexForward: false,
        Limit: 20,
      }),
    ),
});
