import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../shared/access/principal';
import { putAllNow } from '../../shared/db/batch';
import { listAllEssaimesOfSeason } from '../../shared/essaimes/repository';
import { newId } from '../../shared/ids';
import type { Deps } from '../../shared/runtime';
import { listSeasons } from '../../shared/seasons/repository';
import { essaimeOpenRequestsEntity, tutoringRequestEntity } from '../../shared/tutoring/entities';
import { getRequest } from '../../shared/tutoring/repository';
import { createRequest } from '../../shared/tutoring/requests';
import { pad, writeCopies } from '../lib/bulk';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { defineScenario } from '../lib/scenario';

const demoSeasons = demoSeasonYears();

/**
 * The tutor's request list: first page (20) of Michel's open requests, most urgent then newest first, when
 * he has N open requests from Passerelle: one made through the use case (audit entry, outbox message, open
 * counter), the others copies of it with their own ids, times and urgencies (BatchWrite through the request
 * entity, so the tutor's index keys are those the use case writes), and the essaimé's open counter set to N.
 * A Query on the tutor's index partition with Limit 20: the large/small ratio should stay near 1.
 */
const referent: Principal = { userId: 'demo-referent-passerelle', role: 'referent', structureIds: ['str_passerelle'] };
const urgencies = ['low', 'normal', 'high'] as const;

export default defineScenario({
  name: 'tutoring-request-list',
  description: 'GET /tutoring/requests?limit=20 as the tutor (open requests, most urgent then newest first) with N open requests',
  volumes: [10, 10_000],
  setup: async ({ db }, volume) => {
    const n = volume ?? 10;
    const season = (await listSeasons(db, { limit: 20 })).items.find((s) => s.year === demoSeasons.cohort);
    if (!season) throw new Error('The demo data has no cohort season');
    const passerelle = (await listAllEssaimesOfSeason(db, season.seasonId)).find((e) => e.structureId === 'str_passerelle');
    if (passerelle?.tutorUserId !== 'demo-tutor-michel') throw new Error('The demo data has no Passerelle tutored by Michel');
    const start = Date.parse('2020-01-06T08:00:00Z');
    const deps: Deps = { db, now: () => new Date(start) };
    const created = await createRequest(deps, referent, {
      essaimeId: passerelle.essaimeId,
      subject: 'Question de mesure 0',
      axis: 'prospecting',
      text: 'Comment organiser la prospection des petites entreprises du territoire ?',
      urgency: 'high',
    });
    const model = await getRequest(db, created.requestId);
    if (!model) throw new Error('The model request was not found');
    await writeCopies(db, tutoringRequestEntity, n - 1, (i) => {
      const at = new Date(start + (i + 1) * 60_000);
      return { ...model, requestId: newId('tutoringRequest'), subject: `Question de mesure ${pad(i + 1)}`, urgency: urgencies[i % 3]!, createdAt: at.toISOString(), dueAt: new Date(at.getTime() + 2 * 86_400_000).toISOString() };
    });
    const before = (await db.doc.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': essaimeOpenRequestsEntity.partition('table', { essaimeId: passerelle.essaimeId }) } }))).Items?.[0]?.openCount as number | undefined;
    await putAllNow(db, [essaimeOpenRequestsEntity.toItem({ essaimeId: passerelle.essaimeId, openCount: (before ?? 0) + n - 1 })]);
    return { volume: n };
  },
  request: () => ({ method: 'GET', path: '/tutoring/requests?limit=20', as: 'demo-tutor-michel' }),
  check: (res, { state }) => {
    const items = (res.body?.items ?? []) as { urgency: string; tutorUserId: string }[];
    if (items.length < Math.min(20, state.volume)) throw new Error(`Expected a page of requests, got ${JSON.stringify(res.body).slice(0, 300)}`);
    if (items.some((r) => r.tutorUserId !== 'demo-tutor-michel')) throw new Error("The page holds another tutor's request");
    if (items[0]?.urgency !== 'high') throw new Error('The most urgent requests should come first');
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
