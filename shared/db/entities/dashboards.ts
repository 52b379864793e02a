import type { ItemType } from '../entity';

/** Dashboards are read models: they read evaluation's aggregates and store no item of their own. */
export const dashboardsItemTypes: ItemType[] = [];
