import { evaluationApi } from '../../shared/evaluation/api';
import { listReviewQueue } from '../../shared/evaluation/progress';
import { toReportView } from '../../shared/evaluation/views';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(evaluationApi.reviewQueue, async ({ params, query, deps }) => {
  const { status, ...page } = query;
  const reports = await listReviewQueue(deps, params.seasonId, status, page);
  return { body: { items: reports.items.map(toReportView), nextCursor: reports.nextCursor } };
});
