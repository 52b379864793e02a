import { evaluationApi } from '../../shared/evaluation/api';
import { listReviewQueue } from '../../shared/evaluation/use-cases';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.reviewQueue, async ({ params, query, deps }) => {
  const { status, ...page } = query;
  return { body: await listReviewQueue(deps, params.seasonId, status, page) };
});
