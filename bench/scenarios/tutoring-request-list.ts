import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../shared/access/principal';
import { putAllNow } from '../../shared/db/batch';
import { commit } from '../../shared/db/transact';
import { createEssaimeWrites, listAllEssaimesOfSeason } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { userProfileEntity } from '../../shared/identity/entities';
import { newId } from '../../shared/ids';
import type { Deps } from '../../shared/runtime';
import { listSeasons } from '../../shared/seasons/repository';
import { essaimeOpenRequestsEntity, tutoringRequestEntity } from '../../shared/tutoring/entities';
import { getRequest } from '../../shared/tutoring/repository';
import { createRequest } from '../../shared/tutoring/requests';
import { pad, writeCopies } from '../lib/bulk';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { defineScenario } from '../lib/scenario';

/** A full first page at both volumes: with a 20-row page, the smallest volume would fill half of it and large/small
 * would measure the page's size rather than the list's volume. */
const page = 10;

const demoSeasons = demoSeasonYears();

/**
 * A tutor's request list: first page (10) of the tutor's open requests, most urgent then newest first, when
 * the tutor has N open requests. Each volume has a tutor of its own (bench-tutor-N, a tutor's profile) and an
 * essaimé of its own tutored by them (a copy of the demo's Passerelle, through its creation writes), so both
 * lists are measured side by side on the same table. One request is made through the use case (audit entry,
 * outbox message, open counter), the others are copies of it with their own ids, times and urgencies
 * (BatchWrite through the request entity, so the tutor's index keys are those the use case writes), and the
 * essaimé's open counter is set to N. A Query on the tutor's index partition with Limit 10, then the page's
 * essaimés' current tutor: the large/small ratio should stay near 1.
 */
const staff: Principal = { userId: 'demo-staff-claire', role: 'staff', structureIds: [] };
const urgencies = ['low', 'normal', 'high'] as const;

export default defineScenario({
  name: 'tutoring-request-list',
  description: 'GET /tutoring/requests?limit=10 as a tutor (open requests, most urgent then newest first) with N open requests',
  volumes: [10, 10_000],
  setup: async ({ db }, volume) => {
    const n = volume ?? 10;
    const season = (await listSeasons(db, { limit: 20 })).items.find((s) => s.year === demoSeasons.cohort);
    if (!season) throw new Error('The demo data has no cohort season');
    const passerelle = (await listAllEssaimesOfSeason(db, season.seasonId)).find((e) => e.structureId === 'str_passerelle');
    if (!passerelle) throw new Error('The demo data has no Passerelle');
    const start = Date.parse('2020-01-06T08:00:00Z');
    const deps: Deps = { db, now: () => new Date(start) };
    const since = deps.now().toISOString();
    const tutorUserId = `bench-tutor-${n}`;
    const essaime: Essaime = {
      ...passerelle,
      essaimeId: newId('essaime'),
      structureId: `str_bench-tutoring-${n}`,
      structureName: `${passerelle.structureName} (mesure ${n})`,
      referentUserId: `bench-referent-tutoring-${n}`,
      tutorUserId,
      createdAt: since,
      version: 1,
    };
    await putAllNow(db, [userProfileEntity.toItem({ userId: tutorUserId, role: 'tutor', displayName: `Tuteur de mesure ${n}`, email: `${tutorUserId}@bench.example`, organisation: 'A.CO.R.', createdAt: since, origin: 'seed' })]);
    await commit(db, staff, createEssaimeWrites(db, essaime, [], since), [{ action: 'essaime.created', entityType: 'essaime', entityId: essaime.essaimeId, changes: { seasonId: season.seasonId } }], deps.now());
    const referent: Principal = { userId: essaime.referentUserId, role: 'referent', structureIds: [essaime.structureId] };
    const created = await createRequest(deps, referent, {
      essaimeId: essaime.essaimeId,
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
    await putAllNow(db, [essaimeOpenRequestsEntity.toItem({ essaimeId: essaime.essaimeId, openCount: n })]);
    return { volume: n, tutorUserId };
  },
  request: ({ state }) => ({ method: 'GET', path: `/tutoring/requests?limit=${page}`, as: state.tutorUserId }),
  check: (res, { state }) => {
    const items = (res.body?.items ?? []) as { urgency: string; tutorUserId: string }[];
    if (items.length < Math.min(page, state.volume)) throw new Error(`Expected a page of requests, got ${JSON.stringify(res.body).slice(0, 300)}`);
    if (items.some((r) => r.tutorUserId !== state.tutorUserId)) throw new Error("The page holds another tutor's request");
    if (items[0]?.urgency !== 'high') throw new Error('The most urgent requests should come first');
  },
  rawLabel: 'Query gsi1 TUTOR#{id}#TREQ#open, descending, Limit 10',
  raw: ({ db, state }) =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': tutoringRequestEntity.partition('gsi1', { tutorUserId: state.tutorUserId, state: 'open' }) },
        ScanIndexForward: false,
        Limit: page,
      }),
    ),
});
