import { parisDay } from '../calendar';
import type { Db } from '../db/client';
import { getOne, putItem, putNew } from '../db/store';
import type { Write } from '../db/transact';
import { conflict } from '../errors';
import { dossierCounterEntity, dossierNumberEntity } from './entities';

/**
 * Human dossier numbers, as Démarches Simplifiées gives them: `2026-ESS-0042`, the 42nd application first
 * submitted in 2026 (Paris calendar). The year's counter moves by one under a condition on the value read,
 * in the submission's own transaction: two submissions at once cannot both take a number (one retries with
 * the next), and a submission that fails takes none, so numbers have no gaps.
 */
export const dossierNumberPattern = /^\d{4}-ESS-\d{4,}$/;

export function formatDossierNumber(year: string, n: number): string {
  return `${year}-ESS-${String(n).padStart(4, '0')}`;
}

export const dossierYearOf = (now: Date): string => parisDay(now).slice(0, 4);

export async function lastDossierNumber(db: Db, year: string): Promise<number | null> {
  return (await getOne(db, dossierCounterEntity, { year }, true))?.lastNumber ?? null;
}

const numberTaken = () => conflict('TRANSACTION_CONFLICT', 'Another application took this dossier number meanwhile; retry');

/** The writes that give `applicationId` the number after `last` (null: none given this year yet). */
export function takeDossierNumberWrites(db: Db, year: string, last: number | null, applicationId: string): { dossierNumber: string; writes: Write[] } {
  const next = (last ?? 0) + 1;
  const number = formatDossierNumber(year, next);
  const counter = putItem(
    db,
    dossierCounterEntity,
    { year, lastNumber: next },
    last === null
      ? { expression: 'attribute_not_exists(pk)', onFailed: numberTaken() }
      : { expression: 'lastNumber = :last', values: { ':last': last }, onFailed: numberTaken() },
  );
  return { dossierNumber: number, writes: [counter, putNew(db, dossierNumberEntity, { dossierNumber: number, applicationId }, numberTaken())] };
}
