import type { ItemType } from '../entity';

/** Item types of shared/audit (key templates, indexes, personal data). */
export const auditItemTypes: ItemType[] = [];
