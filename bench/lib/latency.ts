import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalProduct, type LocalProduct } from '../../scripts/local/product';
import { overrideDeps } from '../../shared/runtime';
import { benchLoad, type LoadResult } from './load';
import type { AnyScenario, ApiResponse, BenchRequest, RunContext, SetupContext } from './scenario';
import { ratio, summarize, type Summary } from './stats';

export interface LoadedScenario {
  file: string;
  scenario: AnyScenario;
}

export interface VolumeFigures {
  volume: number | null;
  table: string;
  setupMs: number;
  request: string;
  server: Summary;
  raw: Summary | null;
  /** server / raw, at p50 and at p99. */
  ratioP50: number | null;
  ratioP99: number | null;
}

export interface ScenarioFigures {
  name: string;
  description: string;
  file: string;
  rawLabel: string | null;
  requests: number;
  warmup: number;
  runs: VolumeFigures[];
  /** Largest volume / smallest volume (server latency), at p50 and at p99; null with a single volume. */
  largeSmallP50: number | null;
  largeSmallP99: number | null;
  /** The same ratios for the raw access: how much the data access alone grows with the volume. */
  rawLargeSmallP50: number | null;
  rawLargeSmallP99: number | null;
}

export interface LatencyResult {
  requests: number;
  warmup: number;
  dynamodbLocal: string;
  scenarios: ScenarioFigures[];
  load: LoadResult | null;
}

