import type { BundlesResult } from './bundles';
import type { LatencyResult } from './latency';

/** A plain-text table: first row is the header; numbers right-aligned, columns in `left` (and the first) left-aligned. */
export function table(rows: string[][], left: number[] = []): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  const line = (row: string[]) => row.map((cell, i) => (i === 0 || left.includes(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(2));
const times = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${v.toFixed(2)}x`);

export function formatBundles(result: BundlesResult): string {
  const rows = [['function', 'kind', 'bytes', 'KiB', 'size/base', 'init ms', 'init/base', 'largest parts']];
  for (const f of [result.baseline, ...result.functions]) {
    rows.push([
      f.name,
      f.kind,
      String(f.bytes),
      f.kib.toFixed(1),
      times(f.sizeRatio),
      ms(f.init.medianMs),
      times(f.initRatio),
      f.packages
        .slice(0, 3)
        .map((p) => `${p.name.replace('@aws-sdk/', 'sdk/').replace('@aws-lambda-powertools/', 'powertools/')} ${Math.round((p.bytes / f.bytes) * 100)}%`)
        .join(', '),
    ]);
  }
  const sizes = result.functions.map((f) => f.sizeRatio ?? 0);
  const inits = result.functions.map((f) => f.initRatio ?? 0);
  const range = (xs: number[]) => (xs.length ? `${Math.min(...xs).toFixed(2)}x–${Math.max(...xs).toFixed(2)}x` : '-');
  return [
    `Bundles — esbuild ${result.esbuild} (ESM, platform node, target node22, minified, AWS SDK bundled, createRequire banner); bundled in ${result.bundleMs} ms`,
    result.initNote,
    '',
    table(rows, [1, 7]),
    '',
    `${result.functions.length} functions: size/baseline ${range(sizes)}, init/baseline ${range(inits)}`,
  ].join('\n');
}

export function formatLatency(result: LatencyResult): string {
  const rows = [['scenario', 'volume', 'server p50', 'p99', 'raw p50', 'p99', 'srv/raw p50', 'p99', 'large/small p50', 'p99']];
  for (const s of result.scenarios) {
    s.runs.forEach((r, i) => {
      const last = i === s.runs.length - 1;
      rows.push([
        i === 0 ? s.name : '',
        r.volume === null ? 'demo' : String(r.volume),
        ms(r.server.p50),
        ms(r.server.p99),
        ms(r.raw?.p50),
        ms(r.raw?.p99),
        times(r.ratioP50),
        times(r.ratioP99),
        last ? times(s.largeSmallP50) : '',
        last ? times(s.largeSmallP99) : '',
      ]);
    });
  }
  const legend = result.scenarios.map((s) => {
    const r = s.runs[0];
    const setups = s.runs.filter((x) => x.volume !== null).map((x) => `${x.volume}: ${x.setupMs} ms`);
    return `  ${s.name}: ${r?.request ?? ''}  |  raw: ${s.rawLabel ?? '(none)'}${setups.length ? `  |  setup ${setups.join(', ')}` : ''}` +
      (s.requests !== result.requests || s.warmup !== result.warmup ? `  |  ${s.requests} requests after ${s.warmup}` : '');
  });
  return [
    `Latency (ms) — sequential requests through the local server (real JWT, same handlers as Lambda), ${result.requests} measured after ${result.warmup} warm-up,`,
    'each alternating with the raw DynamoDB Local access of the same data through the document client.',
    '',
    table(rows),
    '',
    ...legend,
  ].join('\n');
}
