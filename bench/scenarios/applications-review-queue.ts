import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { applicationEntity } from '../../shared/applications/entities';
import { defineScenario } from '../lib/scenario';
import { callWithApplications } from './calls-ranked-list';

/** A full first page at both volumes: with a 20-row page, the smallest volume would fill half of it and large/small
 * would measure the page's size rather than the list's volume. */
const page = 10;

/** Review (issue 3): the review queue, first page of a call's applications under review, best score first (gsi2 by status). */
export default defineScenario({
  name: 'applications-review-queue',
  description: 'GET /calls/{callId}/applications?status=<under review>&limit=10 of a call with N applications under review',
  volumes: [10, 10_000],
  setup: async ({ deps }, volume) => ({ ...(await callWithApplications(deps, volume ?? 10)), volume: volume ?? 10 }),
  request: ({ state }) => ({ method: 'GET', path: `/calls/${state.callId}/applications?status=${state.status}&limit=${page}`, as: 'demo-staff-claire' }),
  check: (res, { state }) => {
    const items = res.body?.items as { status: string }[] | undefined;
    if (!Array.isArray(items) || items.length !== Math.min(page, state.volume)) throw new Error(`Expected a page of the queue, got ${JSON.stringify(res.body).slice(0, 300)}`);
    if (items.some((a) => a.status !== state.status)) throw new Error(`The queue holds an application not ${state.status}`);
  },
  rawLabel: 'Query gsi2 CALL#{id}#STATUS#{status}, rank key descending, Limit 10',
  raw: ({ db, state }) =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': applicationEntity.partition('gsi2', { callId: state.callId, status: state.status }) },
        ScanIndexForward: false,
        Limit: page,
      }),
    ),
});
