import { App, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app';
import { cdkJsonContext, synthApp, tempOutdir, testContext, type SynthesizedApp } from './fixture';

let built: SynthesizedApp;
beforeAll(() => {
  built = synthApp();
});

/** Every acknowledgment (suppression) recorded on the construct tree, with where it sits. */
function acknowledgments(root: IConstruct): { construct: IConstruct; path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ construct: c, path: c.node.path, id, reason }))),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding, error or warning, on any stack (nested ones included)', () => {
    const report = new AwsSolutionsChecks(built.app).validateScope(built.app);
    const findings = report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives each acknowledgment a specific reason, on the resource it concerns (never a whole stack)', () => {
    const acks = acknowledgments(built.app).filter((a) => a.id.includes('AwsSolutions-'));
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, ack.id).toBeGreaterThan(40);
      expect(Stack.isStack(ack.construct) || ack.construct === built.app, `${ack.id} at ${ack.path}`).toBe(false);
    }
    // Unauthenticated routes are exactly the public ones, each acknowledged by name.
    const apig4 = acks.filter((a) => a.id.endsWith('AwsSolutions-APIG4'));
    const publicKeys = [...built.api.httpRoutes.entries()].filter(([, route]) => apig4.some((a) => a.path === route.node.path)).map(([key]) => key);
    expect(apig4).toHaveLength(publicKeys.length);
    for (const ack of apig4) expect(publicKeys.some((key) => ack.reason.startsWith(key))).toBe(true);
  });

  it('fails the synthesis of the real app on a finding nobody acknowledged (the checks are wired, not decorative)', () => {
    const app = new App({ context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [], ...testContext }, builtinCloudFormationValidation: false, outdir: tempOutdir() });
    const { api } = buildApp(app, { env: { account: '123456789012', region: 'eu-west-3' } });
    const rogue = new Stack(app, 'Rogue');
    new HttpRoute(rogue, 'Open', {
      httpApi: HttpApi.fromHttpApiAttributes(rogue, 'Api', { httpApiId: 'abc123' }),
      routeKey: HttpRouteKey.with('/open', HttpMethod.GET),
      integration: new HttpUrlIntegration('Url', 'https://example.org'),
    });
    void api;
    expect(() => app.synth()).toThrow(/AwsSolutions-APIG4/);
  });
});
