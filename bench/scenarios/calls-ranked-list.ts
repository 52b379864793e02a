import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../shared/access/principal';
import { applicationEntity } from '../../shared/applications/entities';
import { getApplication } from '../../shared/applications/repository';
import { assignReviewer, scoreApplication } from '../../shared/applications/review';
import { createApplication, submitApplication } from '../../shared/applications/use-cases';
import { createCall, openCall } from '../../shared/calls/use-cases';
import { newId } from '../../shared/ids';
import type { Deps } from '../../shared/runtime';
import { listSeasons } from '../../shared/seasons/repository';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { demoStructures } from '../../scripts/seed/demo-catalogue';
import { pad, writeCopies } from '../lib/bulk';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { defineScenario } from '../lib/scenario';

/** A full first page at both volumes: with a 20-row page, the smallest volume would fill half of it and large/small
 * would measure the page's size rather than the list's volume. */
const page = 10;

const demoSeasons = demoSeasonYears();

const staff: Principal = { userId: 'demo-staff-claire', role: 'staff', structureIds: [] };
const DAY = 86_400_000;

const calls = new Map<string, Promise<{ callId: string; status: string }>>();

/**
 * A call with N scored applications under review: one made through the use cases (created, submitted,
 * assigned, scored), the others copies of it with their own ids, applicants and scores (BatchWrite through
 * the application entity, so every index key is the one the use cases write). The ranked list and the review
 * queue read the same call through two indexes: it is made once per table and volume, for whichever runs first.
 */
export function callWithApplications(deps: Deps, volume: number): Promise<{ callId: string; status: string }> {
  const key = `${deps.db.tableName}|${volume}`;
  let call = calls.get(key);
  if (!call) {
    call = makeCallWithApplications(deps, volume);
    calls.set(key, call);
  }
  return call;
}

async function makeCallWithApplications(deps: Deps, volume: number): Promise<{ callId: string; status: string }> {
  const season = (await listSeasons(deps.db, { limit: 20 })).items.find((s) => s.year === demoSeasons.call);
  if (!season) throw new Error('The demo data has no call season');
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
  const applicant: Principal = { userId: 'bench-applicant-0', role: 'referent', structureIds: [] };
  const structure = demoStructures[0]!;
  const created = await createApplication(deps, applicant, call.callId, demoApplicationInput(structure.structureId, new Date(now - DAY).toISOString().slice(0, 10)));
  await submitApplication(deps, applicant, created.applicationId);
  await assignReviewer(deps, staff, created.applicationId, staff.userId);
  await scoreApplication(deps, staff, created.applicationId, { scores: { consortium: 3, 'company-strategy': 4, 'team-capacity': 2, 'territorial-need': 3, adhesion: 5 }, comment: '' });
  const model = await getApplication(deps.db, created.applicationId);
  if (!model) throw new Error('The model application was not found');
  await writeCopies(deps.db, applicationEntity, volume - 1, (i) => ({
    ...model,
    applicationId: newId('application'),
    applicantUserId: `bench-applicant-${i + 1}`,
    structure: { ...model.structure, name: `${structure.name} ${pad(i + 1)}` },
    score: model.score === null ? null : Math.round(((i * 37) % 1000) / 10),
  }));
  return { callId: call.callId, status: model.status };
}

/** Calls (issue 3): the first page of a call's ranked application list (best score first), a key query on gsi1. */
export default defineScenario({
  name: 'calls-ranked-list',
  description: 'GET /calls/{callId}/applications?limit=10 (first page, ranked by score) of a call with N scored applications',
  volumes: [10, 10_000],
  setup: async ({ deps }, volume) => ({ ...(await callWithApplications(deps, volume ?? 10)), volume: volume ?? 10 }),
  request: ({ state }) => ({ method: 'GET', path: `/calls/${state.callId}/applications?limit=${page}`, as: staff.userId }),
  check: (res, { state }) => {
    const items = res.body?.items as { score: number | null }[] | undefined;
    if (!Array.isArray(items) || items.length !== Math.min(page, state.volume)) throw new Error(`Expected a page of applications, got ${JSON.stringify(res.body).slice(0, 300)}`);
    for (let i = 1; i < items.length; i++) {
      if ((items[i]!.score ?? -1) > (items[i - 1]!.score ?? -1)) throw new Error('The page is not ranked by score');
    }
  },
  rawLabel: 'Query gsi1 CALL#{id}#APPS, rank key descending, Limit 10',
  raw: ({ db, state }) =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': applicationEntity.partition('gsi1', { callId: state.callId }) },
        ScanIndexForward: false,
        Limit: page,
      }),
    ),
});
