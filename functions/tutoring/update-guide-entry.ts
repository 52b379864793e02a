import { httpHandler } from '../../shared/http/handler';
import { guideApi } from '../../shared/tutoring/api';
import { updateGuideEntry } from '../../shared/tutoring/guide';

export const handler = httpHandler(guideApi.update, async ({ params, body, principal, deps }) => ({
  body: await updateGuideEntry(deps, principal, params.guideEntryId, body),
}));
