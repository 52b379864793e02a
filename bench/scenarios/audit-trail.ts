import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditEntryEntity } from '../../shared/db/entities/audit';
import { listAuditForEntity } from '../../shared/db/audit';
import { commit } from '../../shared/db/transact';
import { listSeasons } from '../../shared/seasons/repository';
import { writeCopies } from '../lib/bulk';
import { defineScenario } from '../lib/scenario';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

const staff = { userId: 'demo-staff-claire', role: 'staff' as const };

/**
 * Foundation, with volumes: the first page of a record's audit trail when the record has 10 or 10,000
 * entries (one through commit(), as every change is recorded, the others copies of it one minute apart,
 * BatchWrite through the audit entity). A paginated key query: the large/small ratio should stay near 1.
 */
export default defineScenario({
  name: 'audit-trail',
  description: 'GET /audit/season/{seasonId}?limit=20 (first page, newest first) of a season with N audit entries',
  volumes: [10, 10_000],
  setup: async ({ db }, volume) => {
    const season = (await listSeasons(db, { limit: 20 })).items.find((s) => s.year === demoSeasons.cohort);
    if (!season) throw new Error('The demo data has no cohort season');
    // From now on, a minute apart: newer than the demo data's entries, so the first page is the measured ones.
    const start = Date.now();
    await commit(db, staff, [], [{ action: 'season.updated', entityType: 'season', entityId: season.seasonId, changes: { name: 'Révision 0' } }], new Date(start));
    const model = (await listAuditForEntity(db, 'season', season.seasonId, { limit: 1 })).items[0];
    if (!model) throw new Error('The audit entry was not written');
    await writeCopies(db, auditEntryEntity, (volume ?? 1) - 1, (i) => ({ ...model, at: new Date(start + (i + 1) * 60_000).toISOString(), changes: { name: `Révision ${i + 1}` } }));
    return { seasonId: season.seasonId, volume: volume ?? 0 };
  },
  request: ({ state }) => ({ method: 'GET', path: `/audit/season/${state.seasonId}?limit=20`, as: staff.userId }),
  check: (res, { state }) => {
    const items = res.body?.items;
    if (!Array.isArray(items) || items.length < Math.min(20, state.volume)) throw new Error(`Expected a page of audit entries, got ${JSON.stringify(res.body).slice(0, 300)}`);
  },
  rawLabel: 'Query pk=AUDIT#season#{id}, newest first, Limit 20',
  raw: ({ db, state }) =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditEntryEntity.partition('table', { entityType: 'season', entityId: state.seasonId }) },
        ScanIndexForward: false,
        Limit: 20,
      }),
    ),
});
