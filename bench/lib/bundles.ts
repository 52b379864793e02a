import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, version as esbuildVersion, type BuildOptions, type Metafile } from 'esbuild';
import { jobs } from '../../functions/jobs';
import { routes } from '../../functions/routes';
import { lambdaEsbuildOptions, lambdaNodeOptions } from '../../infra/bundling';
import { timeInits, type InitMode } from './init';
import { median, ratio, round } from './stats';

/** The deployed functions' esbuild options (infra/bundling.ts), plus what the bench reads back. */
export const lambdaBuildOptions: BuildOptions = { ...lambdaEsbuildOptions, metafile: true, logLevel: 'silent' };

/** Size targets of issue 12, as ratios to the baseline: document-rendering functions carry pdf-lib. */
export const sizeTarget = { default: 1.35, document: 2 } as const;

/** A bundle holding only what every data function needs at least: the DynamoDB document client. */
const baselineSource = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

export interface FunctionTarget {
  name: string;
  kind: 'route' | 'job' | 'baseline';
  entry: string;
  /** Renders documents (a route answering application/pdf): its size target is the document one. */
  renders?: boolean;
}

export interface BundleFigures extends FunctionTarget {
  bytes: number;
  kib: number;
  /** Bytes in the output per package ("app" = this repository's code), largest first, top 6. */
  packages: { name: string; bytes: number }[];
  init: { runs: number; medianMs: number; minMs: number; maxMs: number; samplesMs: number[] };
  /** The largest size/baseline ratio issue 12 allows this function. */
  sizeTarget: number;
  sizeRatio: number | null;
  initRatio: number | null;
}

export interface BundlesResult {
  esbuild: string;
  /** esbuild's target (the Lambda runtime's Node). */
  target: string;
  bundleMs: number;
  initRuns: number;
  initConcurrency: number;
  initMode: InitMode;
  initMs: number;
  initNote: string;
  baseline: BundleFigures;
  functions: BundleFigures[];
}

/** Every Lambda function of the product: one per route entry, one per scheduled job (as the CDK stack makes them). */
export function functionTargets(): FunctionTarget[] {
  const seen = new Set<string>();
  const out: FunctionTarget[] = [];
  for (const r of routes) {
    if (seen.has(r.entry)) continue;
    seen.add(r.entry);
    const types = 'contentType' in r.spec.response ? [r.spec.response.contentType].flat() : [];
    out.push({ name: r.spec.operationId, kind: 'route', entry: r.entry, renders: types.includes('application/pdf') });
  }
  for (const j of jobs) {
    if (seen.has(j.entry)) continue;
    seen.add(j.entry);
    out.push({ name: `job:${j.name}`, kind: 'job', entry: j.entry });
  }
  return out;
}

function packageOf(path: string): string {
  const idx = path.lastIndexOf('node_modules/');
  if (idx < 0) return 'app';
  const rest = path.slice(idx + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? 'unknown');
}

