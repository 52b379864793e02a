import { itemType, type ItemType } from '../entity';

/** Item types of Idempotency-Key handling (shared/http/idempotency.ts). */

export const idempotencyRecord = itemType({
  type: 'IdempotencyRecord',
  pk: 'IDEMPOTENCY#{userId}',
  sk: '{operationId}#{key}',
  personal: true,
  expires: true,
  description:
    "A caller's Idempotency-Key on one operation: in progress, then the answer given (status and body), replayed to a retry with the same input; expires after 24 h",
});

export const idempotencyItemTypes: ItemType[] = [idempotencyRecord];
