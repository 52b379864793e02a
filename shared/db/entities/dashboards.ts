import type { ItemType } from '../entity';

/** Item types of shared/dashboards (key templates, indexes, personal data). */
export const dashboardsItemTypes: ItemType[] = [];
