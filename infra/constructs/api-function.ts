import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type BundlingOptions, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { tableSchema } from '../../shared/db/table';
import { lambdaBundling, lambdaNodeOptions, latestNodeRuntime } from '../bundling';
import { entryPath, lockFile, repoRoot } from '../paths';

// Declared in infra/bundling.ts (shared with the bench); re-exported for the stacks and tests that import them here.
export { esmRequireBanner, latestNodeRuntime } from '../bundling';

const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * Table grants without wildcards: item actions on the table, Query on the table and on each index named in
 * shared/db/table.ts. No Scan (never on a request path) and no DescribeTable, unlike Table.grantReadData().
 * Transactions need no action of their own: TransactWriteItems/TransactGetItems are authorised through the
 * item actions they contain.
 */
export function tableStatements(table: ITable, access: Exclude<TableAccess, 'none'>): PolicyStatement[] {
  const indexArns = tableSchema.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
  return [
    new PolicyStatement({
      actions: access === 'read' ? readActions : [...readActions, ...writeActions],
      resources: [table.tableArn],
    }),
    new PolicyStatement({ actions: ['dynamodb:Query'], resources: indexArns }),
  ];
}

/** 'read' for GET routes, 'readwrite' for the others and for jobs, 'none' when the caller grants exactly what it needs. */
export type TableAccess = 'read' | 'readwrite' | 'none';

export interface ApiFunctionProps
  extends Omit<NodejsFunctionProps, 'entry' | 'runtime' | 'architecture' | 'role' | 'logGroup' | 'logRetention' | 'tracing'> {
  /** Handler module, absolute or relative to the repository root (as in functions/routes.ts). */
  entry: string;
  table: ITable;
  tableAccess: TableAccess;
  /** @default ONE_MONTH */
  logRetention?: RetentionDays;
  /** X-Ray active tracing. @default false */
  tracing?: boolean;
  /** POWERTOOLS_LOG_LEVEL. @default INFO */
  logLevel?: string;
}

/**
 * A Lambda function of this product: one bundled ESM handler on the latest Node.js runtime, ARM, its own
 * log group with a retention, its own role holding only its grants (write to its log group, the table
 * read-only or read/write), TABLE_NAME and Powertools settings in the environment.
 * Modelled on Powertools for AWS Lambda (TypeScript) examples/app `FunctionWithLogGroup`.
 */
export class ApiFunction extends NodejsFunction {
  public readonly functionLogGroup: LogGroup;
  public readonly functionRole: Role;
  /** The bundling options in force (for tests: bundling is skipped there, so the asset cannot be inspected). */
  public readonly bundlingOptions: BundlingOptions;

  public constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    const { table, tableAccess, logRetention, tracing, logLevel, bundling, environment, ...rest } = props;

    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of the default one: no AWSLambdaBasicExecutionRole managed policy (logs:* on every
    // log group), only write access to this function's log group.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id}`,
    });
    logGroup.grantWrite(role);

    const bundlingOptions: BundlingOptions = {
      ...lambdaBundling,
      // esbuild comes from the local devDependency; there is no Docker fallback.
      forceDockerBundling: false,
      ...bundling,
    };

    super(scope, id, {
      memorySize: 512,
      // API Gateway gives up after 30 s: a route function never needs longer.
      timeout: Duration.seconds(29),
      ...rest,
      entry: entryPath(props.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      runtime: latestNodeRuntime,
      architecture: Architecture.ARM_64,
      role,
      logGroup,
      tracing: tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'essaimage',
        POWERTOOLS_LOG_LEVEL: logLevel ?? 'INFO',
        // Stack traces point into the TypeScript sources (the bundle ships its source map).
        NODE_OPTIONS: lambdaNodeOptions,
        ...environment,
        TABLE_NAME: table.tableName,
        // Signs pagination cursors: unique to the stack, the same for every instance of a function.
        CURSOR_SECRET: Aws.STACK_ID,
      },
      bundling: bundlingOptions,
    });

    this.functionLogGroup = logGroup;
    this.functionRole = role;
    this.bundlingOptions = bundlingOptions;

    if (tableAccess !== 'none') {
      for (const statement of tableStatements(table, tableAccess)) role.addToPrincipalPolicy(statement);
    }
    if (tracing) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.',
      });
    }
  }

  /** Grants on top of the defaults (e.g. SES for the outbox sender). */
  public allow(statement: PolicyStatement): void {
    this.functionRole.addToPrincipalPolicy(statement);
  }
}
