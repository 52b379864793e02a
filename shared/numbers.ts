import * as z from 'zod/mini';

/**
 * Bounded numbers for every numeric input. DynamoDB stores magnitudes from 1e-130 to under 1e126, and the
 * marshaller refuses integers beyond 2^53; a number outside those fails on write as a 500. So every numeric
 * field says what the domain makes sense of, which also keeps it storable: whole numbers stay safe
 * integers, decimals have a fixed number of places (so no 1e-131 gets through) and a bound far below 1e126.
 */

interface Bounds {
  min: number;
  max: number;
  /** Accept a numeric string (query strings, path parameters). */
  coerce?: boolean;
}

const base = (coerce?: boolean) => (coerce ? z.coerce.number() : z.number());

/** True when `value` has at most `places` decimals as written (2.55 yes, 0.1 + 0.2 or 1e-131 no). */
export function hasDecimalsAtMost(value: number, places: number): boolean {
  const scale = 10 ** places;
  return Math.round(value * scale) / scale === value;
}

/** A whole number within bounds. */
export function whole({ min, max, coerce }: Bounds) {
  return base(coerce).check(z.int(), z.gte(min), z.lte(max));
}

/** A number within bounds with at most `places` decimals (2 unless told). */
export function decimal({ min, max, coerce, places = 2 }: Bounds & { places?: number }) {
  // Worded as the evaluation rules word it (TOO_MANY_DECIMALS), so both read the same to a user.
  const message = places === 1 ? 'At most one decimal' : `At most ${places === 2 ? 'two' : places} decimals`;
  return base(coerce).check(z.gte(min), z.lte(max), z.refine((v) => hasDecimalsAtMost(v, places), { message }));
}

/** People, events, items: a whole number from 0 (up to a million unless told). */
export const count = (max = 1_000_000) => whole({ min: 0, max }).check(z.describe(`A whole number from 0 to ${max}`));

/** Full-time equivalents: 0 to 1000, two decimals. */
export const fte = () => decimal({ min: 0, max: 1000 }).check(z.describe('Full-time equivalents, 0 to 1000, at most 2 decimals'));

/** A percentage or a 0–100 score, two decimals. */
export const percent = (options: { coerce?: boolean } = {}) =>
  decimal({ min: 0, max: 100, ...options }).check(z.describe('0 to 100, at most 2 decimals'));

/** A share between `min` and 1, two decimals (0.8 for 80%). */
export const ratio = (min = 0) => decimal({ min, max: 1 }).check(z.describe(`${min} to 1, at most 2 decimals`));

/** A calendar year of the programme. */
export const year = () => whole({ min: 2015, max: 2100 }).check(z.describe('A year from 2015 to 2100'));

/** A record version for optimistic concurrency (from 1, or from 0 where 0 means "create"). */
export const version = (min: 0 | 1 = 1) => whole({ min, max: 1e9 });

/**
 * A figure someone declares whose meaning (unit, sign) the domain rules check afterwards, as a 422 with
 * the other findings: within ±limit (a billion unless told), at most two decimals.
 */
export const figure = (limit = 1e9) =>
  decimal({ min: -limit, max: limit }).check(z.describe(`Within ±${limit.toLocaleString('en')}, at most 2 decimals`));
