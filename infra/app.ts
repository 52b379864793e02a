import { App } from 'aws-cdk-lib';
import { buildApp } from './build-app';

/** CDK entry point (cdk.json: `npx tsx infra/app.ts`). Settings come from context: see infra/settings.ts. */
const app = new App();
buildApp(app);
app.synth();
