import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../shared/access/principal';
import { applicationEntity } from '../../shared/applications/entities';
import { assignReviewer, scoreApplication } from '../../shared/applications/review';
import { createApplication, submitApplication } from '../../shared/applications/use-cases';
import { createCall, openCall } from '../../shared/calls/use-cases';
import { listSeasons } from '../../shared/seasons/repository';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { demoStructures } from '../../scripts/seed/demo-catalogue';
import { defineScenario, inBatches } from '../lib/scenario';

const staff: Principal = { userId: 'demo-staff-claire', role: 'staff', structureIds: [] };
const DAY = 86_400_000;

/**
 * Calls (issue 3), with volumes: the first page of a call's ranked application list (best score first)
 * when the call has 10 or 1,000 applications. A key query on the call's ranked index (gsi1, sorted by
 * score): the large/small ratio should stay near 1.
 */
export default defineScenario({
  name: 'calls-ranked-list',
  description: 'GET /calls/{callId}/applications?limit=20 (first page, ranked by score) of a call with N scored applications',
  volumes: [10, 1000],
  setup: async ({ deps, db }, volume) => {
    const season = (await listSeasons(db, { limit: 20 })).items.find((s) => s.year === 2020);
    if (!season) throw new Error('The demo data has no 2020 season');
    const now = Date.now();
    const call = await createCall(deps, staff, {
      seasonId: season.seasonId,
      title: `Appel de mesure (${volume})`,
      description: '',
      hypotheses: ['A', 'B'],
      opensAt: new Date(now - DAY).toISOString(),
      closesAt: new Date(now + 30 * DAY).toISOString(),
    });
    await openCall(deps, staff, call.callId);
    const signedOn = new Date(now - DAY).toISOString().slice(0, 10);
    // Through the use cases, as applicants and reviewers do: created, submitted, assigned, scored.
    await inBatches(volume ?? 0, 16, async (i) => {
      const applicant: Principal = { userId: `bench-applicant-${i}`, role: 'referent', structureIds: [] };
      const structure = demoStructures[i % demoStructures.length]!;
      const input = demoApplicationInput(structure.structureId, signedOn);
      const app = await createApplication(deps, applicant, call.callId, { ...input, structure: { ...input.structure, name: `${structure.name} ${i}` } });
      await submitApplication(deps, applicant, app.applicationId);
      await assignReviewer(deps, staff, app.applicationId, staff.userId);
      const n = i % 6;
      await scoreApplication(deps, staff, app.applicationId, {
        scores: { consortium: n, 'company-strategy': (n + 1) % 6, 'team-capacity': (n + 2) % 6, 'territorial-need': n, adhesion: (n + 3) % 6 },
        comment: '',
      });
    });
    return { callId: call.callId, volume: volume ?? 0 };
  },
  request: ({ state }) => ({ method: 'GET', path: `/calls/${state.callId}/applications?limit=20`, as: staff.userId }),
  check: (res, { state }) => {
    const items = res.body?.items as { score: number | null }[] | undefined;
    if (!Array.isArray(items) || items.length !== Math.min(20, state.volume)) throw new Error(`Expected a page of applications, got ${JSON.stringify(res.body).slice(0, 300)}`);
    for (let i = 1; i < items.length; i++) {
      if ((items[i]!.score ?? -1) > (items[i - 1]!.score ?? -1)) throw new Error('The page is not ranked by score');
    }
  },
  rawLabel: 'Query gsi1 CALL#{id}#APPS, rank key descending, Limit 20',
  raw: ({ db, state }) =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': applicationEntity.partition('gsi1', { callId: state.callId }) },
        ScanIndexForward: false,
        Limit: 20,
      }),
    ),
});
