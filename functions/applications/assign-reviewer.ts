import { applicationsApi } from '../../shared/applications/api';
import { assignReviewer } from '../../shared/applications/review';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(applicationsApi.assignReviewer, async ({ params, body, principal, deps }) => ({
  body: await assignReviewer(deps, principal, params.applicationId, body.reviewerUserId),
}));
