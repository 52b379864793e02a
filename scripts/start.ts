/**
 * `npm start`: the whole product locally (DynamoDB Local, a local S3-compatible server, the API and the web app). Options: --port N (or PORT), --db-path DIR (alias --dbPath, or
 * DB_PATH) to keep data between runs (in memory by default).
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'db-path': { type: 'string' },
    dbPath: { type: 'string' },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const dbPath = values['db-path'] ?? values.dbPath ?? process.env.DB_PATH;
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// Local sign-ups print their confirmation e-mail here (scripts/local/accounts.ts).
process.env.ECHO_ACCOUNT_MAIL ??= '1';
// Lambda runs Node.js 22; this warning only concerns the local machine's Node.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { startLocalProduct } = await import('./local/product');
const { MissingJavaError } = await import('./local/dynamodb-local');
const { demoUsers } = await import('./seed/demo-catalogue');

let product: Awaited<ReturnType<typeof startLocalProduct>>;
try {
  product = await startLocalProduct({ port, dbPath });
} catch (error) {
  if (error instanceof MissingJavaError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`\nPort ${port} is already in use. Start on another one: npm start -- --port 3100\n\n`);
    process.exit(1);
  }
  throw error;
}

const lines = [
  '',
  `Essaimage programme manager running at ${product.url}`,
  `  API docs:      ${product.url}/docs   (OpenAPI: ${product.url}/openapi.json)`,
  `  DynamoDB Local: ${product.dynamo.endpoint}  (${dbPath ? `data kept in ${dbPath}` : 'in memory'})`,
  `  Local S3:       ${product.s3.endpoint}  bucket ${product.bucketName}  (${dbPath ? `documents kept in ${dbPath}/s3` : 'temporary folder, removed at stop'})`,
  '',
  'Act as a demo user: send "Authorization: Bearer <token>". Tokens (valid 12 h, signed by this run\'s development key):',
];
for (const user of demoUsers) {
  lines.push(`  ${user.role.padEnd(8)} ${user.userId.padEnd(26)} ${user.description}`);
  lines.push(`           TOKEN=${await product.tokenFor(user.userId)}`);
}
lines.push(
  '',
  `Example: curl -H "Authorization: Bearer $TOKEN" ${product.url}/me`,
  `Another token: curl -X POST ${product.url}/local-auth/token -d '{"userId":"demo-staff-claire"}'`,
  '',
  'Ctrl-C stops everything.',
  '',
);
process.stdout.write(lines.join('\n'));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nStopping…\n');
  await product.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
