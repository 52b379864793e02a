import { Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiFunction } from '../../infra/constructs/api-function';
import { documentsAccessOf } from '../../infra/constructs/documents-bucket';
import { routes } from '../../functions/routes';
import { routeKey } from '../../shared/http/route';
import { resourcesOf, synthApp, templateOf, type SynthesizedApp } from './fixture';

let built: SynthesizedApp;
beforeAll(() => {
  built = synthApp();
});

const stateful = () => templateOf(built.stateful);
const bucketId = () => built.stateful.getLogicalId(built.stateful.documents.bucket.node.defaultChild as never);
const documentsBucket = () => resourcesOf(stateful(), 'AWS::S3::Bucket').find(([id]) => id === bucketId())![1];

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

function statementsOf(fn: ApiFunction): Statement[] {
  const stack = Stack.of(fn);
  const roleId = stack.getLogicalId(fn.functionRole.node.defaultChild as never);
  return resourcesOf(templateOf(stack), 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties!.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as Statement[]);
}
const s3Statements = (fn: ApiFunction) => statementsOf(fn).filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')));

describe('the documents bucket (stateful stack)', () => {
  it('is private: every public access blocked, objects owned by the bucket owner', () => {
    expect(documentsBucket().Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('is encrypted (S3-managed), versioned, logged, and retained', () => {
    const bucket = documentsBucket();
    expect(bucket.Properties!.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    expect(bucket.Properties!.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties!.LoggingConfiguration.DestinationBucketName).toBeDefined();
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('refuses every request without TLS', () => {
    const policies = resourcesOf(stateful(), 'AWS::S3::BucketPolicy').filter(([, p]) => JSON.stringify(p.Properties!.Bucket) === JSON.stringify({ Ref: bucketId() }));
    expect(policies).toHaveLength(1);
    const statements = policies[0]![1].Properties!.PolicyDocument.Statement as { Effect: string; Condition?: unknown }[];
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('expires abandoned uploads, incomplete multipart uploads and old versions', () => {
    const rules = documentsBucket().Properties!.LifecycleConfiguration.Rules as Record<string, any>[];
    expect(rules).toContainEqual(expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }));
    expect(rules).toContainEqual(expect.objectContaining({ Prefix: 'pending/', ExpirationInDays: 1, Status: 'Enabled' }));
    expect(rules).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }));
  });

  it("lets only the web app's origin PUT, with the checked headers", () => {
    expect(documentsBucket().Properties!.CorsConfiguration.CorsRules).toEqual([
      { AllowedHeaders: ['content-type', 'x-amz-checksum-sha256'], AllowedMethods: ['PUT'], AllowedOrigins: ['https://app.essaimage.example'], MaxAge: 600 },
    ]);
  });
});

describe('least privilege on documents', () => {
  it('only the document functions (and the erasure of a user) have S3 actions, and the bucket name', () => {
    for (const { spec } of routes) {
      const fn = built.api.routeFunctions.get(routeKey(spec))!;
      const access = documentsAccessOf[spec.operationId];
      const stack = Stack.of(fn);
      const fnId = stack.getLogicalId(fn.node.defaultChild as never);
      const env = resourcesOf(templateOf(stack), 'AWS::Lambda::Function').find(([id]) => id === fnId)![1].Properties!.Environment as { Variables?: Record<string, unknown> } | undefined;
      if (access) {
        expect(s3Statements(fn).length, spec.operationId).toBeGreaterThan(0);
        expect(env?.Variables?.ATTACHMENTS_BUCKET, spec.operationId).toBeDefined();
      } else {
        expect(s3Statements(fn), spec.operationId).toEqual([]);
        expect(env?.Variables?.ATTACHMENTS_BUCKET, spec.operationId).toBeUndefined();
      }
    }
  });

  it('each grant is scoped to the prefixes of its step, never the whole bucket', () => {
    const actions = (operationId: string) => {
      const spec = routes.find((r) => r.spec.operationId === operationId)!.spec;
      return s3Statements(built.api.routeFunctions.get(routeKey(spec))!);
    };
    const flat = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat().map((a) => `${a} ${JSON.stringify(s.Resource)}`));
    expect(flat(actions('startAttachmentUpload'))).toEqual([expect.stringMatching(/^s3:PutObject .*\/pending\/\*/)]);
    expect(flat(actions('getAttachmentDownload'))).toEqual([expect.stringMatching(/^s3:GetObject .*\/documents\/\*/)]);
    for (const op of ['confirmAttachmentUpload', 'deleteAttachment', 'eraseUserData']) {
      for (const statement of actions(op)) {
        const resources = JSON.stringify(statement.Resource);
        if ([statement.Action].flat().includes('s3:ListBucketVersions')) expect(statement.Condition, op).toBeDefined();
        else expect(resources, op).toMatch(/(pending|documents)\/\*/);
      }
    }
    expect(flat(actions('confirmAttachmentUpload')).some((a) => a.startsWith('s3:GetObject') && a.includes('documents/'))).toBe(false);
  });
});
