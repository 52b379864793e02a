import { putAllNow } from '../../shared/db/batch';
import type { Db } from '../../shared/db/client';
import type { Entity } from '../../shared/db/entity';

/**
 * Bulk volumes for the bench: a few records are made through the use cases (so they are real), then copied
 * with new ids through the entity declarations (`entity.toItem`: keys and indexes from the registry) and
 * written 25 at a time with BatchWriteItem. 10,000 records take seconds instead of minutes.
 */
export async function writeCopies<E extends Entity>(db: Db, entity: E, count: number, copy: (i: number) => ReturnType<E['parse']>): Promise<void> {
  const items = Array.from({ length: count }, (_, i) => entity.toItem(copy(i)));
  await putAllNow(db, items);
}

/** Zero-padded index, so that copies sort in creation order. */
export const pad = (i: number) => String(i).padStart(6, '0');

