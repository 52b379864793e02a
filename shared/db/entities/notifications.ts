import type { ItemType } from '../entity';

/** Item types of shared/notifications (key templates, indexes, personal data). */
export const notificationsItemTypes: ItemType[] = [];
