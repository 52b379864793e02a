import { applicationsApi } from '../../shared/applications/api';
import { addNote } from '../../shared/applications/review';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.addNote, async ({ params, body, principal, deps }) => ({
  status: 201,
  body: await addNote(deps, principal, params.applicationId, body.text),
}));
