/**
 * `npm run bench`: bundle size and module-init time of every Lambda function next to a document-client-only
 * bundle, then warm latency of measured routes (bench/scenarios/) through the local server next to the raw
 * DynamoDB Local access. Prints tables and writes bench/results/<timestamp>.json and latest.json.
 *
 *   npm run bench                          everything
 *   npm run bench -- --only bundles        bundles only (no DynamoDB Local)
 *   npm run bench -- --only latency        latency scenarios only
 *   npm run bench -- --scenario me         one scenario (repeat or comma-separate for several); implies latency
 *   --requests N --warmup N                measured / warm-up requests per scenario volume (default 300 / 100)
 *   --init-runs N                          init samples per bundle (default 15; fewer past 30 functions: ~450 in all, at least 3)
 *   --init-in processes|workers            a fresh process per init sample (default) or a fresh worker thread (faster, not the reference)
 *   --init-concurrency N                   init probes at a time (default: one per core, at most 2)
 */
import './lib/env';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchBundles, type BundlesResult } from './lib/bundles';
import type { LocalProduct } from '../scripts/local/product';
import { benchLatency, loadScenarios, startBenchProduct, type LatencyResult } from './lib/latency';
import { formatBundles, formatLatency, formatLoad, formatTargets } from './lib/report';

const benchDir = dirname(fileURLToPath(import.meta.url));
const rootDir = resolve(benchDir, '..');

const { values } = parseArgs({
  strict: true,
  options: {
    only: { type: 'string' },
    scenario: { type: 'string', multiple: true },
    requests: { type: 'string' },
    warmup: { type: 'string' },
    'init-runs': { type: 'string' },
    'init-concurrency': { type: 'string' },
    'init-in': { type: 'string' },
  },
});

function usage(message: string): never {
  process.stderr.write(`${message}\nSee bench/README.md (npm run bench -- --only bundles|latency, --scenario name, --requests N, --warmup N, --init-runs N, --init-concurrency N, --init-in processes|workers).\n`);
  process.exit(2);
}

function positiveInt(name: string, raw: string | undefined, fallback: number | undefined): number | undefined {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a positive integer`);
  return n;
}

const named = (values.scenario ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
// `load` names the load scenario (bench/lib/load.ts); the whole bench runs it after the others.
const withLoad = named.length === 0 || named.includes('load');
const scenarioFilter = named.filter((s) => s !== 'load');
const only = values.only ?? (named.length ? 'latency' : undefined);
if (only !== undefined && only !== 'bundles' && only !== 'latency') usage('--only takes "bundles" or "latency"');
if (only === 'bundles' && scenarioFilter.length) usage('--scenario runs latency scenarios; it cannot go with --only bundles');
const requests = positiveInt('requests', values.requests, 300) as number;
// 100 warm-up iterations: with volumes interleaved, a route with two volumes gets 200 warm-up requests (with 50 in
// all, the first run of a new access path was still paying for JIT: Node and DynamoDB Local's JVM).
const warmup = positiveInt('warmup', values.warmup, 100) as number;
const initRuns = positiveInt('init-runs', values['init-runs'], undefined);
const initConcurrency = positiveInt('init-concurrency', values['init-concurrency'], undefined);
const initMode = values['init-in'] ?? 'processes';
if (initMode !== 'workers' && initMode !== 'processes') usage('--init-in takes "processes" or "workers"');

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const started = new Date();
const loadAtStart = loadavg()[0] ?? 0;
const t0 = performance.now();

let stopProduct: (() => Promise<void>) | undefined;
process.once('SIGINT', () => {
  log('interrupted; stopping the local product');
  void (stopProduct?.() ?? Promise.resolve()).finally(() => process.exit(130));
});

let bundles: BundlesResult | undefined;
let latency: LatencyResult | undefined;

// The local product (DynamoDB Local, demo data) starts while the functions are bundled: neither is timed against
// the other. Init is timed only once the product is up and idle, so nothing else runs on the machine meanwhile.
let product: Promise<LocalProduct> | undefined;
if (only !== 'bundles') {
  log('starting the local product (DynamoDB Local, demo data)…');
  product = startBenchProduct(log);
  product.then(
    (p) => (stopProduct = () => p.stop()),
    () => undefined,
  );
}

if (only !== 'latency') {
  log('bundling every function with the CDK esbuild options…');
  try {
    bundles = await benchBundles({ rootDir, initRuns, initConcurrency, initMode, progress: log, beforeInit: product && (() => product.then(() => undefined)) });
  } catch (error) {
    await (await product?.catch(() => undefined))?.stop();
    throw error;
  }
  process.stdout.write(`\n${formatBundles(bundles)}\n`);
}

if (only !== 'bundles') {
  const scenarios = named.length && !scenarioFilter.length ? [] : await loadScenarios(join(benchDir, 'scenarios'), scenarioFilter);
  log(`running ${scenarios.length} scenario(s)${withLoad ? ' and the load' : ''}…`);
  latency = await benchLatency({
    scenarios,
    requests,
    warmup,
    progress: log,
    product,
    onStarted: (stop) => (stopProduct = stop),
    load: withLoad ? { writers: 200, readers: 200 } : undefined,
  });
  stopProduct = undefined;
  if (latency.scenarios.length) process.stdout.write(`\n${formatLatency(latency)}\n`);
  if (latency.load) process.stdout.write(`\n${formatLoad(latency.load)}\n`);
}

const wallClockMs = Math.round(performance.now() - t0);
const cpu = cpus();
const loadAtEnd = loadavg()[0] ?? 0;
const result = {
  startedAt: started.toISOString(),
  wallClockMs,
  options: { only: only ?? 'all', scenarios: scenarioFilter, requests, warmup, initRuns: bundles?.initRuns ?? initRuns ?? null, initConcurrency: bundles?.initConcurrency ?? initConcurrency ?? null, initMode },
  machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage1m: { start: loadAtStart, end: loadAtEnd } },
  bundles: bundles ?? null,
  latency: latency ?? null,
};
process.stdout.write(`\n${formatTargets(bundles, latency, wallClockMs, only === undefined && named.length === 0)}\n`);
const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
copyFileSync(file, join(resultsDir, 'latest.json'));
// Judged before the run: at the end the load average includes the bench's own work.
const busy = loadAtStart > cpu.length / 2;
process.stdout.write(
  `\nWall clock ${(wallClockMs / 1000).toFixed(1)} s on ${cpu.length} cores (load average ${loadAtStart.toFixed(1)} at start, ${loadAtEnd.toFixed(1)} at end). ` +
    `Results: ${relative(rootDir, file)} (and bench/results/latest.json)\n` +
    (busy ? 'Warning: the machine was already busy when the bench started; timings and their ratios are noisy. Re-run on an idle machine to compare.\n' : ''),
);
