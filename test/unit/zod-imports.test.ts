import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `import { z } from 'zod'` makes esbuild keep the whole `z` namespace object, every locale of zod
 * included (about 260 KB more per Lambda bundle); `import * as z from 'zod'` lets it keep only what is
 * used (the English messages stay: zod configures them when loaded). See bench/README.md.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sources(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

describe('code bundled into Lambda functions', () => {
  it("imports zod's z as a namespace (import * as z), never as a named value", () => {
    const offenders = ['shared', 'functions'].flatMap((dir) => sources(join(root, dir)))
      .filter((file) => /^import\s+\{[^}]*\bz\b[^}]*\}\s+from\s+'zod'/m.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
