import type { z } from 'zod/mini';
import { localActivate, localConfirmSignUp, localSignIn, localSignUp } from '../../shared/accounts/local-auth';
import { activateBody, confirmSignUpBody, signInBody, signUpBody } from '../../shared/accounts/schemas';
import { DomainError } from '../../shared/errors';
import { toErrorResponse, zodDetails } from '../../shared/http/errors';
import type { UserProfile } from '../../shared/identity/schemas';
import { listOutboxFor } from '../../shared/notifications/outbox';
import { runtimeDeps } from '../../shared/runtime';
import type { DevAuth } from './dev-auth';

/**
 * The local stand-in for Cognito's own endpoints (sign-up, e-mail confirmation, sign-in, first password of
 * an invited person), under /local-auth/ beside the demo sign-in. They exist only in the local server: in
 * AWS the web app uses the Cognito hosted UI, and the post-confirmation trigger runs the same use case
 * (shared/accounts/use-cases.ts createSignedUpProfile) as the local confirmation.
 */
export interface LocalAnswer {
  status: number;
  body: unknown;
}

type Operation = { schema: z.ZodMiniType; run: (input: never) => Promise<{ status: number; profile?: UserProfile; body?: unknown }> };

const operations: Record<string, Operation> = {
  '/local-auth/sign-up': { schema: signUpBody, run: async (input: z.output<typeof signUpBody>) => ({ status: 201, body: await localSignUp(runtimeDeps(), input) }) },
  '/local-auth/confirm': { schema: confirmSignUpBody, run: async (input: z.output<typeof confirmSignUpBody>) => ({ status: 200, profile: await localConfirmSignUp(runtimeDeps(), input) }) },
  '/local-auth/sign-in': { schema: signInBody, run: async (input: z.output<typeof signInBody>) => ({ status: 200, profile: await localSignIn(runtimeDeps(), input) }) },
  '/local-auth/activate': { schema: activateBody, run: async (input: z.output<typeof activateBody>) => ({ status: 200, profile: await localActivate(runtimeDeps(), input) }) },
};

export const isLocalAccountPath = (pathname: string): boolean => pathname in operations;

/** A signed-in answer: a token signed by the development key, as Cognito would issue one, and who it names. */
async function signedIn(auth: DevAuth, profile: UserProfile): Promise<unknown> {
  const user = { userId: profile.userId, role: profile.role, displayName: profile.displayName, description: profile.organisation };
  return { token: await auth.sign({ userId: profile.userId, role: profile.role, name: profile.displayName }), user };
}

export async function localAccountOperation(pathname: string, raw: string, auth: DevAuth): Promise<LocalAnswer> {
  const operation = operations[pathname]!;
  let json: unknown;
  try {
    json = raw ? JSON.parse(raw) : undefined;
  } catch {
    return { status: 400, body: { error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON', details: [] } } };
  }
  const parsed = operation.schema.safeParse(json);
  if (!parsed.success) {
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'The request body is not valid', details: zodDetails(parsed.error, 'body') } } };
  }
  try {
    const out = await operation.run(parsed.data as never);
    if (out.status === 201 && process.env.ECHO_ACCOUNT_MAIL === '1') await echoMail((out.body as { userId: string }).userId);
    return { status: out.status, body: out.profile ? await signedIn(auth, out.profile) : out.body };
  } catch (error) {
    const { response } = toErrorResponse(error);
    if (!(error instanceof DomainError)) process.stderr.write(`local accounts error: ${(error as Error).stack ?? String(error)}\n`);
    return { status: response.statusCode ?? 500, body: JSON.parse(String(response.body)) };
  }
}

/** `npm start` prints the confirmation e-mail of a local sign-up (it is in the outbox too), so no mailbox is needed. */
async function echoMail(userId: string): Promise<void> {
  const { items } = await listOutboxFor(runtimeDeps().db, userId, { limit: 1 });
  for (const message of items) process.stdout.write(`\nE-mail « ${message.subject} » (outbox):\n${message.body}\n\n`);
}
