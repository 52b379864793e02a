import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';

/**
 * How much of the API a person reaches from the browser: every operation of functions/routes.ts is matched
 * against the API calls written in web/src (the client's get/post/put/patch/del/request/download helpers and
 * the `path` of download buttons). A `${…}` in a web path stands for one path parameter, never for a literal
 * segment, so `/calls/${id}/${action}` reaches nothing: the web must name each operation's path.
 * The operations without a screen are listed in the README ("API-only operations"), with why.
 */

const webRoot = join(__dirname, '../../web/src');
const readmePath = join(__dirname, '../../README.md');
const threshold = 0.95;

interface WebCall {
  method: string;
  /** Segments; null stands for an interpolated value. */
  segments: (string | null)[];
  file: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const placeholder = '\u0000';

/** Local helpers that build a path (`const threadPath = (id: string) => `/threads/${id}``), by name. */
type PathHelpers = Map<string, ts.Expression>;

function pathHelpers(source: ts.SourceFile): PathHelpers {
  const helpers: PathHelpers = new Map();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isArrowFunction(node.initializer) && !ts.isBlock(node.initializer.body)) {
      helpers.set(node.name.text, node.initializer.body);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return helpers;
}

/**
 * The path a literal or template names, with each interpolation as a placeholder (a call to a local path
 * helper is replaced by the helper's own path); undefined if not a path.
 */
function pathOf(node: ts.Node | undefined, helpers: PathHelpers = new Map()): string | undefined {
  if (!node) return undefined;
  const helperPath = (expr: ts.Expression) =>
    ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && helpers.has(expr.expression.text) ? pathOf(helpers.get(expr.expression.text), new Map()) : undefined;
  let text: string | undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
  else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((s) => (helperPath(s.expression) ?? placeholder) + s.literal.text).join('');
  else if (ts.isExpression(node)) text = helperPath(node);
  return text?.startsWith('/') ? text.split('?')[0] : undefined;
}

const methodOfHelper: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE', download: 'GET' };

function webCalls(): WebCall[] {
  return sourceFiles(webRoot).flatMap((file) => callsIn(file, readFileSync(file, 'utf8')));
}

function callsIn(file: string, code: string): WebCall[] {
  const calls: WebCall[] = [];
  {
    const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const helpers = pathHelpers(source);
    const add = (method: string, path: string | undefined) => {
      if (path) calls.push({ method, file, segments: path.split('/').slice(1).map((s) => (s.includes(placeholder) ? (s === placeholder ? null : s) : s)) });
    };
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const name = node.expression.text;
        if (name in methodOfHelper) add(methodOfHelper[name]!, pathOf(node.arguments[0], helpers));
        if (name === 'request' && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) add(node.arguments[0].text.toUpperCase(), pathOf(node.arguments[1], helpers));
      }
      if (ts.isJsxAttribute(node) && node.name.getText() === 'path' && node.initializer) {
        const init = node.initializer;
        add('GET', pathOf(ts.isJsxExpression(init) ? init.expression : init, helpers));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

/** A route's segment `{x}` is reached by an interpolation; a literal segment only by the same literal. */
function reaches(call: WebCall, method: string, path: string): boolean {
  const segments = path.split('/').slice(1);
  if (call.method !== method || segments.length !== call.segments.length) return false;
  return segments.every((s, i) => {
    const w = call.segments[i];
    if (/^\{[^}]+\}$/.test(s)) return w !== undefined && w !== '' && (w === null || !w.includes(placeholder));
    if (w === null || w === undefined) return false;
    if (s.includes('{')) {
      const pattern = new RegExp(`^${s.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return pattern.test(w.replaceAll(placeholder, 'x'));
    }
    return w === s;
  });
}

/** The operationIds of the README's "API-only operations" section (the first `code` of each list item). */
function apiOnlyListed(): string[] {
  const readme = readFileSync(readmePath, 'utf8');
  const section = /^#+ API-only operations\n([\s\S]*?)(?=^#+ )/m.exec(`${readme}\n# end`)?.[1] ?? '';
  return [...section.matchAll(/^[-*] `([A-Za-z0-9]+)`/gm)].map((m) => m[1]!);
}

describe('the web app reaches the API', () => {
  const calls = webCalls();
  const operations = routes.map((r) => ({ operationId: r.spec.operationId, method: r.spec.method, path: r.spec.path }));
  const reached = operations.filter((op) => calls.some((c) => reaches(c, op.method, op.path)));
  const unreached = operations.filter((op) => !reached.includes(op));

  it('matches paths by their segments (an interpolation stands for a parameter, not a literal)', () => {
    const call = (method: string, path: string): WebCall => ({ method, file: '', segments: path.split('/').slice(1).map((s) => (s === placeholder ? null : s)) });
    expect(reaches(call('POST', `/calls/${placeholder}/open`), 'POST', '/calls/{callId}/open')).toBe(true);
    expect(reaches(call('POST', `/calls/${placeholder}/${placeholder}`), 'POST', '/calls/{callId}/open')).toBe(false);
    expect(reaches(call('GET', `/calls/${placeholder}/open`), 'POST', '/calls/{callId}/open')).toBe(false);
    expect(reaches(call('GET', `/calls/${placeholder}`), 'GET', '/calls/{callId}/applications')).toBe(false);
  });

  it('reads the paths the web writes: literals, templates, local path helpers and download buttons', () => {
    // Web source code as text; `i` writes an interpolation of that code.
    const i = (expr: string) => `$\{${expr}}`;
    const code = [
      `const threadPath = (id: string) => \`/threads/${i('encodeURIComponent(id)')}\`;`,
      `post(\`${i('threadPath(t)')}/read\`);`,
      "get<Page>('/me/threads', { limit: 5 });",
      `const x = <DownloadButton path={\`/stages/${i('s')}/export.csv\`} />;`,
      `post(\`/calls/${i('id')}/${i('action')}\`);`,
    ].join('\n');
    const found = callsIn('x.tsx', code).map((c) => `${c.method} /${c.segments.map((s) => s ?? '*').join('/')}`);
    expect(found).toEqual(['POST /threads/*/read', 'GET /me/threads', 'GET /stages/*/export.csv', 'POST /calls/*/*']);
  });

  it(`reaches at least ${threshold * 100} % of the operations from web/src`, () => {
    const ratio = reached.length / operations.length;
    const summary = `${reached.length} of ${operations.length} operations reached (${(ratio * 100).toFixed(1)} %); not reached: ${unreached.map((o) => `${o.operationId} (${o.method} ${o.path})`).join(', ')}`;
    console.info(summary);
    expect(ratio, summary).toBeGreaterThanOrEqual(threshold);
  });

  it('lists every operation without a screen in the README, and only those', () => {
    const listed = apiOnlyListed();
    expect(
      unreached.map((o) => o.operationId).filter((id) => !listed.includes(id)),
      'operations with no screen and not listed in README "API-only operations"',
    ).toEqual([]);
    expect(
      listed.filter((id) => !unreached.some((o) => o.operationId === id)),
      'README "API-only operations" lists operations that are unknown or now have a screen',
    ).toEqual([]);
  });
});
