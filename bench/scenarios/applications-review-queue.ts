import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { applicationEntity } from '../../shared/applications/entities';
import { defineScenario } from '../lib/scenario';
import { callWithApplications } from './calls-ranked-list';

/** Review (issue 3): the review queue, first page of a call's applications under review, best score first (gsi2 by status). */
export default defineScenario({
  name: 'applications-review-queue',
  description: 'GET /calls/{callId}/applications?status=<under review>&limit=20 of a call with N applications under review',
  volumes: [10, 10_000],
  setup: async ({ deps }, volume) => ({ ...(await callWithApplications(deps, volume ?? 10)), volume: volume ?? 10 }),
  request: ({ state }) => ({ method: 'GET', path: `/calls/${state.callId}/applications?status=${state.status}&limit=20`, as: 'demo-staff-claire' }),
  check: (res, { state }) => {
    const items = res.body?.items as { status: string }[] | undefined;
    if (!Array.isArray(items) || items.length !== Math.min(20, state.volume)) throw new Error(`Expected a page of the queue, got ${JSON.stringify(res.body).slice(0, 300)}`);
    if (items.some((a) => a.status !== state.status)) throw new Error(`The queue holds an application not ${state.status}`);
  },
  rawLabel: 'Query gsi2 CALL#{id}#STATUS#{status}, rank key descending, Limit 20',
  raw: ({ db, state }) =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': applicationEntity.partition('gsi2', { callId: state.callId, status: state.status }) },
        ScanIndexForward: false,
        Limit: 20,
      }),
    ),
});
