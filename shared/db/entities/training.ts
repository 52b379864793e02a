import type { ItemType } from '../entity';

/** Item types of shared/training (key templates, indexes, personal data). */
export const trainingItemTypes: ItemType[] = [];
