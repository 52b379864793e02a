import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoDirectory } from '../../shared/accounts/cognito-directory';
import { useDirectory, type Directory } from '../../shared/accounts/directory';
import { bootstrapAdministrator, inviteUser } from '../../shared/accounts/use-cases';
import { getProfile } from '../../shared/identity/repository';
import { repoRoot } from '../../scripts/local/product';
import { overrideDeps } from '../../shared/runtime';
import { createTestDb, testDeps } from '../support/db';

/**
 * The Cognito adapter of the accounts directory against a real local Cognito (the npm package cognito-local,
 * started here on a free port in a temporary folder): invitation (AdminCreateUser + group), e-mail taken,
 * group change, disable/enable, discard; then the invitation use case with it on DynamoDB Local.
 */
let server: ChildProcess;
let folder: string;
let client: CognitoIdentityProviderClient;
let userPoolId: string;
let directory: Directory;
let endpoint: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  const port = await freePort();
  server = spawn(process.execPath, [join(repoRoot, 'node_modules/cognito-local/lib/bin/start.js')], { cwd: folder, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('cognito-local did not start')), 20_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Cognito Local running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`cognito-local exited with ${code}`)));
  });
  endpoint = `http://127.0.0.1:${port}`;
  client = new CognitoIdentityProviderClient({ endpoint, region: 'eu-west-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'essaimage-test', UsernameAttributes: ['email'] }));
  userPoolId = pool.UserPool!.Id!;
  for (const GroupName of ['staff', 'tutor', 'referent']) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName }));
  directory = cognitoDirectory({ userPoolId, client });
}, 30_000);

afterAll(() => {
  useDirectory(undefined);
  server?.kill();
  client?.destroy();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** By the user's own name in the pool (cognito-local matches group members on it literally, not on aliases). */
const groupsOf = async (email: string) => {
  const { Username } = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  return ((await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username }))).Groups ?? []).map((g) => g.GroupName);
};
const enabled = async (username: string) => (await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }))).Enabled;

describe('the Cognito directory (cognito-local)', () => {
  it('creates an invited user in its group, refuses the same e-mail, moves groups, disables, enables and discards', async () => {
    const now = new Date();
    const created = await directory.createInvitedUser(createdDbStub, { email: 'tuteur@acor.example', displayName: 'Paul Tuteur', role: 'tutor' }, now);
    expect(created.writes).toEqual([]);
    expect(created.userId).toMatch(/^[0-9a-f-]{36}$/);
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: 'tuteur@acor.example' }));
    expect(user.UserAttributes?.find((a) => a.Name === 'sub')?.Value).toBe(created.userId);
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(await groupsOf('tuteur@acor.example')).toEqual(['tutor']);

    await expect(directory.createInvitedUser(createdDbStub, { email: 'tuteur@acor.example', displayName: 'Paul Tuteur', role: 'tutor' }, now)).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });

    await directory.setGroup(created.userId, 'tutor', 'staff');
    expect(await groupsOf('tuteur@acor.example')).toEqual(['staff']);
    await directory.disable(created.userId);
    expect(await enabled('tuteur@acor.example')).toBe(false);
    await directory.enable(created.userId);
    expect(await enabled('tuteur@acor.example')).toBe(true);
    await directory.discardInvitedUser(created.userId);
    await expect(client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: 'tuteur@acor.example' }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('runs the invitation and bootstrap use cases with Cognito: the profile is keyed by the Cognito sub', async () => {
    const deps = testDeps(await createTestDb());
    useDirectory(directory);
    const admin = await bootstrapAdministrator(deps, { email: 'premiere@ansa.example', displayName: 'Première Admin' });
    expect(await groupsOf('premiere@ansa.example')).toEqual(['staff']);
    await expect(bootstrapAdministrator(deps, { email: 'seconde@ansa.example', displayName: 'Seconde Admin' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: 'seconde@ansa.example' }))).rejects.toMatchObject({ name: 'UserNotFoundException' });

    const me = { principal: { userId: admin.userId, role: 'staff' as const, structureIds: [] }, profile: await getProfile(deps.db, admin.userId) };
    const invited = await inviteUser(deps, me, { email: 'collegue@ansa.example', displayName: 'Léa Collègue', role: 'staff' });
    expect((await getProfile(deps.db, invited.userId))?.role).toBe('staff');
    const sub = (await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: 'collegue@ansa.example' }))).UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    expect(invited.userId).toBe(sub);
    deps.db.doc.destroy();
  });
});

describe('the post-confirmation trigger (functions/identity/post-confirmation.ts)', () => {
  it('makes the confirmed person an applicant referent, in the referent group, once', async () => {
    const deps = testDeps(await createTestDb());
    overrideDeps({ db: deps.db });
    // The trigger's own client, pointed at cognito-local as the SDK allows per service.
    process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = endpoint;
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
    const { handler } = await import('../../functions/identity/post-confirmation');
    const created = await client.send(
      new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: 'lina@avenir.example', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'lina@avenir.example' }, { Name: 'name', Value: 'Lina Chevalier' }] }),
    );
    const sub = created.User!.Attributes!.find((a) => a.Name === 'sub')!.Value!;
    const event = {
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      userPoolId,
      userName: created.User!.Username!,
      request: { userAttributes: { sub, email: 'lina@avenir.example', name: 'Lina Chevalier', 'custom:organisation': 'Avenir Emploi' } },
      response: {},
    } as never;
    expect(await handler(event)).toBe(event);
    expect(await handler(event)).toBe(event);
    expect(await getProfile(deps.db, sub)).toMatchObject({ role: 'referent', displayName: 'Lina Chevalier', organisation: 'Avenir Emploi', origin: 'sign-up' });
    expect(await groupsOf('lina@avenir.example')).toEqual(['referent']);
    const forgot = { ...(event as object), triggerSource: 'PostConfirmation_ConfirmForgotPassword', request: { userAttributes: { sub: 'another-sub', email: 'x@example.org' } } } as never;
    await handler(forgot);
    expect(await getProfile(deps.db, 'another-sub')).toBeUndefined();
    overrideDeps({});
    deps.db.doc.destroy();
  });
});

/** The Cognito adapter never writes to the table: a db it must not touch. */
const createdDbStub = new Proxy({}, { get: () => { throw new Error('The Cognito directory touched the table'); } }) as never;
