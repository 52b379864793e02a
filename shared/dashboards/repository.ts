import type { Db } from '../db/client';
import { queryAll } from '../db/pagination';
import type { Write } from '../db/transact';
import type { Report } from '../evaluation/schemas';
import { aggregateSortKeys, contributionOf, emptyFigures, type Figures } from './rules';

/**
 * Pre-computed aggregates of accepted reports, one partition per season:
 *   STAGE#<stageId>#PROGRAMME | #HYPOTHESIS#<A|B> | #REGION#<région> | #SETTING#<setting>   (programme dashboard)
 *   ESSAIME#<essaimeId>#STAGE#<stageId>                                                     (essaimé dashboard)
 * Each accept adds the report's contribution to its five items with ADD, in the same transaction as the
 * status change; a reopen takes it back the same way. Dashboards read these items, never the reports.
 */
export const aggregateKeys = {
  partition: (seasonId: string) => `EVAGG#${seasonId}`,
  item: (seasonId: string, sk: string) => ({ pk: `EVAGG#${seasonId}`, sk }),
};

function dimensionOf(sk: string): Record<string, string> {
  const parts = sk.split('#');
  if (parts[0] === 'ESSAIME') return { dimension: 'essaime', dimensionValue: parts[1] ?? '', essaimeId: parts[1] ?? '', stageId: parts[3] ?? '' };
  const stageId = parts[1] ?? '';
  const dimension = (parts[2] ?? '').toLowerCase();
  return { dimension, dimensionValue: parts.slice(3).join('#') || 'programme', stageId };
}

/** ADD of one contribution to one aggregate item (created on first use). */
function addWrite(db: Db, seasonId: string, sk: string, delta: Figures): Write {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = {
    ':n': delta.acceptedReports,
    ':ds': delta.delaySum,
    ':dw': delta.delayWeight,
    ':type': 'EvaluationAggregate',
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
  const sets = ['#type = :type', 'seasonId = :season'];
  Object.entries(dimensionOf(sk)).forEach(([attr, value], i) => {
    names[`#d${i}`] = attr;
    values[`:d${i}`] = value;
    sets.push(`#d${i} = :d${i}`);
  });
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: aggregateKeys.item(seasonId, sk),
        UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  };
}

/** The writes that count (sign 1) or uncount (sign −1) one accepted report in every aggregate it belongs to. */
export function aggregateWrites(db: Db, report: Report, sign: 1 | -1): Write[] {
  const delta = contributionOf(report, sign);
  return aggregateSortKeys(report).map((sk) => addWrite(db, report.seasonId, sk, delta));
}

export function toFigures(item: Record<string, unknown>): Figures {
  const figures = emptyFigures();
  figures.acceptedReports = Number(item.acceptedReports ?? 0);
  figures.delaySum = Number(item.delaySum ?? 0);
  figures.delayWeight = Number(item.delayWeight ?? 0);
  for (const [attr, value] of Object.entries(item)) {
    if (attr.startsWith('t_')) figures.totals[attr.slice(2)] = Number(value);
    else if (attr.startsWith('b_')) figures.rateBuckets[attr.slice(2)] = Number(value);
  }
  return figures;
}

/** The programme items of a season (STAGE#…): a bounded set (stages × (1 + 2 hypotheses + régions + 3 settings)), whatever the number of reports. */
export async function readProgrammeAggregates(db: Db, seasonId: string): Promise<Map<string, Figures>> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': aggregateKeys.partition(seasonId), ':prefix': 'STAGE#' },
  });
  return new Map(items.map((i) => [i.sk as string, toFigures(i)]));
}

/** One essaimé's items, one per stage with an accepted report. */
export async function readEssaimeAggregates(db: Db, seasonId: string, essaimeId: string): Promise<Map<string, Figures>> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': aggregateKeys.partition(seasonId), ':prefix': `ESSAIME#${essaimeId}#` },
  });
  return new Map(items.map((i) => [i.sk as string, toFigures(i)]));
}

/** Every aggregate item of a season (tests compare it with a recomputation). */
export async function readAllAggregates(db: Db, seasonId: string): Promise<Map<string, Figures>> {
  const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': aggregateKeys.partition(seasonId) } });
  return new Map(items.map((i) => [i.sk as string, toFigures(i)]));
}
