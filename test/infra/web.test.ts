import { Stack } from 'aws-cdk-lib';
import type { ApiFunction } from '../../infra/constructs/api-function';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOf, synthApp, templateOf, type SynthesizedApp } from './fixture';

/**
 * The web deployment: a private bucket read only by CloudFront (Origin Access Control), HTTPS only, the
 * single-page app answered on every route, the API under /api on the same origin, the runtime config written
 * at deploy time, and cdk-nag clean with reasoned acknowledgments.
 */
let built: SynthesizedApp;
beforeAll(() => {
  built = synthApp();
});

const web = () => templateOf(built.web);

describe('web stack', () => {
  it('keeps the site bucket private: public access blocked, TLS enforced, encrypted, logged', () => {
    const buckets = resourcesOf(web(), 'AWS::S3::Bucket');
    expect(buckets.length).toBe(2);
    for (const [, bucket] of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(bucket.Properties?.BucketEncryption).toBeDefined();
      expect(bucket.Properties?.WebsiteConfiguration).toBeUndefined();
    }
    const siteId = web().getResourceId('AWS::S3::Bucket', { Properties: { LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3-site/' }) } });
    // The bucket policy denies plain HTTP and grants reads to CloudFront only, for this distribution.
    const policy = resourcesOf(web(), 'AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties?.Bucket).includes(siteId))?.[1];
    const statements = policy?.Properties?.PolicyDocument.Statement as { Effect: string; Principal: unknown; Action: unknown; Condition?: Record<string, unknown> }[];
    expect(statements.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('"aws:SecureTransport":"false"'))).toBe(true);
    const allows = statements.filter((s) => s.Effect === 'Allow');
    const cloudFrontReads = allows.filter((s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: 'cloudfront.amazonaws.com' }));
    expect(cloudFrontReads.length).toBeGreaterThan(0);
    for (const s of cloudFrontReads) expect(JSON.stringify(s.Condition)).toContain('AWS:SourceArn');
    // Nobody else reads it: no public principal anywhere.
    for (const s of allows) expect(JSON.stringify(s.Principal)).not.toBe('"*"');
  });

  it('serves the app through CloudFront with Origin Access Control, HTTPS only', () => {
    web().resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    web().hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' }),
    });
    const [[, distribution]] = resourcesOf(web(), 'AWS::CloudFront::Distribution') as [[string, { Properties: { DistributionConfig: any } }]];
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    const behaviors = [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])];
    for (const b of behaviors) expect(['redirect-to-https', 'https-only']).toContain(b.ViewerProtocolPolicy);
    // The S3 origin is reached through OAC, never as a public website; the API origin over TLS 1.2 only.
    const s3Origin = config.Origins.find((o: any) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    const apiOrigin = config.Origins.find((o: any) => o.CustomOriginConfig);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(config.Logging).toBeDefined();
  });

  it('answers every app route with index.html and sends /api/* to the API on the same origin', () => {
    const [[, distribution]] = resourcesOf(web(), 'AWS::CloudFront::Distribution') as [[string, { Properties: { DistributionConfig: any } }]];
    const config = distribution.Properties.DistributionConfig;
    const functions = resourcesOf(web(), 'AWS::CloudFront::Function');
    const code = Object.fromEntries(functions.map(([id, f]) => [id, f.Properties?.FunctionCode as string]));
    const spa = Object.entries(code).find(([, c]) => c.includes('/index.html'));
    expect(spa).toBeDefined();
    expect(JSON.stringify(config.DefaultCacheBehavior.FunctionAssociations)).toContain(spa![0]);
    const api = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    // The API's own 403/404 must reach the app: no distribution-wide error page rewrites them.
    expect(config.CustomErrorResponses).toBeUndefined();

    // The SPA rewrite, run as CloudFront would: files stay, routes get index.html.
    const rewrite = new Function(`${spa![1]}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    expect(rewrite({ request: { uri: '/structure-essaimee/ess_1' } }).uri).toBe('/index.html');
    expect(rewrite({ request: { uri: '/' } }).uri).toBe('/index.html');
    expect(rewrite({ request: { uri: '/assets/index-abc.js' } }).uri).toBe('/assets/index-abc.js');
    expect(rewrite({ request: { uri: '/config.json' } }).uri).toBe('/config.json');
    const strip = Object.entries(code).find(([, c]) => c.includes('/api'))!;
    const stripper = new Function(`${strip[1]}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    expect(stripper({ request: { uri: '/api/seasons' } }).uri).toBe('/seasons');
    expect(stripper({ request: { uri: '/api' } }).uri).toBe('/');
  });

  it('gives the app a strict CSP and the API no-store, both with security headers, through response headers policies', () => {
    const [[, distribution]] = resourcesOf(web(), 'AWS::CloudFront::Distribution') as [[string, { Properties: { DistributionConfig: any } }]];
    const config = distribution.Properties.DistributionConfig;
    const policies = Object.fromEntries(resourcesOf(web(), 'AWS::CloudFront::ResponseHeadersPolicy').map(([id, p]) => [id, p.Properties!.ResponseHeadersPolicyConfig]));
    const policyOf = (behavior: any) => policies[behavior.ResponseHeadersPolicyId.Ref];
    const app = policyOf(config.DefaultCacheBehavior);
    const api = policyOf(config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*'));
    expect(app).toBeDefined();
    expect(api).toBeDefined();
    for (const policy of [app, api]) {
      expect(policy.SecurityHeadersConfig).toMatchObject({
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: 'DENY', Override: true },
        ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
        StrictTransportSecurity: { IncludeSubdomains: true, Override: true },
      });
      expect(policy.SecurityHeadersConfig.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
    }
    // The CSP names the hosted UI domain (a cross-stack value), so it is a join: render it with a marker.
    const cspOf = (policy: any) => {
      const value = policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
      return typeof value === 'string' ? value : (value['Fn::Join'][1] as unknown[]).map((p) => (typeof p === 'string' ? p : 'DOMAIN')).join('');
    };
    const directives = Object.fromEntries(cspOf(app).split(/;\s*/).map((d: string) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    const hostedUi = /^https:\/\/DOMAIN\.auth\.eu-west-3\.amazoncognito\.com$/;
    // and the documents bucket, where the app PUTs uploads (its name and region are pseudo parameters)
    expect(directives['connect-src']).toEqual(["'self'", expect.stringMatching(hostedUi), 'https://essaimage-documents-DOMAIN-DOMAIN.s3.DOMAIN.DOMAIN']);
    expect(directives['form-action']).toEqual(["'self'", expect.stringMatching(hostedUi)]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
    expect(cspOf(app)).not.toContain('unsafe');
    expect(app.SecurityHeadersConfig.ContentSecurityPolicy.Override).toBe(true);
    expect(cspOf(api)).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.CustomHeadersConfig.Items).toEqual([{ Header: 'Cache-Control', Value: 'no-store', Override: true }]);
  });

  it('sends the API an origin-verify header that every route function expects, so the execute-api endpoint is no way around', () => {
    const [[, distribution]] = resourcesOf(web(), 'AWS::CloudFront::Distribution') as [[string, { Properties: { DistributionConfig: any } }]];
    const apiOrigin = distribution.Properties.DistributionConfig.Origins.find((o: any) => o.CustomOriginConfig);
    const header = apiOrigin.OriginCustomHeaders.find((h: any) => h.HeaderName === 'x-origin-verify');
    expect(header).toBeDefined();
    // The UUID of the API stack's id, read from the API stack (a cross-stack reference, weak or strong).
    expect(header.HeaderValue['Fn::Select'][0]).toBe(2);
    expect(JSON.stringify(header.HeaderValue)).toMatch(/"Fn::(GetStackOutput|ImportValue)".*AWSStackId/);
    const environmentOf = (fn: ApiFunction) =>
      templateOf(Stack.of(fn)).toJSON().Resources[Stack.of(fn).getLogicalId(fn.node.defaultChild as never)].Properties.Environment.Variables as Record<string, unknown>;
    for (const fn of built.api.routeFunctions.values()) {
      expect(environmentOf(fn).ORIGIN_VERIFY, fn.node.id).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', expect.anything()] }] });
    }
    // A web app served elsewhere (CORS origins) calls the execute-api endpoint directly: no check then.
    const direct = synthApp({ corsOrigins: 'https://elsewhere.example' });
    for (const fn of direct.api.routeFunctions.values()) expect(environmentOf(fn).ORIGIN_VERIFY).toBeUndefined();
  });

  it('deploys the built app and a runtime config for the Cognito hosted UI', () => {
    const deployments = resourcesOf(web(), 'Custom::CDKBucketDeployment');
    expect(deployments.length).toBe(2);
    const json = JSON.stringify(deployments);
    expect(json).toContain('config.json');
    // Cache: hashed assets a year, the rest revalidated.
    expect(json).toContain('immutable');
    expect(json).toContain('no-cache');
    // config.json carries the hosted UI domain and the web client of the user pool (cross-stack values).
    const markers = deployments.map(([, d]) => JSON.stringify(d.Properties?.SourceMarkers ?? [])).join('');
    expect(markers).toMatch(/UserPool|WebClient|HostedUi|Fn::ImportValue/);
  });

  it('is cdk-nag clean, each acknowledgment carrying its reason', () => {
    const report = new AwsSolutionsChecks(built.app).validateScope(built.web);
    const findings = report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
  });
});
