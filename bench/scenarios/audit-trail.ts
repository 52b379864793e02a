import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditEntryEntity } from '../../shared/db/entities/audit';
import { commit } from '../../shared/db/transact';
import { listSeasons } from '../../shared/seasons/repository';
import { defineScenario, inBatches } from '../lib/scenario';

const staff = { userId: 'demo-staff-claire', role: 'staff' as const };

/**
 * Foundation, with volumes: the first page of a record's audit trail when the record has 10 or 1,000
 * entries. A paginated key query: the large/small ratio should stay near 1.
 */
export default defineScenario({
  name: 'audit-trail',
  description: 'GET /audit/season/{seasonId}?limit=20 (first page, newest first) of a season with N audit entries',
  volumes: [10, 1000],
  setup: async ({ db }, volume) => {
    const season = (await listSeasons(db, { limit: 20 })).items.find((s) => s.year === 2019);
    if (!season) throw new Error('The demo data has no 2019 season');
    const start = Date.parse('2020-01-06T08:00:00Z');
    // Through commit(), as every change is recorded: one audit entry per transaction, spread over time.
    await inBatches(volume ?? 0, 16, (i) =>
      commit(db, staff, [], [{ action: 'season.updated', entityType: 'season', entityId: season.seasonId, changes: { name: `Révision ${i}` } }], new Date(start + i * 60_000)),
    );
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
