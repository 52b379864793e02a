import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { afterAll } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildApp, type BuildOptions, type BuiltApp } from '../../infra/build-app';
import { repoRoot } from '../../infra/paths';

/**
 * The real app (infra/build-app.ts) synthesized without bundling: NodejsFunction skips esbuild when the
 * `aws:cdk:bundling-stacks` context is empty, which keeps these tests fast however many routes there are.
 * The built-in CloudFormation schema validation (3 s of WASM start-up) is left to `npx cdk synth`.
 */
export interface SynthesizedApp extends BuiltApp {
  app: App;
  assembly: CloudAssembly;
}

export const testContext = {
  senderEmail: 'programme@ansa.example',
  authDomainPrefix: 'essaimage-test',
  webCallbackUrls: 'https://app.essaimage.example/auth/callback',
  webLogoutUrls: 'https://app.essaimage.example/',
};

const outdirs: string[] = [];
// Registered when a test file imports this module: its assemblies go when the file is done.
afterAll(() => {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A cloud assembly directory of its own, removed when the test file is done. */
export function tempOutdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'essaimage-infra-test-'));
  outdirs.push(dir);
  return dir;
}

/** The context of cdk.json (feature flags): what `npx cdk synth` runs with, so the tests see the same templates. */
export const cdkJsonContext: Record<string, unknown> = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context;

export function synthApp(context: Record<string, unknown> = {}, options: BuildOptions = {}): SynthesizedApp {
  const app = new App({
    context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [], ...testContext, ...context },
    builtinCloudFormationValidation: false,
    outdir: tempOutdir(),
  });
  const built = buildApp(app, { nag: false, env: { account: '123456789012', region: 'eu-west-3' }, ...options });
  const assembly = app.synth();
  return { ...built, app, assembly };
}

const templates = new WeakMap<Stack, Template>();

/** Template of a stack or nested stack, parsed once. */
export function templateOf(stack: Stack): Template {
  let template = templates.get(stack);
  if (!template) {
    template = Template.fromStack(stack, { skipCyclicalDependenciesCheck: true });
    templates.set(stack, template);
  }
  return template;
}

/** Every stack of the app, nested stacks included. */
export function allStacks(app: App): Stack[] {
  return app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
}

export const isNested = (stack: Stack) => NestedStack.isNestedStack(stack);

/** Resources of one type in a template, as [logicalId, resource]. */
export function resourcesOf(template: Template, type: string): [string, { Properties?: Record<string, any>; [k: string]: any }][] {
  return Object.entries(template.findResources(type));
}
