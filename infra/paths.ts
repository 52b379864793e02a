import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: registries (functions/routes.ts, functions/jobs.ts) give entries relative to it. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const lockFile = join(repoRoot, 'package-lock.json');

/** An entry path from a registry, made absolute. */
export function entryPath(entry: string): string {
  return isAbsolute(entry) ? entry : join(repoRoot, entry);
}
