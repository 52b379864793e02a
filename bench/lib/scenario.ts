import type { LocalProduct } from '../../scripts/local/product';
import type { Db } from '../../shared/db/client';
import type { Deps } from '../../shared/runtime';

/**
 * A measured route. Put one per file in bench/scenarios/ (`export default defineScenario({...})`); the
 * runner finds it by reading the folder. See bench/README.md.
 */
export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path as the API serves it, e.g. `/seasons/${seasonId}` (query string allowed). */
  path: string;
  /** Demo user the request is made as (a real JWT is signed for them). */
  as: string;
  body?: unknown;
}

export interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: scenarios read the fields of the answer they asked for
  body: any;
}

/** What setup gets: the running product on the demo table (shared by every run) and its deps. */
export interface SetupContext {
  product: LocalProduct;
  /** db + clock, to write records directly through repositories or use cases (audit entries included). */
  deps: Deps;
  db: Db;
  /** Calls the local API (e.g. to set data up through routes). */
  api: (method: BenchRequest['method'], path: string, options: { as: string; body?: unknown }) => Promise<ApiResponse>;
}

export interface RunContext<S> extends SetupContext {
  /** The volume this run was set up with; null for a scenario without volumes. */
  volume: number | null;
  /** What setup returned. */
  state: S;
}

export interface Scenario<S = void> {
  /** Short id, used by `npm run bench -- --scenario <name>` and in the tables. */
  name: string;
  description: string;
  /**
   * Volumes to run at, smallest first (e.g. [10, 10_000]). Every volume is set up first, on the seeded demo
   * table, then they are measured interleaved: each volume's setup writes in partitions of its own. Omit it to
   * run once on the demo data alone (setup must not write).
   */
  volumes?: number[];
  /** Writes `volume` records (through repositories or use cases) and returns what request/raw need. */
  setup?: (ctx: SetupContext, volume: number | null) => Promise<S>;
  /** The measured request; called before each iteration. */
  request: (ctx: RunContext<S>) => BenchRequest | Promise<BenchRequest>;
  /** Checks the first response (status is already checked to be 2xx): throw if it is not what should be measured. */
  check?: (response: ApiResponse, ctx: RunContext<S>) => void;
  /** The raw DynamoDB access the route needs, through the document client, timed the same way. */
  raw?: (ctx: RunContext<S>) => Promise<unknown>;
  /** A few words on what `raw` does, for the table (e.g. "Query pk=USER#…"). */
  rawLabel?: string;
  /** Overrides of the run's request counts. */
  requests?: number;
  warmup?: number;
}

/** Scenarios of any state type, as the runner holds them. */
// biome-ignore lint/suspicious/noExplicitAny: the state type is each scenario's own; unknown would not accept them
export type AnyScenario = Scenario<any>;

/** Identity function that gives a scenario file its types (state inferred from setup's return). */
export function defineScenario<S = void>(scenario: Scenario<S>): Scenario<S> {
  return scenario;
}

/** Runs `fn(0..count-1)` with at most `concurrency` at a time: fast setup of large volumes. */
export async function inBatches(count: number, concurrency: number, fn: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
