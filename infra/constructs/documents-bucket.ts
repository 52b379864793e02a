import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, type IGrantable, type IRole } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { documentsPrefix, pendingPrefix } from '../../shared/attachments/rules';

export interface DocumentsBucketProps {
  /** Origins of the web app, whose browser PUTs documents to presigned URLs (CORS). */
  webOrigins: string[];
}

/**
 * The bucket's name, from the account and region (both stacks share them): the API stack names it and its
 * ARNs without a cross-stack reference, so each grant's resources read the same in every template.
 */
export const documentsBucketName = () => `essaimage-documents-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
/** Where the browser PUTs uploads (the presigned URLs' virtual-hosted origin): the web app's CSP connect-src. */
export const documentsBucketOrigin = () => `https://${documentsBucketName()}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
const bucketArn = () => `arn:${Aws.PARTITION}:s3:::${documentsBucketName()}`;
/** How cdk-nag writes that ARN in a finding (pseudo parameters as <AWS::…>). */
const bucketArnAsNagReads = 'arn:<AWS::Partition>:s3:::essaimage-documents-<AWS::AccountId>-<AWS::Region>';

/** What a function does with documents; each grant is limited to the prefixes it needs. */
export type DocumentsAccess = 'upload' | 'check' | 'download' | 'delete';

/**
 * The private bucket of attached documents: no public access, S3-managed encryption, TLS only, versioned (a
 * document overwritten or deleted by mistake can be recovered for 30 days), uploads under `pending/` expired
 * after a day if never confirmed, incomplete multipart uploads aborted. Its access logs go to a bucket of
 * their own. Retained with the table: documents are evidence of the programme's decisions.
 */
export class DocumentsBucket extends Construct {
  public readonly bucket: Bucket;
  public readonly logBucket: Bucket;

  public constructor(scope: Construct, id: string, props: DocumentsBucketProps) {
    super(scope, id);
    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the destination of the documents bucket access logs; logging it into itself would loop.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: documentsBucketName(),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'documents/',
      cors: [
        {
          allowedOrigins: props.webOrigins,
          allowedMethods: [HttpMethods.PUT],
          allowedHeaders: ['content-type', 'x-amz-checksum-sha256'],
          maxAge: 600,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-pending-uploads', prefix: pendingPrefix, expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

}

/**
 * Least privilege: a function gets only the actions of its part of the flow, on the prefixes it touches (each
 * prefix wildcard acknowledged on its role, by name).
 */
export function grantDocuments(grantee: IGrantable & { functionRole: IRole }, access: DocumentsAccess): void {
    const objects = (prefix: string) => `${bucketArn()}/${prefix}*`;
    const statements: PolicyStatement[] = [];
    const allow = (actions: string[], resources: string[]) => statements.push(new PolicyStatement({ effect: Effect.ALLOW, actions, resources }));
    const listVersions = () =>
      statements.push(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['s3:ListBucketVersions'],
          resources: [bucketArn()],
          conditions: { StringLike: { 's3:prefix': [`${pendingPrefix}*`, `${documentsPrefix}*`] } },
        }),
      );
    switch (access) {
      case 'upload':
        allow(['s3:PutObject'], [objects(pendingPrefix)]);
        break;
      case 'download':
        allow(['s3:GetObject'], [objects(documentsPrefix)]);
        break;
      case 'check':
        allow(['s3:GetObject'], [objects(pendingPrefix)]);
        allow(['s3:PutObject'], [objects(documentsPrefix)]);
        allow(['s3:DeleteObject', 's3:DeleteObjectVersion'], [objects(pendingPrefix), objects(documentsPrefix)]);
        listVersions();
        break;
      case 'delete':
        allow(['s3:DeleteObject', 's3:DeleteObjectVersion'], [objects(pendingPrefix), objects(documentsPrefix)]);
        listVersions();
        break;
    }
    for (const statement of statements) grantee.grantPrincipal.addToPrincipalPolicy(statement);
    const prefixes = new Set(statements.flatMap((st) => st.resources).map((r) => /\/(pending|documents)\/\*$/.exec(r)?.[1]).filter(Boolean));
    for (const prefix of prefixes) {
      Validations.of(grantee.functionRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${bucketArnAsNagReads}/${prefix}/*]`,
        reason: `Documents are objects named by their id under ${prefix}/: the grant covers that prefix of the documents bucket only, for the actions of this step.`,
      });
    }
}

/** The route functions that touch documents (by operationId), and what each may do: no other function gets S3. */
export const documentsAccessOf: Readonly<Record<string, DocumentsAccess>> = {
  startAttachmentUpload: 'upload',
  confirmAttachmentUpload: 'check',
  getAttachmentDownload: 'download',
  deleteAttachment: 'delete',
  // personal-data erasure deletes the person's documents with every version
  eraseUserData: 'delete',
};
