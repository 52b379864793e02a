import type { Db } from '../db/client';
import { queryAll } from '../db/pagination';
import type { Write } from '../db/transact';

/**
 * The personal-data index. Any module that copies a person's name or email into an item outside that
 * person's own records (a meeting's attendance list, an application's team, a message) adds a pointer here
 * in the same transaction: `personRefWrite(db, { kind: 'user', id }, { pk, sk })`. Export and erasure read
 * the pointers (one Query per person), so they find every copy without scanning the table.
 */
export type PersonKind = 'user' | 'participant';

export interface PersonRef {
  kind: PersonKind;
  id: string;
}

export const personRefKeys = {
  partition: (person: PersonRef) => `PERSONREF#${person.kind}#${person.id}`,
};

export function personRefWrite(db: Db, person: PersonRef, target: { pk: string; sk: string }, entityType: string): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: {
          pk: personRefKeys.partition(person),
          sk: `${target.pk}|${target.sk}`,
          type: 'PersonRef',
          personKind: person.kind,
          personId: person.id,
          entityType,
          targetPk: target.pk,
          targetSk: target.sk,
        },
      },
    },
  };
}

export async function listPersonRefs(db: Db, person: PersonRef): Promise<{ targetPk: string; targetSk: string; entityType: string }[]> {
  const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': personRefKeys.partition(person) } });
  return items.map((i) => ({ targetPk: i.targetPk as string, targetSk: i.targetSk as string, entityType: i.entityType as string }));
}
