import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { seasonEntity } from '../../shared/seasons/entities';
import { listSeasons } from '../../shared/seasons/repository';
import { defineScenario } from '../lib/scenario';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/** Foundation: one data read. Server = auth, principal, validation, GetItem; raw = the GetItem alone. */
export default defineScenario({
  name: 'season-get',
  description: 'GET /seasons/{seasonId} of the seeded 2019 season, as staff',
  setup: async ({ db }) => {
    const page = await listSeasons(db, { limit: 20 });
    const season = page.items.find((s) => s.year === demoSeasons.cohort);
    if (!season) throw new Error('The demo data has no 2019 season');
    return { seasonId: season.seasonId };
  },
  request: ({ state }) => ({ method: 'GET', path: `/seasons/${state.seasonId}`, as: 'demo-staff-claire' }),
  check: (res, { state }) => {
    if (res.body?.seasonId !== state.seasonId) throw new Error(`GET /seasons/{id} returned ${JSON.stringify(res.body)}`);
  },
  rawLabel: 'GetItem SEASON#{id}/SEASON',
  raw: ({ db, state }) => db.doc.send(new GetCommand({ TableName: db.tableName, Key: seasonEntity.key({ seasonId: state.seasonId }) })),
});
