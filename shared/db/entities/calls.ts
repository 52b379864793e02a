import type { ItemType } from '../entity';

/** Item types of shared/calls (key templates, indexes, personal data). */
export const callsItemTypes: ItemType[] = [];
