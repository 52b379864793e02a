import type { BundlesResult } from './bundles';
import type { LatencyResult } from './latency';
import type { LoadResult } from './load';

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
  const rows = [['function', 'kind', 'bytes', 'KiB', 'size/base', 'target', 'init ms', 'init/base', 'largest parts']];
  for (const f of [result.baseline, ...result.functions]) {
    rows.push([
      f.name,
      f.kind,
      String(f.bytes),
      f.kib.toFixed(1),
      times(f.sizeRatio),
      f.kind === 'baseline' ? '' : `${(f.sizeRatio ?? Infinity) <= f.sizeTarget ? 'ok' : 'OVER'} ${f.sizeTarget}x`,
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
    `Bundles — esbuild ${result.esbuild} with the deployed options (infra/bundling.ts: ESM, platform node, target ${result.target}, minified, AWS SDK bundled, createRequire banner, linked source map: sizes count index.mjs, not the .map); bundled in ${result.bundleMs} ms`,
    result.initNote,
    '',
    table(rows, [1, 5, 8]),
    '',
    `${result.functions.length} functions: size/baseline ${range(sizes)}, init/baseline ${range(inits)}`,
  ].join('\n');
}

export function formatLatency(result: LatencyResult): string {
  const rows = [['scenario', 'volume', 'server p50', 'p99', 'raw p50', 'p99', 'srv/raw p50', 'p99', 'large/small p50', 'p99', 'raw l/s p50', 'p99']];
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
        last ? times(s.rawLargeSmallP50) : '',
        last ? times(s.rawLargeSmallP99) : '',
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
    `Latency (ms) — sequential requests through the local server (real JWT, same handlers as Lambda), n = ${result.requests} measured after ${result.warmup} warm-up per volume,`,
    'each alternating with the raw DynamoDB Local access of the same data through the document client. Every volume of a scenario is set up first,',
    'then the volumes are measured interleaved (one request of each in turn) on the same table: large/small shows the volume only (server and raw).',
    '',
    table(rows),
    '',
    ...legend,
  ].join('\n');
}

export function formatLoad(load: LoadResult): string {
  const rows = [['requests', 'kind', 'p50', 'p99', 'max']];
  for (const [kind, s] of Object.entries(load.byKind)) rows.push([String(s.n), kind, ms(s.p50), ms(s.p99), ms(s.max)]);
  rows.push([String(load.latency.n), 'all', ms(load.latency.p50), ms(load.latency.p99), ms(load.latency.max)]);
  return [
    `Load — ${load.writers} referents at once saving then submitting their own essaimé's report, ${load.readers} others reading their essaimé's dashboard (setup ${load.setupMs} ms)`,
    '',
    table(rows, [1]),
    '',
    `${load.requests} requests in ${(load.wallMs / 1000).toFixed(2)} s: ${load.throughputPerSecond} requests/s; errors ${load.errors}; lost writes ${load.lostWrites} (every report read back)`,
    ...load.errorSamples.map((e) => `  error: ${e}`),
  ].join('\n');
}

/** Issue 12's targets, one PASS/FAIL line each (the bench still exits 0: it measures, it does not gate). */
export function formatTargets(bundles: BundlesResult | undefined, latency: LatencyResult | undefined, wallClockMs: number, complete: boolean): string {
  const lines: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  if (bundles) {
    const over = bundles.functions.filter((f) => (f.sizeRatio ?? Infinity) > f.sizeTarget);
    const worst = [...bundles.functions].sort((a, b) => (b.sizeRatio ?? 0) - (a.sizeRatio ?? 0))[0];
    lines.push(`${verdict(over.length === 0)}  bundle size ≤ 1.35x the baseline (document-rendering ≤ 2x): ${bundles.functions.length - over.length}/${bundles.functions.length} within${worst ? `; largest ${worst.name} ${times(worst.sizeRatio)}` : ''}${over.length ? `; over: ${over.slice(0, 6).map((f) => `${f.name} ${times(f.sizeRatio)}`).join(', ')}${over.length > 6 ? ', …' : ''}` : ''}`);
    const slow = bundles.functions.filter((f) => (f.initRatio ?? Infinity) > 1.3);
    const inits = bundles.functions.map((f) => f.initRatio ?? 0).sort((a, b) => a - b);
    lines.push(`${verdict(slow.length === 0)}  init ≤ 1.3x the baseline (judge on an idle run): ${bundles.functions.length - slow.length}/${bundles.functions.length} within; median of the functions ${times(inits[Math.floor(inits.length / 2)])}`);
  }
  if (latency) {
    const runs = latency.scenarios.flatMap((s) => s.runs.map((r) => ({ s, r })));
    const p50Over = runs.filter(({ r }) => r.ratioP50 !== null && r.ratioP50 > 2);
    const p99Over = runs.filter(({ r }) => r.ratioP99 !== null && r.ratioP99 > 3);
    const name = ({ s, r }: (typeof runs)[number]) => `${s.name}${r.volume === null ? '' : `@${r.volume}`}`;
    lines.push(`${verdict(p50Over.length === 0)}  warm p50 ≤ 2x raw on every scenario${p50Over.length ? `: over: ${p50Over.map((x) => `${name(x)} ${times(x.r.ratioP50)}`).join(', ')}` : ''}`);
    lines.push(`${verdict(p99Over.length === 0)}  warm p99 ≤ 3x raw on every scenario${p99Over.length ? `: over: ${p99Over.map((x) => `${name(x)} ${times(x.r.ratioP99)}`).join(', ')}` : ''}`);
    const volumed = latency.scenarios.filter((s) => s.largeSmallP50 !== null);
    const growing = volumed.filter((s) => (s.largeSmallP50 ?? 0) > 1.2);
    lines.push(`${verdict(growing.length === 0)}  large/small p50 ≤ 1.2x on every list and dashboard (${volumed.map((s) => `${s.name} ${times(s.largeSmallP50)} (raw ${times(s.rawLargeSmallP50)})`).join(', ')})`);
    if (latency.load) {
      const l = latency.load;
      lines.push(`${verdict(l.errors === 0 && l.lostWrites === 0)}  load: 0 errors, 0 lost writes (errors ${l.errors}, lost ${l.lostWrites}; p50 ${ms(l.latency.p50)} ms, p99 ${ms(l.latency.p99)} ms, ${l.throughputPerSecond} req/s)`);
    }
  }
  if (complete) lines.push(`${verdict(wallClockMs < 300_000)}  whole bench < 5 min (${(wallClockMs / 1000).toFixed(1)} s)`);
  return ['Targets of issue 12', ...lines].join('\n');
}
