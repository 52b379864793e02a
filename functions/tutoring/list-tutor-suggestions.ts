import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { suggestSeasonTutors } from '../../shared/tutoring/use-cases';

export const handler = httpHandler(tutorsApi.suggestions, async ({ params, deps }) => ({ body: await suggestSeasonTutors(deps, params.seasonId) }));
