import type { ItemType } from '../entity';

/** Item types of shared/governance (key templates, indexes, personal data). */
export const governanceItemTypes: ItemType[] = [];
