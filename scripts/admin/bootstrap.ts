/**
 * `npm run admin:bootstrap -- --email claire.moreau@ansa.fr --name "Claire Moreau" --user-pool-id <id> --table <name>`
 * creates the first staff member of a fresh AWS deployment: the Cognito user (who receives a temporary
 * password by e-mail) in the `staff` group, and their profile in the table. Refused once any staff member
 * exists: from then on staff invite people from the "Utilisateurs" page. Uses the caller's AWS credentials
 * and region (AWS_REGION). Ids from the EssaimageStateful outputs (UserPoolId, TableName).
 */
import { parseArgs } from 'node:util';
import { cognitoDirectory } from '../../shared/accounts/cognito-directory';
import { useDirectory } from '../../shared/accounts/directory';
import { bootstrapAdministrator } from '../../shared/accounts/use-cases';
import { createDocumentClient } from '../../shared/db/client';
import { DomainError } from '../../shared/errors';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    'user-pool-id': { type: 'string' },
    table: { type: 'string' },
  },
});
const missing = ['email', 'name', 'user-pool-id', 'table'].filter((k) => !values[k as keyof typeof values]);
if (missing.length) {
  process.stderr.write(`Missing: ${missing.map((m) => `--${m}`).join(', ')}\nUsage: npm run admin:bootstrap -- --email <e-mail> --name "<Prénom Nom>" --user-pool-id <UserPoolId> --table <TableName>\n`);
  process.exit(2);
}
process.env.TABLE_NAME = values.table;
useDirectory(cognitoDirectory({ userPoolId: values['user-pool-id']! }));
const deps = { db: { doc: createDocumentClient(), tableName: values.table! }, now: () => new Date() };
try {
  const user = await bootstrapAdministrator(deps, { email: values.email!, displayName: values.name! });
  process.stdout.write(`Created the first staff member ${user.displayName} <${user.email}> (${user.userId}).\nCognito sends them a temporary password; they choose theirs and set up MFA at first sign-in.\n`);
} catch (error) {
  if (error instanceof DomainError) {
    process.stderr.write(`Refused: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
} finally {
  deps.db.doc.destroy();
}
