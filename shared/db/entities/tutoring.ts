import type { ItemType } from '../entity';

/** Item types of shared/tutoring (key templates, indexes, personal data). */
export const tutoringItemTypes: ItemType[] = [];
