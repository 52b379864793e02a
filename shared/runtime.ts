import { runtimeDb, type Db } from './db/client';

/** The side effects a use case may need, injected so tests and the local server can substitute them. */
export interface Deps {
  db: Db;
  now: () => Date;
}

let overrides: Partial<Deps> = {};

export function runtimeDeps(): Deps {
  return { db: overrides.db ?? runtimeDb(), now: overrides.now ?? (() => new Date()) };
}

/** For tests that drive the clock or point at another table; the production path never calls it. */
export function overrideDeps(next: Partial<Deps>): void {
  overrides = next;
}
