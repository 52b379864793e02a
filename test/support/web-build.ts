import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: builds the web app (web/dist, served by the local server at /) when it is missing or
 * older than its sources, so the end-to-end tests always drive the current UI. About two seconds.
 */
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const webDir = join(root, 'web');
const builtIndex = join(webDir, 'dist', 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  const sources = [join(webDir, 'src'), join(webDir, 'public'), join(webDir, 'index.html'), join(webDir, 'vite.config.ts')];
  return sources.some((s) => existsSync(s) && newestMtime(s) > built);
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}

export async function setup(): Promise<void> {
  if (webBuildIsStale()) await buildWeb();
}
