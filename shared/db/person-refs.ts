import * as z from 'zod/mini';
import type { Db } from './client';
import { personRef } from './entities/privacy';
import { defineEntity, type Entity, type KeyArgs } from './entity';
import { putNow, putItem, queryAllOf } from './store';
import type { Write } from './transact';

/**
 * The personal-data registry. Any module that copies a person's name or email into an item outside that
 * person's own records (a meeting's attendance list, a message, a guide entry) adds a pointer here in the
 * same transaction. Export and erasure read the pointers (one Query per person), so they find every copy
 * without scanning the table, and without knowing the key formats of the module that made the copy.
 */
export type PersonKind = 'user' | 'participant';

export interface PersonRef {
  kind: PersonKind;
  id: string;
}

export const personRefSchema = z.object({
  personKind: z.enum(['user', 'participant']),
  personId: z.string(),
  entityType: z.string(),
  targetPk: z.string(),
  targetSk: z.string(),
});
export type PersonRefRecord = z.infer<typeof personRefSchema>;

export const personRefEntity = defineEntity(personRef, personRefSchema);

function record(person: PersonRef, target: { pk: string; sk: string }, entityType: string): PersonRefRecord {
  return { personKind: person.kind, personId: person.id, entityType, targetPk: target.pk, targetSk: target.sk };
}

/** The pointer to an item of `entity`, keyed by its own key arguments. */
export function personRefWriteFor<E extends Entity>(
  db: Db,
  person: PersonRef,
  entity: E,
  args: KeyArgs<E['itemType']['pk']> & KeyArgs<E['itemType']['sk']>,
): Write {
  return putItem(db, personRefEntity, record(person, entity.key(args), entity.itemType.type));
}

/** The pointer to an item given by its key (modules whose entities are not declared yet). */
export function personRefWrite(db: Db, person: PersonRef, target: { pk: string; sk: string }, entityType: string): Write {
  return putItem(db, personRefEntity, record(person, target, entityType));
}

/** Outside a transaction (tests, repair scripts). */
export function putPersonRefNow(db: Db, person: PersonRef, target: { pk: string; sk: string }, entityType: string): Promise<void> {
  return putNow(db, personRefEntity, record(person, target, entityType));
}

export async function listPersonRefs(db: Db, person: PersonRef): Promise<{ targetPk: string; targetSk: string; entityType: string }[]> {
  const refs = await queryAllOf(db, personRefEntity, { pk: personRefEntity.partition('table', { personKind: person.kind, personId: person.id }) });
  return refs.map(({ targetPk, targetSk, entityType }) => ({ targetPk, targetSk, entityType }));
}
