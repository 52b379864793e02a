import type { ItemType } from '../entity';

/** Item types of shared/identity (key templates, indexes, personal data). */
export const identityItemTypes: ItemType[] = [];
