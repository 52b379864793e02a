import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { ApiFunction, esmRequireBanner } from '../../infra/constructs/api-function';
import { platformApi } from '../../shared/platform/api';
import { cdkJsonContext, tempOutdir } from './fixture';

/**
 * The one test that really runs esbuild (every other infra test skips bundling): the health route's function
 * is bundled as it would be for deployment, and the bundle is loaded and invoked as Lambda would.
 */
const healthEntry = routes.find((r) => r.spec === platformApi.health)!.entry;

let bundleDir: string;
beforeAll(() => {
  const app = new App({ context: cdkJsonContext, builtinCloudFormationValidation: false, outdir: tempOutdir() });
  const stack = new Stack(app, 'BundlingProbe');
  const table = Table.fromTableAttributes(stack, 'Table', { tableName: 'probe-table' });
  new ApiFunction(stack, 'Health', { entry: healthEntry, table, tableAccess: 'read' });
  const assembly = app.synth();
  const assets = readdirSync(assembly.directory).filter((d) => d.startsWith('asset.'));
  expect(assets).toHaveLength(1);
  bundleDir = join(assembly.directory, assets[0]!);
}, 120_000);

describe('the bundle of a function', () => {
  it('is one minified ESM file (.mjs) with the createRequire banner and its source map', () => {
    expect(readdirSync(bundleDir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    expect(code.startsWith(esmRequireBanner)).toBe(true);
    expect(code).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
    expect(code).not.toMatch(/\bmodule\.exports\s*=/);
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    // Minified: few, long lines.
    expect(code.split('\n').length).toBeLessThan(code.length / 500);
  });

  it('bundles its dependencies and imports nothing but Node built-ins; the health route carries no DynamoDB client', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    const imported = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${}*,\s]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(0);
    for (const specifier of imported) expect(isBuiltin(specifier), specifier).toBe(true);
    // Left as run-time require(): only the SDK's optional signers, loaded inside try/catch when a request needs them.
    const sdkRequires = new Set([...code.matchAll(/require\(["'](@aws-sdk\/[^"']+)["']\)/g)].map((m) => m[1]!));
    for (const name of sdkRequires) expect(['@aws-sdk/signature-v4-crt', '@aws-sdk/signature-v4a']).toContain(name);
    // GET /health reads no data: neither the SDK nor zod's schemas are in its bundle (bench/README.md).
    expect(code).not.toContain('DynamoDBDocumentClient');
    expect(code.length).toBeLessThan(100_000);
  });

  it('loads as an ES module and answers as the Lambda handler', async () => {
    const mod = (await import(pathToFileURL(join(bundleDir, 'index.mjs')).href)) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
    expect(typeof mod.handler).toBe('function');
    const event = {
      version: '2.0',
      routeKey: 'GET /health',
      rawPath: '/health',
      rawQueryString: '',
      headers: {},
      requestContext: { requestId: 'probe-1', http: { method: 'GET', path: '/health' }, routeKey: 'GET /health' },
      isBase64Encoded: false,
    };
    const context = { functionName: 'probe', functionVersion: '$LATEST', awsRequestId: 'probe-1', invokedFunctionArn: 'arn:aws:lambda:eu-west-3:123456789012:function:probe', memoryLimitInMB: '512', getRemainingTimeInMillis: () => 10_000 };
    const response = await mod.handler(event, context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
    // The function does not import its spec (to stay small), so its answer is checked against it here.
    const declared = platformApi.health.response;
    expect(declared.status).toBe(200);
    expect('schema' in declared && declared.schema.safeParse(JSON.parse(response.body)).success).toBe(true);
  });
});
