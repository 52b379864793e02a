import type { ItemType } from '../entity';

/** Item types of shared/privacy (key templates, indexes, personal data). */
export const privacyItemTypes: ItemType[] = [];
