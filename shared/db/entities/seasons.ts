import { itemType } from '../entity';

export const season = itemType({
  type: 'Season',
  pk: 'SEASON#{seasonId}',
  sk: 'SEASON',
  indexes: { gsi1: { pk: 'SEASONS', sk: '{year}#{seasonId}' } },
  personal: false,
  description: 'A season of the programme (one call, one cohort, one evaluation); seasons listed by year on gsi1',
});

export const seasonYear = itemType({
  type: 'SeasonYear',
  pk: 'SEASONYEAR#{year}',
  sk: 'UNIQUE',
  personal: false,
  description: 'Uniqueness of a season year: written with the season, refused if the year is taken',
});

export const seasonItemTypes = [season, seasonYear];