function packageBreakdown(inputs: Metafile['outputs'][string]['inputs']): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const [path, input] of Object.entries(inputs)) {
    const name = packageOf(path);
    totals.set(name, (totals.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...totals.entries()]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
}

interface Built extends FunctionTarget {
  file: string;
  bytes: number;
  packages: { name: string; bytes: number }[];
}

/**
 * One esbuild build with every function as an entry point (no code splitting): each output is the same
 * self-contained bundle a separate build gives, but shared files (the AWS SDK, zod…) are parsed once, which
 * keeps ~80 functions to seconds. The baseline, from inline source, builds alongside.
 */
async function bundleAll(rootDir: string, outRoot: string, targets: FunctionTarget[]): Promise<Built[]> {
  const common: BuildOptions = { ...lambdaBuildOptions, absWorkingDir: rootDir, outdir: outRoot };
  const outName = (i: number) => `f${i}/index`;
  const [baseline, functions] = await Promise.all([
    build({ ...common, entryNames: 'baseline/index', stdin: { contents: baselineSource, resolveDir: rootDir, sourcefile: 'baseline.ts', loader: 'ts' } }),
    targets.length
      ? build({ ...common, entryPoints: Object.fromEntries(targets.map((t, i) => [outName(i), join(rootDir, t.entry)])) })
      : Promise.resolve(undefined),
  ]);
  const describe = (target: FunctionTarget, name: string, metafile: Metafile | undefined): Built => {
    const file = join(outRoot, `${name}.mjs`);
    const key = metafile && Object.keys(metafile.outputs).find((k) => resolve(rootDir, k) === file);
    return { ...target, file, bytes: statSync(file).size, packages: metafile && key ? packageBreakdown(metafile.outputs[key]?.inputs ?? {}) : [] };
  };
  return [
    describe({ name: 'baseline (DynamoDB document client only)', kind: 'baseline', entry: '(inline)' }, 'baseline/index', baseline.metafile),
    ...targets.map((t, i) => describe(t, outName(i), functions?.metafile)),
  ];
}

export async function benchBundles(options: {
  rootDir: string;
  initRuns?: number;
  initConcurrency?: number;
  initMode?: InitMode;
  progress?: (line: string) => void;
  /** Awaited between bundling and timing init (the bench waits there for the local product to be up and idle). */
  beforeInit?: () => Promise<void>;
}): Promise<BundlesResult> {
  const targets = functionTargets();
  const initMode = options.initMode ?? 'processes';
  // Few functions: 15 runs each. Many: about 450 samples in all (5 runs at ~90 functions, 3 from ~130), to keep
  // the whole bench within a few minutes on two cores. The median of the functions' ratios, the target, is
  // robust to a noisy function.
  const initRuns = options.initRuns ?? Math.max(3, Math.min(15, Math.round(450 / (targets.length + 1))));
  const concurrency = options.initConcurrency ?? Math.max(1, Math.min(2, availableParallelism()));
  const outRoot = mkdtempSync(join(tmpdir(), 'essaimage-bench-'));
  try {
    const t0 = performance.now();
    const built = await bundleAll(options.rootDir, outRoot, targets);
    const bundleMs = Math.round(performance.now() - t0);
    options.progress?.(`bundled ${built.length} (baseline + ${targets.length} functions) in ${bundleMs} ms; timing init, ${initRuns} runs each…`);

    // Round-robin (run 1 of every bundle, then run 2…), so every bundle, the baseline included, sees the same
    // machine conditions; `concurrency` processes at a time (default: one per core, at most 2).
    if (options.beforeInit) {
      await options.beforeInit();
      options.progress?.('local product up and idle; timing init…');
    }
    const queue: number[] = [];
    // The baseline is every ratio's denominator: it runs three times per round, for a steadier median.
    for (let run = 0; run < initRuns; run++) for (let i = 0; i < built.length; i++) queue.push(...(i === 0 ? [0, 0, 0] : [i]));
    const t1 = performance.now();
    const samples = await timeInits(outRoot, built.map((b) => b.file), queue, { concurrency, mode: initMode });
    const initMs = Math.round(performance.now() - t1);
    options.progress?.(`timed ${queue.length} imports in ${initMs} ms (fresh ${initMode === 'workers' ? 'worker threads' : 'processes'})`);

    const figures: BundleFigures[] = built.map((b, i) => {
      const s = samples[i] ?? [];
      return {
        name: b.name,
        kind: b.kind,
        entry: b.entry,
        bytes: b.bytes,
        kib: round(b.bytes / 1024, 1),
        packages: b.packages,
        init: { runs: s.length, medianMs: median(s), minMs: round(Math.min(...s)), maxMs: round(Math.max(...s)), samplesMs: s.map((v) => round(v)) },
        renders: b.renders ?? false,
        sizeTarget: b.renders ? sizeTarget.document : sizeTarget.default,
        sizeRatio: null,
        initRatio: null,
      };
    });
    // The baseline is measured against itself.
    if (figures[0]) figures[0].sizeTarget = 1;
    const [baseline, ...functions] = figures as [BundleFigures, ...BundleFigures[]];
    for (const f of figures) {
      f.sizeRatio = ratio(f.bytes, baseline.bytes);
      f.initRatio = ratio(f.init.medianMs, baseline.init.medianMs);
    }
    return {
      esbuild: esbuildVersion,
      target: String(lambdaEsbuildOptions.target),
      bundleMs,
      initRuns,
      initConcurrency: concurrency,
      initMode,
      initMs,
      initNote:
        `init = median of n = ${initRuns} ${initMode === 'workers' ? 'fresh worker threads (new isolate, empty module graph) in a plain `node` host' : 'fresh `node` processes'} per bundle (n = ${initRuns * 3} for the baseline; ${process.version}, NODE_OPTIONS=${lambdaNodeOptions}, ${concurrency} at a time), each timing \`await import(bundle)\`` +
        (options.initRuns !== undefined
          ? ' (runs set by --init-runs)'
          : initRuns < 15
            ? ` (fewer than the usual 15 runs, to keep ${targets.length} functions within a minute or so)`
            : ''),
      baseline,
      functions,
    };
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
}
