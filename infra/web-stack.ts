import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Aspects, CfnOutput, CfnResource, Duration, Fn, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IUserPoolClient, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { rules } from 'cdk-nag';
import type { Construct, IConstruct } from 'constructs';
import { apiSecurityHeaders, originVerifyHeader, webContentSecurityPolicy } from '../shared/http/security';
import { cloudFrontFrontsApi, originVerifyOf } from './api-stack';
import { repoRoot } from './paths';
import type { Settings } from './settings';

export interface WebStackProps extends StackProps {
  settings: Settings;
  /** The HTTP API, served by the same distribution under /api (same origin: no CORS needed). */
  api: IHttpApi;
  /** The web app's Cognito client and the hosted UI domain (authorization code + PKCE). */
  userPoolClient: IUserPoolClient;
  userPoolDomain: UserPoolDomain;
  /** The documents bucket's origin: the app PUTs uploads to its presigned URLs (connect-src). */
  documentsOrigin?: string;
  /** The built web app. @default <repo>/web/dist (`npm run build:web`) */
  webDir?: string;
  /** A custom domain and its ACM certificate (us-east-1); without them the *.cloudfront.net name is used. */
  domainName?: string;
  certificateArn?: string;
}

/** CloudFront Function (viewer request) of the app: any path that is not a file gets index.html (single-page app). */
const spaRewrite = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.lastIndexOf('.') <= uri.lastIndexOf('/')) request.uri = '/index.html';
  return request;
}`;

/** CloudFront Function (viewer request) of /api/*: the HTTP API's routes have no /api prefix. */
const stripApiPrefix = `function handler(event) {
  var request = event.request;
  request.uri = request.uri.replace(/^\\/api(?=\\/|$)/, '') || '/';
  return request;
}`;

/**
 * The web app: a private S3 bucket (public access blocked, TLS enforced) read by CloudFront through Origin
 * Access Control, HTTPS only. The same distribution serves the API under /api, so the app and the API share
 * an origin. Single-page routes are answered with index.html by a CloudFront Function rather than by custom
 * error responses: error responses apply to the whole distribution and would turn the API's own 403 and 404
 * into the app's HTML. The runtime config (config.json: API base URL, Cognito hosted UI) is written at deploy.
 */
export class WebStack extends Stack {
  public readonly siteBucket: Bucket;
  public readonly logBucket: Bucket;
  public readonly distribution: Distribution;
  public readonly url: string;

  public constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const webDir = props.webDir ?? join(repoRoot, 'web', 'dist');
    if (!existsSync(join(webDir, 'index.html'))) {
      throw new Error(`The web app is not built (${webDir}/index.html is missing): run \`npm run build:web\` before synthesizing.`);
    }

    // Access logs of the bucket and of the distribution (CloudFront standard logging needs ACLs on its bucket).
    this.logBucket = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the destination of the access logs of the site bucket and of the distribution; logging it into itself would loop.',
    });

    this.siteBucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3-site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    // The API refuses what does not carry this header (ORIGIN_VERIFY): its execute-api endpoint is no way around CloudFront.
    const originHeaders = cloudFrontFrontsApi(props.settings) ? { [originVerifyHeader]: originVerifyOf(Stack.of(props.api)) } : undefined;
    const signIn = props.userPoolDomain.baseUrl();
    const securityHeaders = (contentSecurityPolicy: string) => ({
      contentSecurityPolicy: { contentSecurityPolicy, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
    });
    // The app: its own scripts and styles only; it calls the API (same origin) and the hosted UI's token endpoint.
    const appHeaders = new ResponseHeadersPolicy(this, 'AppHeaders', {
      comment: 'Web app: strict CSP and security headers',
      securityHeadersBehavior: securityHeaders(
        webContentSecurityPolicy({ connect: [signIn, ...(props.documentsOrigin ? [props.documentsOrigin] : [])], formAction: [signIn] }),
      ),
    });
    // The API's answers, its gateway's own refusals (authorizer, throttling) included: never cached, never framed.
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'API: no-store and security headers',
      securityHeadersBehavior: securityHeaders(apiSecurityHeaders['content-security-policy']!),
      customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: apiSecurityHeaders['cache-control']!, override: true }] },
    });
    const certificate = props.certificateArn ? Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn) : undefined;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Essaimage programme manager: web app and API (/api)',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(certificate && props.domainName
        ? { certificate, domainNames: [props.domainName], minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: appHeaders,
        compress: true,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'SpaRewrite', { code: FunctionCode.fromInline(spaRewrite), runtime: FunctionRuntime.JS_2_0, comment: 'Single-page app: non-file paths get index.html' }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY, originSslProtocols: [OriginSslPolicy.TLS_V1_2], customHeaders: originHeaders }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every viewer header but Host (API Gateway needs its own): the Authorization header reaches the API.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
          functionAssociations: [
            {
              eventType: FunctionEventType.VIEWER_REQUEST,
              function: new CloudFrontFunction(this, 'StripApiPrefix', { code: FunctionCode.fromInline(stripApiPrefix), runtime: FunctionRuntime.JS_2_0, comment: 'The API routes have no /api prefix' }),
            },
          ],
        },
      },
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: the users (Ansa staff, A.CO.R. tutors, referents) are in France but travel; every page and API call requires a Cognito sign-in.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: 'No WAF web ACL: a CloudFront web ACL must live in us-east-1 and is not justified for a few hundred signed-in users; the API stage is throttled and Cognito has threat protection.',
    });
    if (!certificate) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum TLS version cannot be raised; pass domainName and certificateArn to enforce TLS 1.2.',
      });
    }

    this.url = props.domainName && certificate ? `https://${props.domainName}` : `https://${this.distribution.distributionDomainName}`;

    // The deployment function's own log group, with a retention.
    const deploymentLogs = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });

    // Hashed assets: cached for a year. index.html, config.json and the icon: revalidated on each visit.
    const assets = new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(join(webDir, 'assets'))],
      destinationBucket: this.siteBucket,
      destinationKeyPrefix: 'assets/',
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      prune: false,
      memoryLimit: 256,
      logGroup: deploymentLogs,
    });
    const root = new BucketDeployment(this, 'DeployApp', {
      sources: [
        Source.asset(webDir, { exclude: ['assets', 'assets/*', 'config.json'] }),
        Source.jsonData('config.json', {
          apiBaseUrl: '/api',
          auth: {
            mode: 'cognito',
            domain: props.userPoolDomain.baseUrl(),
            clientId: props.userPoolClient.userPoolClientId,
            scopes: ['openid', 'email', 'profile'],
          },
        }),
      ],
      destinationBucket: this.siteBucket,
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 256,
      logGroup: deploymentLogs,
    });
    root.node.addDependency(assets);
    this.acknowledgeDeploymentFunction();

    new CfnOutput(this, 'WebUrl', { value: this.url, description: 'The web app; set webCallbackUrls to <WebUrl>/auth/callback and webLogoutUrls to <WebUrl>/' });
    new CfnOutput(this, 'SiteBucketName', { value: this.siteBucket.bucketName });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
  }

  /**
   * BucketDeployment runs a singleton Lambda function provided by aws-cdk-lib, whose role and runtime we do
   * not choose. cdk-nag reports each wildcard of its policy as a finding of its own, named after the asset
   * bucket and the site bucket's logical id; an aspect acknowledges exactly those findings (S3 object
   * wildcards and the invalidation's `*`), on that function's own resources and nowhere else.
   */
  private acknowledgeDeploymentFunction(): void {
    const provider = this.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const acknowledge = (node: CfnResource, rule: string, findings: unknown, accept: RegExp, reason: string) => {
      if (!Array.isArray(findings)) return;
      for (const finding of findings as string[]) if (accept.test(finding)) Validations.of(node).acknowledge({ id: `${rule}[${finding}]`, reason });
    };
    for (const p of provider) {
      Aspects.of(p).add({
        visit: (node: IConstruct) => {
          if (!CfnResource.isCfnResource(node)) return;
          acknowledge(
            node,
            'AwsSolutions-IAM4',
            rules.iam.IAMNoManagedPolicies(node),
            /AWSLambdaBasicExecutionRole$/,
            'The BucketDeployment provider function of aws-cdk-lib uses AWSLambdaBasicExecutionRole to write its own logs; it runs only during deployments.',
          );
          acknowledge(
            node,
            'AwsSolutions-IAM5',
            rules.iam.IAMNoWildcardPermissions(node),
            /^(Action::s3:[A-Za-z]+\*|Resource::.*\/\*|Resource::\*)$/,
            'The BucketDeployment provider function copies the built app from the CDK asset bucket to the site bucket (object wildcards on those two buckets) and invalidates the distribution (no resource-level permission).',
          );
          if (node.cfnResourceType === 'AWS::Lambda::Function') {
            Validations.of(node).acknowledge({
              id: 'AwsSolutions-L1',
              reason: 'The runtime of the BucketDeployment provider function is pinned by aws-cdk-lib and moves with its upgrades; it runs only during deployments.',
            });
          }
        },
      });
    }
  }
}
