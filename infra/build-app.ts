import { Tags, Validations, type App, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack';
import { documentsBucketOrigin } from './constructs/documents-bucket';
import { readSettings, type Settings } from './settings';
import { StatefulStack } from './stateful-stack';
import { WebStack } from './web-stack';

export interface BuildOptions {
  /** Register cdk-nag's AwsSolutions pack as a validation plugin: any violation fails `cdk synth`. @default true */
  nag?: boolean;
  /** @default CDK_DEFAULT_ACCOUNT, and the `region` context or CDK_DEFAULT_REGION (the AWS profile's region) */
  env?: Environment;
}

export interface BuiltApp {
  settings: Settings;
  stateful: StatefulStack;
  api: ApiStack;
  web: WebStack;
}

/**
 * Creates every stack of the product. Used by infra/app.ts (cdk synth / deploy) and by the infra tests, so
 * the tests check exactly what gets deployed.
 */
export function buildApp(app: App, options: BuildOptions = {}): BuiltApp {
  const settings = readSettings(app.node);
  const env: Environment = options.env ?? {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: (app.node.tryGetContext('region') as string | undefined) || process.env.CDK_DEFAULT_REGION,
  };

  // Stateful: the table and the user pool (retained, deletion-protected).
  const stateful = new StatefulStack(app, 'EssaimageStateful', {
    env,
    settings,
    description: 'Essaimage programme manager: table and user pool (retained)',
  });

  // Stateless: HTTP API, route and job functions, outbox sender.
  const api = new ApiStack(app, 'EssaimageApi', {
    env,
    settings,
    table: stateful.table,
    userPool: stateful.userPool,
    webClient: stateful.webClient,
    description: 'Essaimage programme manager: HTTP API, functions, schedules, outbox sender',
  });

  // Web: the app on S3 + CloudFront (same origin as the API, under /api), Cognito hosted UI sign-in.
  const web = new WebStack(app, 'EssaimageWeb', {
    env,
    settings,
    api: api.api,
    userPoolClient: stateful.webClient,
    userPoolDomain: stateful.domain,
    documentsOrigin: documentsBucketOrigin(),
    description: 'Essaimage programme manager: web app (S3, CloudFront, HTTPS only)',
  });

  Tags.of(app).add('project', 'essaimage');
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

  return { settings, stateful, api, web };
}
