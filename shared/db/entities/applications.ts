import type { ItemType } from '../entity';

/** Item types of shared/applications (key templates, indexes, personal data). */
export const applicationsItemTypes: ItemType[] = [];
