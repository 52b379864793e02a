import { itemType, type ItemType } from '../entity';

/** Item types of the personal-data registry (shared/db/person-refs.ts). */

export const personRef = itemType({
  type: 'PersonRef',
  pk: 'PERSONREF#{personKind}#{personId}',
  sk: '{targetPk}|{targetSk}',
  personal: false,
  description: "A pointer to an item outside a person's own records that copies their name or email: what export and erasure read",
});

export const privacyItemTypes: ItemType[] = [personRef];
