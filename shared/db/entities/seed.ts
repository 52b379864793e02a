import { itemType } from '../entity';

export const seedMarker = itemType({
  type: 'SeedMarker',
  pk: 'SEED#{name}',
  sk: 'SEED',
  personal: false,
  description: 'The demo data was loaded (local runs only): a persisted database is seeded once',
});

export const seedItemTypes = [seedMarker];
