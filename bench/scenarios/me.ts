import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { userProfileEntity } from '../../shared/identity/entities';
import { defineScenario } from '../lib/scenario';

const userId = 'demo-staff-claire';

/** Foundation: the caller's principal. Server = JWT check + principal from data; raw = the one Query it needs. */
export default defineScenario({
  name: 'me',
  description: 'GET /me as a staff member (identity, role, memberships)',
  request: () => ({ method: 'GET', path: '/me', as: userId }),
  check: (res) => {
    if (res.body?.userId !== userId || res.body?.role !== 'staff') throw new Error(`GET /me returned ${JSON.stringify(res.body)}`);
  },
  rawLabel: `Query pk=USER#${userId}`,
  raw: ({ db }) =>
    db.doc.send(
      new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': userProfileEntity.partition('table', { userId }) } }),
    ),
});
