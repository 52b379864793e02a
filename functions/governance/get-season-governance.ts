import { readSeasonGovernance } from '../../shared/governance/action-plans';
import { governanceApi } from '../../shared/governance/api';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(governanceApi.seasonGovernance, async ({ params, deps }) => ({
  body: await readSeasonGovernance(deps, params.seasonId),
}));
