import { createHash, randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Db } from '../db/client';
import { idempotencyRecord } from '../db/entities/idempotency';
import { defineEntity } from '../db/entity';
import { deleteNow, getOne, putNowIf } from '../db/store';
import { badRequest, DomainError } from '../errors';
import { logger } from '../logger';
import { canonicalJson } from './canonical-json';
import type { HttpReply } from './route';

/**
 * Idempotency-Key on creating POSTs, kept in the single table (not Powertools idempotency: it adds ~45 KB
 * to every bundle, and its records and replays are whole Lambda results, correlation id included, outside
 * the item-type registry). A key is scoped to the caller and the operation; the first request marks it in
 * progress (conditional put), runs, then stores its answer for 24 h. A retry with the same input gets that
 * answer again; with another input a 422; while the first still runs a 409. A refused or failed request
 * releases its key, so the client can fix the request and retry with the same key.
 */

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{1,128}$/;
/** Answers are kept this long (TTL attribute `expiresAt`, seconds). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** A route function stops after 29 s: past this, an "in progress" mark is from a request that died, and a retry takes over. */
const LOCK_MS = 30_000;

const recordSchema = z.object({
  userId: z.string(),
  operationId: z.string(),
  key: z.string(),
  requestHash: z.string(),
  state: z.enum(['in-progress', 'done']),
  /** Which attempt holds the mark: only it may complete or release it. */
  attempt: z.string(),
  lockedUntil: z.int(),
  answerStatus: z.optional(z.int()),
  /** The answer's JSON body as sent (a string: stored as is, whatever numbers or empty values it holds). */
  answerBody: z.optional(z.string()),
  answerHeaders: z.optional(z.record(z.string(), z.string())),
  createdAt: z.string(),
});
type IdempotencyRecord = z.output<typeof recordSchema>;

export const idempotencyEntity = defineEntity(idempotencyRecord, recordSchema);

export const REPLAYED_HEADER = 'idempotent-replayed';

/** The request's Idempotency-Key header, if any; a malformed one is a 400 before anything is read. */
export function idempotencyKeyOf(headers: Record<string, string | undefined> | undefined): string | undefined {
  const value = headers?.['idempotency-key'];
  if (value === undefined) return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw badRequest('VALIDATION_FAILED', 'The Idempotency-Key header is not valid', [
      { path: 'headers.idempotency-key', message: '1 to 128 characters among letters, digits and _ - : .' },
    ]);
  }
  return value;
}

/** Key order does not matter: the hash is of the canonical JSON (sorted keys) of the validated input. */
export const requestHash = (input: unknown) => createHash('sha256').update(canonicalJson(input)).digest('hex');

interface Scope {
  userId: string;
  operationId: string;
  key: string;
}

/** `expiresAt` is set with `createdAt` (the store's parse leaves the TTL attribute out). */
const expired = (record: IdempotencyRecord, now: Date) => Date.parse(record.createdAt) + IDEMPOTENCY_TTL_SECONDS * 1000 <= now.getTime();

/** Marks the key in progress unless a live record holds it (TTL deletion lags: an expired one counts as absent). */
async function begin(db: Db, scope: Scope, hash: string, attempt: string, now: Date): Promise<boolean> {
  const record: IdempotencyRecord = {
    ...scope,
    requestHash: hash,
    state: 'in-progress',
    attempt,
    lockedUntil: now.getTime() + LOCK_MS,
    createdAt: now.toISOString(),
  };
  return putNowIf(
    db,
    idempotencyEntity,
    record,
    {
      expression: 'attribute_not_exists(pk) OR expiresAt <= :nowSeconds OR (#state = :inProgress AND lockedUntil < :nowMs)',
      names: { '#state': 'state' },
      values: { ':nowSeconds': Math.floor(now.getTime() / 1000), ':nowMs': now.getTime(), ':inProgress': 'in-progress' },
    },
    { expiresAt: expiresAtOf(now) },
  );
}

/** Only the attempt that holds the mark may complete or release it. */
const ownAttempt = (attempt: string) => ({ expression: 'attempt = :attempt', values: { ':attempt': attempt } });

const expiresAtOf = (now: Date) => Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS;

async function complete(db: Db, scope: Scope, hash: string, attempt: string, reply: HttpReply, now: Date): Promise<void> {
  const record: IdempotencyRecord = {
    ...scope,
    requestHash: hash,
    state: 'done',
    attempt,
    lockedUntil: 0,
    answerStatus: reply.status ?? (reply.body === undefined ? 204 : 200),
    ...(reply.body === undefined ? {} : { answerBody: JSON.stringify(reply.body) }),
    ...(reply.headers ? { answerHeaders: reply.headers } : {}),
    createdAt: now.toISOString(),
  };
  if (!(await putNowIf(db, idempotencyEntity, record, ownAttempt(attempt), { expiresAt: expiresAtOf(now) }))) {
    throw new Error('The idempotency mark was taken over by another attempt');
  }
}

async function release(db: Db, scope: Scope, attempt: string): Promise<void> {
  await deleteNow(db, idempotencyEntity, scope, ownAttempt(attempt));
}

function replay(record: IdempotencyRecord): HttpReply {
  return {
    status: record.answerStatus,
    ...(record.answerBody === undefined ? {} : { body: JSON.parse(record.answerBody) as unknown }),
    headers: { ...record.answerHeaders, [REPLAYED_HEADER]: 'true' },
  };
}

/** What a live record says to a request that could not take the key. */
function answerFromRecord(record: IdempotencyRecord, hash: string): HttpReply {
  if (record.requestHash !== hash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request', [
      { path: 'headers.idempotency-key', message: 'Use a new key for a new request' },
    ]);
  }
  if (record.state === 'in-progress') {
    throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry in a moment');
  }
  return replay(record);
}

/**
 * Runs `run` at most once per (caller, operation, key) and input; see the module comment. Errors release
 * the key (4xx: nothing was written; 5xx: the client retries), so only successful answers are replayed.
 */
export async function runIdempotent(
  db: Db,
  now: () => Date,
  scope: Scope,
  input: unknown,
  run: () => Promise<HttpReply>,
): Promise<HttpReply> {
  const hash = requestHash(input);
  const attempt = randomUUID();
  // Twice: the record read after a refused put may have been released or expired meanwhile.
  for (let round = 0; round < 2; round++) {
    if (await begin(db, scope, hash, attempt, now())) return runHolding(db, now, scope, hash, attempt, run);
    const record = await getOne(db, idempotencyEntity, scope, true);
    if (record && !expired(record, now())) return answerFromRecord(record, hash);
  }
  throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry in a moment');
}

async function runHolding(db: Db, now: () => Date, scope: Scope, hash: string, attempt: string, run: () => Promise<HttpReply>): Promise<HttpReply> {
  let reply: HttpReply;
  try {
    reply = await run();
  } catch (error) {
    await release(db, scope, attempt).catch((releaseError: unknown) => {
      logger.warn('Idempotency key not released', { operationId: scope.operationId, error: releaseError as Error });
    });
    throw error;
  }
  if (reply.text) {
    // Files are not kept: a retry runs again (no creating route answers one).
    await release(db, scope, attempt).catch(() => undefined);
    return reply;
  }
  try {
    await complete(db, scope, hash, attempt, reply, now());
  } catch (error) {
    // The change is made: answer it; a retry meets the mark, then re-runs once the lock lapses.
    logger.warn('Idempotent answer not stored', { operationId: scope.operationId, error: error as Error });
  }
  return reply;
}
