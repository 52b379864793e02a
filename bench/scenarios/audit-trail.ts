import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditEntryEntity } from '../../shared/db/entities/audit';
import { listAuditForEntity } from '../../shared/db/audit';
import { commit } from '../../shared/db/transact';
import { createSeason } from '../../shared/seasons/use-cases';
import { writeCopies } from '../lib/bulk';
import { defineScenario } from '../lib/scenario';

/** A full first page at both volumes: with a 20-row page, the smallest volume would fill half of it and large/small
 * would measure the page's size rather than the list's volume. */
const page = 10;

const staff = { userId: 'demo-staff-claire', role: 'staff' as const, structureIds: [] };

/**
 * Foundation, with volumes: the first page of a record's audit trail when the record has 10 or 10,000
 * entries: a season of its own per volume (its creation recorded), one change through commit(), as every
 * change is recorded, the others copies of it one minute apart (BatchWrite through the audit entity).
 * A paginated key query: the large/small ratio should stay near 1.
 */
export default defineScenario({
  name: 'audit-trail',
  description: 'GET /audit/season/{seasonId}?limit=10 (first page, newest first) of a season with N audit entries',
  volumes: [10, 10_000],
  setup: async ({ db, deps }, volume) => {
    // One season per year: each volume has its own, so both trails are measured side by side.
    const year = (volume ?? 0) > 10 ? 2066 : 2064;
    const season = await createSeason(deps, staff, { name: `Saison de mesure ${volume}`, year, startDate: `${year}-01-01`, endDate: `${year + 1}-12-31` });
    // From now on, a minute apart: newer than the season's creation, so the first page is the measured entries.
    const start = Date.now();
    await commit(db, staff, [], [{ action: 'season.updated', entityType: 'season', entityId: season.seasonId, changes: { name: 'Révision 0' } }], new Date(start));
    const model = (await listAuditForEntity(db, 'season', season.seasonId, { limit: 1 })).items[0];
    if (!model) throw new Error('The audit entry was not written');
    await writeCopies(db, auditEntryEntity, (volume ?? 1) - 1, (i) => ({ ...model, at: new Date(start + (i + 1) * 60_000).toISOString(), changes: { name: `Révision ${i + 1}` } }));
    return { seasonId: season.seasonId, volume: volume ?? 0 };
  },
  request: ({ state }) => ({ method: 'GET', path: `/audit/season/${state.seasonId}?limit=${page}`, as: staff.userId }),
  check: (res, { state }) => {
    const items = res.body?.items;
    if (!Array.isArray(items) || items.length < Math.min(page, state.volume)) throw new Error(`Expected a page of audit entries, got ${JSON.stringify(res.body).slice(0, 300)}`);
  },
  rawLabel: 'Query pk=AUDIT#season#{id}, newest first, Limit 10',
  raw: ({ db, state }) =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditEntryEntity.partition('table', { entityType: 'season', entityId: state.seasonId }) },
        ScanIndexForward: false,
        Limit: page,
      }),
    ),
});
