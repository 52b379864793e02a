import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lambdaNodeOptions } from '../../infra/bundling';

/**
 * Module-init time of bundles: how long `await import(bundle)` takes in a fresh JavaScript environment, what a
 * cold start pays for loading and evaluating the module (its source map included) before any request.
 *
 * - `processes` (default): one fresh `node` process per sample, as a cold Lambda runs its handler's import:
 *   fresh process, no tsx, no compile cache, the deployed NODE_OPTIONS.
 * - `workers`: one plain `node` host process (the same environment) starts a fresh worker thread per sample: a
 *   new V8 isolate with its own heap, Node internals and an empty module graph, so nothing of an earlier import
 *   (compiled code, JIT, module cache, parsed source map) is reused, and the entry is the same ES-module probe.
 *   It takes about 0.6× the wall time (no process to start and stop per sample), but process-wide one-time
 *   costs (native libraries' initialisation, fresh memory pages) are paid once by the host instead of by every
 *   sample: for a quick look, not the reference until the two agree on an idle machine.
 * Every sample checks that Node loaded the bundle's source map (NODE_OPTIONS=--enable-source-maps), as Lambda does.
 */
export type InitMode = 'workers' | 'processes';

/** The environment a function has on Lambda, as far as module init can see it. */
function probeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // No loader hooks (tsx) nor compile cache: a cold Lambda has neither. It has the deployed NODE_OPTIONS
  // (source maps on), so the probe loads the bundle's .map as Lambda does.
  env.NODE_OPTIONS = lambdaNodeOptions;
  delete env.NODE_COMPILE_CACHE;
  env.TABLE_NAME = 'bench';
  env.AWS_REGION = 'eu-west-3';
  env.POWERTOOLS_LOG_LEVEL = 'WARN';
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  return env;
}

/** The probe: an ES module timing the import, in a process (prints JSON) or a worker (posts it). */
const probeModule = `import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { findSourceMap } from 'node:module';
const url = isMainThread ? process.argv[2] : workerData;
const t0 = process.hrtime.bigint();
await import(url);
const t1 = process.hrtime.bigint();
const result = { ms: Number(t1 - t0) / 1e6, sourceMap: findSourceMap(url) !== undefined };
if (isMainThread) process.stdout.write(JSON.stringify(result), () => process.exit(0));
else parentPort.postMessage(result);
`;

/** The worker host: runs the queue of bundle URLs, `concurrency` fresh workers at a time; one JSON line per sample. */
const hostModule = `import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
const [probe, queueFile, concurrency] = process.argv.slice(2);
const queue = JSON.parse(readFileSync(queueFile, 'utf8'));
let next = 0;
const once = (url) => new Promise((resolve, reject) => {
  const worker = new Worker(new URL(probe), { workerData: url });
  let result;
  worker.once('message', (m) => { result = m; void worker.terminate(); });
  worker.once('error', reject);
  worker.once('exit', () => (result ? resolve(result) : reject(new Error('the worker exited without a result'))));
});
const run = async () => {
  while (next < queue.length) {
    const i = next++;
    const result = await once(queue[i].url);
    process.stdout.write(JSON.stringify({ ...result, index: queue[i].index }) + '\\n');
  }
};
await Promise.all(Array.from({ length: Number(concurrency) }, run));
`;

interface Sample {
  index: number;
  ms: number;
  sourceMap: boolean;
}

function runNode(args: string[], env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (out.trim()) onLine(out);
      if (code === 0) resolveRun();
      else reject(new Error(`Init probe failed (exit code ${code}): ${err.slice(0, 2000)}`));
    });
  });
}

/**
 * Times the import of `files[queue[k]]` for every k, in this order (callers interleave the bundles so that
 * all of them see the same machine conditions), `concurrency` at a time. Returns the samples per file index.
 */
export async function timeInits(dir: string, files: string[], queue: number[], options: { concurrency: number; mode: InitMode }): Promise<number[][]> {
  const probe = join(dir, 'init-probe.mjs');
  writeFileSync(probe, probeModule);
  const env = probeEnv();
  const samples = files.map(() => [] as number[]);
  const record = (line: string, index?: number) => {
    const s = JSON.parse(line) as Sample;
    const i = index ?? s.index;
    if (!s.sourceMap) throw new Error(`The init probe of ${files[i]} ran without its source map: NODE_OPTIONS=${lambdaNodeOptions} did not apply`);
    samples[i]?.push(s.ms);
  };
  if (options.mode === 'workers') {
    const host = join(dir, 'init-host.mjs');
    writeFileSync(host, hostModule);
    const jobs = join(dir, 'init-queue.json');
    writeFileSync(jobs, JSON.stringify(queue.map((index) => ({ index, url: pathToFileURL(files[index] as string).href }))));
    await runNode([host, pathToFileURL(probe).href, jobs, String(options.concurrency)], env, (line) => record(line));
    return samples;
  }
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const index = queue[next++] as number;
      await runNode([probe, pathToFileURL(files[index] as string).href], env, (line) => record(line, index));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return samples;
}
