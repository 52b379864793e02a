import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Classic zod (`'zod'`, method chains) puts about 95 KB in every Lambda bundle; `zod/mini` (functional API:
 * `z.optional(x)`, `.check(z.minLength(1))`) 25–40 KB for the same schemas. `import { z }` or any `z.core.…`
 * makes esbuild keep the whole namespace, every locale included (about 400 KB): the namespace is imported as
 * `import * as z from 'zod/mini'`, core types by name from 'zod/v4/core'. See bench/README.md.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sources(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

const bundled = () => ['shared', 'functions'].flatMap((dir) => sources(join(root, dir))).map((file) => ({ file: relative(root, file), text: readFileSync(file, 'utf8') }));

describe('code bundled into Lambda functions', () => {
  it("imports zod from 'zod/mini', never classic 'zod'", () => {
    const offenders = bundled().filter(({ text }) => /^import\s[^;]*\sfrom\s+'zod'/m.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('imports z as a namespace (import * as z), never as a named value, and never reaches into z.core', () => {
    const offenders = bundled()
      .filter(({ text }) => /^import\s+\{[^}]*\bz\b[^}]*\}\s+from\s+'zod\/mini'/m.test(text) || /\bz\.core\./.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});
