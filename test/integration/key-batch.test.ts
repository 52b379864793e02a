import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/db/client';
import { keyBatch } from '../../shared/db/key-batch';
import { putAllNow } from '../../shared/db/batch';
import { userProfileEntity } from '../../shared/identity/entities';
import { createTestDb } from '../support/db';

/** The request's batch of key reads (shared/db/key-batch.ts) on DynamoDB Local: one call, each read gets its own item. */
let db: Db;
const profile = (i: number) => ({ userId: `batch-user-${i}`, role: 'staff' as const, displayName: `Personne ${i}`, email: `p${i}@example.org`, organisation: 'Ansa' });

beforeAll(async () => {
  db = await createTestDb();
  await putAllNow(db, Array.from({ length: 130 }, (_, i) => userProfileEntity.toItem(profile(i))));
});
afterAll(() => db.doc.destroy());

describe('key batch', () => {
  it('answers every read of the batch with its own item, undefined when there is none, in one BatchGetItem', async () => {
    const sent: string[] = [];
    db.doc.middlewareStack.add((next, context) => (args) => {
      sent.push(String(context.commandName));
      return next(args);
    }, { step: 'initialize', name: 'countCommands' });
    try {
      const batch = keyBatch(db);
      const reads = [batch.get(userProfileEntity, { userId: 'batch-user-3' }), batch.get(userProfileEntity, { userId: 'nobody' }), batch.get(userProfileEntity, { userId: 'batch-user-3' }), batch.get(userProfileEntity, { userId: 'batch-user-7' })];
      batch.send();
      const [a, none, again, b] = await Promise.all(reads);
      expect([a?.displayName, none, again?.displayName, b?.displayName]).toEqual(['Personne 3', undefined, 'Personne 3', 'Personne 7']);
      expect(sent).toEqual(['BatchGetItemCommand']);
      // Asked after the batch left: read on its own, still right.
      expect((await batch.get(userProfileEntity, { userId: 'batch-user-9' }))?.displayName).toBe('Personne 9');
      expect(sent).toEqual(['BatchGetItemCommand', 'GetItemCommand']);
    } finally {
      db.doc.middlewareStack.remove('countCommands');
    }
  });

  it('reads more than 100 keys in several calls', async () => {
    const batch = keyBatch(db);
    const reads = Array.from({ length: 130 }, (_, i) => batch.get(userProfileEntity, { userId: `batch-user-${i}` }));
    batch.send();
    expect((await Promise.all(reads)).map((p) => p?.displayName)).toEqual(Array.from({ length: 130 }, (_, i) => `Personne ${i}`));
  });
});