/** Every bench/scenarios/*.ts file (default export, or a `scenario` export), sorted by file name. */
export async function loadScenarios(dir: string, only: string[] = []): Promise<LoadedScenario[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  const loaded: LoadedScenario[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: AnyScenario; scenario?: AnyScenario };
    const scenario = mod.default ?? mod.scenario;
    if (!scenario || typeof scenario.request !== 'function' || !scenario.name) {
      throw new Error(`bench/scenarios/${file} must \`export default defineScenario({...})\``);
    }
    loaded.push({ file, scenario });
  }
  const names = new Set<string>();
  for (const { file, scenario } of loaded) {
    if (names.has(scenario.name)) throw new Error(`Two scenarios are named "${scenario.name}" (bench/scenarios/${file})`);
    names.add(scenario.name);
  }
  if (only.length === 0) return loaded;
  const picked = loaded.filter(({ file, scenario }) => only.includes(scenario.name) || only.includes(basename(file, '.ts')));
  const unknown = only.filter((o) => !picked.some(({ file, scenario }) => scenario.name === o || basename(file, '.ts') === o));
  if (unknown.length) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${loaded.map((l) => l.scenario.name).join(', ')}`);
  return picked;
}

function apiOf(product: LocalProduct) {
  const tokens = new Map<string, string>();
  const tokenFor = async (userId: string) => {
    let token = tokens.get(userId);
    if (!token) {
      token = await product.tokenFor(userId);
      tokens.set(userId, token);
    }
    return token;
  };
  /** One request, body read to the end (part of the measured time); JSON parsed only when asked. */
  const send = async (req: BenchRequest, parse: boolean): Promise<ApiResponse> => {
    const token = await tokenFor(req.as);
    const response = await fetch(`${product.url}${req.path}`, {
      method: req.method,
      headers: { authorization: `Bearer ${token}`, ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
    });
    const text = await response.text();
    return { status: response.status, body: parse && text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  };
  return { send, tokenFor };
}

/** One volume of a scenario, set up and checked, ready to be measured. */
interface Prepared {
  volume: number | null;
  setupMs: number;
  label: string;
  ctx: RunContext<unknown>;
  server: number[];
  raw: number[];
}

/**
 * Sets every volume of the scenario up first, then measures them interleaved: each iteration sends the request
 * (and the raw access) of every volume in turn, the order alternating from one iteration to the next. Small and
 * large thus see the same table (every setup done), the same moment of the machine and of DynamoDB Local's JVM,
 * so large/small measures the list's volume only, not the table growing or the run coming later.
 */
async function measureScenario(
  product: LocalProduct,
  table: string,
  scenario: AnyScenario,
  counts: { requests: number; warmup: number },
  progress?: (line: string) => void,
): Promise<VolumeFigures[]> {
  // Handlers read their Db through runtimeDeps(); point them at this product's table (one process, several tables).
  overrideDeps({ db: product.deps.db });
  const { send, tokenFor } = apiOf(product);
  const setupCtx: SetupContext = {
    product,
    deps: product.deps,
    db: product.deps.db,
    api: (method, path, o) => send({ method, path, as: o.as, body: o.body }, true),
  };
  const prepared: Prepared[] = [];
  for (const volume of scenario.volumes ?? [null]) {
    if (volume !== null) progress?.(`scenario ${scenario.name}: setting up volume ${volume}…`);
    const t0 = performance.now();
    const state: unknown = scenario.setup ? await scenario.setup(setupCtx, volume) : undefined;
    const setupMs = Math.round(performance.now() - t0);
    prepared.push({ volume, setupMs, label: '', ctx: { ...setupCtx, volume, state }, server: [], raw: [] });
  }
  // Every volume's first answer is checked once all setups are done: on the table as it is measured.
  for (const p of prepared) {
    const first = await scenario.request(p.ctx);
    await tokenFor(first.as);
    const firstResponse = await send(first, true);
    p.label = `${first.method} ${first.path} as ${first.as}`;
    if (firstResponse.status < 200 || firstResponse.status > 299) {
      throw new Error(`Scenario ${scenario.name} (volume ${p.volume ?? '-'}): ${p.label} answered ${firstResponse.status}: ${JSON.stringify(firstResponse.body).slice(0, 500)}`);
    }
    scenario.check?.(firstResponse, p.ctx);
    if (scenario.raw) await scenario.raw(p.ctx);
  }
  progress?.(`scenario ${scenario.name}: ${counts.warmup} warm-up then ${counts.requests} measured requests${prepared.length > 1 ? ' per volume, volumes interleaved' : ''}…`);
  const total = counts.warmup + counts.requests;
  for (let i = 0; i < total; i++) {
    const order = i % 2 === 0 ? prepared : [...prepared].reverse();
    for (const p of order) {
      // Server request and raw access alternate, so both see the same moment of the machine (GC, JIT, Java).
      const req = await scenario.request(p.ctx);
      const s0 = performance.now();
      const res = await send(req, false);
      const s1 = performance.now();
      if (res.status < 200 || res.status > 299) {
        throw new Error(`Scenario ${scenario.name}: ${req.method} ${req.path} answered ${res.status} during the run: ${String(res.body).slice(0, 500)}`);
      }
      if (i >= counts.warmup) p.server.push(s1 - s0);
      if (scenario.raw) {
        const r0 = performance.now();
        await scenario.raw(p.ctx);
        const r1 = performance.now();
        if (i >= counts.warmup) p.raw.push(r1 - r0);
      }
    }
  }
  return prepared.map((p) => {
    const server = summarize(p.server);
    const raw = scenario.raw ? summarize(p.raw) : null;
    return {
      volume: p.volume,
      table,
      setupMs: p.setupMs,
      request: p.label,
      server,
      raw,
      ratioP50: raw ? ratio(server.p50, raw.p50) : null,
      ratioP99: raw ? ratio(server.p99, raw.p99) : null,
    };
  });
}

/** The whole local product on a table of its own, DynamoDB Local included, the demo data seeded. */
export async function startBenchProduct(progress?: (line: string) => void): Promise<LocalProduct> {
  const t0 = performance.now();
  const host = await startLocalProduct({ tableName: 'bench-demo', seed: true });
  progress?.(`local product up in ${Math.round(performance.now() - t0)} ms (DynamoDB Local at ${host.dynamo.endpoint}, API at ${host.url})`);
  return host;
}

/**
 * Starts the whole local product (DynamoDB Local included, demo data seeded) and runs each scenario at each
 * of its volumes on that table, then the load scenario. Everything is stopped at the end.
 */
export async function benchLatency(options: {
  scenarios: LoadedScenario[];
  requests: number;
  warmup: number;
  progress?: (line: string) => void;
  onStarted?: (stop: () => Promise<void>) => void;
  /** The local product, when the caller started it already (see startBenchProduct). */
  product?: Promise<LocalProduct>;
  /** The load scenario (bench/lib/load.ts), run after the others on the same product. */
  load?: { writers: number; readers: number };
}): Promise<LatencyResult> {
  const host = await (options.product ?? startBenchProduct(options.progress));
  options.onStarted?.(() => host.stop());
  try {
    // Process-wide warm-up (JIT of the HTTP server, JWT verification, middy, the SDK; DynamoDB Local's JVM), so
    // the first scenario does not pay for it.
    overrideDeps({ db: host.deps.db });
    const { send } = apiOf(host);
    for (let i = 0; i < 100; i++) {
      const res = await send({ method: 'GET', path: '/me', as: 'demo-staff-claire' }, false);
      if (res.status !== 200) throw new Error(`Warm-up GET /me answered ${res.status}: ${String(res.body).slice(0, 300)}`);
    }
    const scenarios: ScenarioFigures[] = [];
    for (const { file, scenario } of options.scenarios) {
      const counts = { requests: scenario.requests ?? options.requests, warmup: scenario.warmup ?? options.warmup };
      // Every run shares the demo table: seeding a fresh table per volume cost more than the whole measure.
      // Each volume's setup writes in partitions of its own (a new call, season, cohort or tutor).
      const runs = await measureScenario(host, 'bench-demo', scenario, counts, options.progress);
      const small = runs[0];
      const large = runs[runs.length - 1];
      const multi = runs.length > 1 && small && large;
      scenarios.push({
        name: scenario.name,
        description: scenario.description,
        file: `bench/scenarios/${file}`,
        rawLabel: scenario.rawLabel ?? null,
        requests: counts.requests,
        warmup: counts.warmup,
        runs,
        largeSmallP50: multi ? ratio(large.server.p50, small.server.p50) : null,
        largeSmallP99: multi ? ratio(large.server.p99, small.server.p99) : null,
        rawLargeSmallP50: multi && large.raw && small.raw ? ratio(large.raw.p50, small.raw.p50) : null,
        rawLargeSmallP99: multi && large.raw && small.raw ? ratio(large.raw.p99, small.raw.p99) : null,
      });
    }
    overrideDeps({ db: host.deps.db });
    const load = options.load ? await benchLoad(host, { ...options.load, progress: options.progress }) : null;
    return { requests: options.requests, warmup: options.warmup, dynamodbLocal: 'official jar from amplify-dynamodb-simulator, in memory', scenarios, load };
  } finally {
    overrideDeps({});
    await host.stop();
  }
}
