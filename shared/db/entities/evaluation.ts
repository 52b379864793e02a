import type { ItemType } from '../entity';

/** Item types of shared/evaluation (key templates, indexes, personal data). */
export const evaluationItemTypes: ItemType[] = [];
