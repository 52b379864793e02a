import type { BuildOptions } from 'esbuild';
import { Runtime, RuntimeFamily } from 'aws-cdk-lib/aws-lambda';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How every Lambda function is bundled, declared once: the CDK construct (infra/constructs/api-function.ts)
 * deploys with these options and `npm run bench` measures bundles built with the same ones.
 */

const nodeMajorOf = (r: Runtime) => Number(/^nodejs(\d+)\.x$/.exec(r.name)?.[1] ?? Number.NaN);

/**
 * The newest Node.js runtime this aws-cdk-lib knows (nodejs24.x with 2.276). Computed rather than named so an
 * aws-cdk-lib upgrade moves every function forward together (cdk-nag AwsSolutions-L1 asks for the latest).
 */
export const latestNodeRuntime: Runtime = (() => {
  const candidates = Runtime.ALL.filter((r) => r.family === RuntimeFamily.NODEJS && Number.isFinite(nodeMajorOf(r)));
  const latest = candidates.sort((a, b) => nodeMajorOf(a) - nodeMajorOf(b)).at(-1);
  if (!latest) throw new Error('aws-cdk-lib knows no nodejsNN.x runtime');
  return latest;
})();

/** esbuild's target for the runtime: the syntax the deployed Node runs natively, so nothing is down-levelled. */
export const lambdaTarget = `node${nodeMajorOf(latestNodeRuntime)}`;

/** Lets an ESM bundle load the few CommonJS dependencies that call require() at run time. */
export const esmRequireBanner = 'import { createRequire } from "module";const require = createRequire(import.meta.url);';

/**
 * ESM, minified, every dependency bundled (the AWS SDK included: a tree-shaken SDK initialises faster than
 * the runtime's copy), a linked source map without the sources (index.mjs.map ships next to the bundle;
 * functions run with --enable-source-maps).
 */
export const lambdaBundling = {
  format: OutputFormat.ESM,
  target: lambdaTarget,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  externalModules: [] as string[],
  banner: esmRequireBanner,
} satisfies BundlingOptions;

/** The same options for esbuild's own API (what NodejsFunction passes to the esbuild CLI). */
export const lambdaEsbuildOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: lambdaBundling.target,
  minify: lambdaBundling.minify,
  sourcemap: 'linked',
  sourcesContent: lambdaBundling.sourcesContent,
  mainFields: lambdaBundling.mainFields,
  external: lambdaBundling.externalModules,
  banner: { js: lambdaBundling.banner },
  outExtension: { '.js': '.mjs' },
};

/** NODE_OPTIONS of every function: stack traces point into the TypeScript sources through the source map. */
export const lambdaNodeOptions = '--enable-source-maps';
