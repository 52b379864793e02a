import type { Db } from '../db/client';
import { queryAllOf, updateOne } from '../db/store';
import type { Write } from '../db/transact';
import { addFigures, aggregateKeyOf, aggregatePlaces, contributionOf, emptyFigures, essaimeKeyPrefix, programmeKeyPrefix, type AggregatePlace, type Figures } from './aggregate-rules';
import { aggregateEntity, type AggregateItem } from './entities';
import type { Report } from './schemas';

/**
 * Pre-computed aggregates of accepted reports, one partition per season. Each accept adds the report's
 * contribution to its five items with ADD, in the same transaction as the status change; a reopen takes it
 * back the same way. Dashboards read these items, never the reports, so their cost does not grow with them.
 */

/** ADD of one contribution to one aggregate item (created on first use). */
function addWrite(db: Db, seasonId: string, place: AggregatePlace, delta: Figures): Write {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = {
    ':n': delta.acceptedReports,
    ':ds': delta.delaySum,
    ':dw': delta.delayWeight,
    ':type': aggregateEntity.itemType.type,
    ':season': seasonId,
  };
  const adds = ['acceptedReports :n', 'delaySum :ds', 'delayWeight :dw'];
  Object.entries(delta.totals).forEach(([key, value], i) => {
    names[`#t${i}`] = `t_${key}`;
    values[`:t${i}`] = value;
    adds.push(`#t${i} :t${i}`);
  });
  Object.entries(delta.rateBuckets).forEach(([bucket, value], i) => {
    names[`#b${i}`] = `b_${bucket}`;
    values[`:b${i}`] = value;
    adds.push(`#b${i} :b${i}`);
  });
  Object.entries(delta.derived).forEach(([key, value], i) => {
    names[`#r${i}`] = `d_${key}`;
    values[`:r${i}`] = value;
    adds.push(`#r${i} :r${i}`);
  });
  const where: Record<string, string> = { dimension: place.dimension, dimensionValue: place.dimensionValue, stageId: place.stageId };
  if (place.dimension === 'essaime') where.essaimeId = place.dimensionValue;
  const sets = ['#type = :type', 'seasonId = :season'];
  Object.entries(where).forEach(([attr, value], i) => {
    names[`#d${i}`] = attr;
    values[`:d${i}`] = value;
    sets.push(`#d${i} = :d${i}`);
  });
  return updateOne(db, aggregateEntity, { seasonId, aggregateKey: aggregateKeyOf(place) }, {
    expression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
    names,
    values,
  });
}

/** The writes that count (sign 1) or uncount (sign −1) one accepted report in every aggregate it belongs to. */
export function aggregateWrites(db: Db, report: Report, sign: 1 | -1): Write[] {
  const delta = contributionOf(report, sign);
  return aggregatePlaces(report).map((place) => addWrite(db, report.seasonId, place, delta));
}

/**
 * Several reports counted in one transaction (an import): DynamoDB allows one operation per item in a
 * transaction, so the contributions to a shared item (the programme, a hypothesis…) are summed first.
 */
export function aggregateWritesOfMany(db: Db, reports: Report[]): Write[] {
  const byKey = new Map<string, { seasonId: string; place: AggregatePlace; delta: Figures }>();
  for (const report of reports) {
    const delta = contributionOf(report, 1);
    for (const place of aggregatePlaces(report)) {
      const key = `${report.seasonId}#${aggregateKeyOf(place)}`;
      const found = byKey.get(key);
      byKey.set(key, { seasonId: report.seasonId, place, delta: found ? addFigures(found.delta, delta) : delta });
    }
  }
  return [...byKey.values()].map((a) => addWrite(db, a.seasonId, a.place, a.delta));
}

function figuresOf(item: AggregateItem): Figures {
  const figures = emptyFigures();
  figures.acceptedReports = item.acceptedReports;
  figures.delaySum = item.delaySum;
  figures.delayWeight = item.delayWeight;
  for (const [attr, value] of Object.entries(item)) {
    if (typeof value !== 'number') continue;
    if (attr.startsWith('t_')) figures.totals[attr.slice(2)] = value;
    else if (attr.startsWith('b_')) figures.rateBuckets[attr.slice(2)] = value;
    else if (attr.startsWith('d_')) figures.derived[attr.slice(2)] = value;
  }
  return figures;
}

/** One aggregate item as the dashboards read it. */
export interface Aggregate extends AggregatePlace {
  figures: Figures;
}

const toAggregate = (item: AggregateItem): Aggregate => ({
  stageId: item.stageId,
  dimension: item.dimension,
  dimensionValue: item.dimensionValue,
  figures: figuresOf(item),
});

const partition = (seasonId: string) => aggregateEntity.partition('table', { seasonId });

/** A season's programme items (every dimension but `essaime`): a bounded set (stages × (1 + 2 hypotheses + régions + 3 settings)), whatever the number of reports. */
export async function readProgrammeAggregates(db: Db, seasonId: string): Promise<Aggregate[]> {
  const items = await queryAllOf(db, aggregateEntity, { pk: partition(seasonId), skPrefix: programmeKeyPrefix });
  return items.map(toAggregate);
}

/** One essaimé's items, one per stage with an accepted report. */
export async function readEssaimeAggregates(db: Db, seasonId: string, essaimeId: string): Promise<Aggregate[]> {
  const items = await queryAllOf(db, aggregateEntity, { pk: partition(seasonId), skPrefix: essaimeKeyPrefix(essaimeId) });
  return items.map(toAggregate);
}

/** Every aggregate item of a season by its sort key (tests compare it with a recomputation). */
export async function readAllAggregates(db: Db, seasonId: string): Promise<Map<string, Figures>> {
  const items = await queryAllOf(db, aggregateEntity, { pk: partition(seasonId) });
  return new Map(items.map((i) => [aggregateKeyOf(i), figuresOf(i)]));
}
