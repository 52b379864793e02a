import { governanceApi } from '../../shared/governance/api';
import { listMeetings } from '../../shared/governance/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(governanceApi.listMeetings, async ({ params, query, deps }) => ({ body: await listMeetings(deps, params.seasonId, query) }));
