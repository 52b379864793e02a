import type { ItemType } from '../entity';

/** Item types of shared/essaimes (key templates, indexes, personal data). */
export const essaimesItemTypes: ItemType[] = [];
