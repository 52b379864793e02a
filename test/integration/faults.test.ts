import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startDynamoDbLocal, type DynamoDbLocal } from '../../scripts/local/dynamodb-local';
import { startLocalProduct, type LocalProduct } from '../../scripts/local/product';
import { listAuditForEntity } from '../../shared/db/audit';
import { queryAllOf } from '../../shared/db/store';
import { outboxMessageEntity } from '../../shared/notifications/entities';
import { listAllProgress } from '../../shared/training/progress-repository';
import { sessionEntity } from '../../shared/training/entities';
import { demoCalendar, demoSeasonYears } from '../../scripts/seed/demo-calendar';
import { addDays } from '../../shared/calendar';

const demoSeasons = demoSeasonYears();

/**
 * DynamoDB faults, on a DynamoDB Local of this file's own (persisted in a temp dir so that its data survives a
 * restart): while it is down the API answers 503 SERVICE_UNAVAILABLE with Retry-After within 5 s, never a
 * 500 nor a hang; once it is back, every session written around the fault has its audit entry and its
 * referents' notices, or does not exist at all (one transaction).
 */
let dir: string;
let port: number;
let dynamo: DynamoDbLocal;
let product: LocalProduct;
const tokens = new Map<string, string>();
let cohortId: string;
let moduleId: string;
let essaimeId: string;

async function call(method: string, path: string, as: string, body?: unknown) {
  if (!tokens.has(as)) tokens.set(as, await product.tokenFor(as));
  const started = Date.now();
  const res = await fetch(`${product.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens.get(as)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, retryAfter: res.headers.get('retry-after'), ms: Date.now() - started };
}

const staff = 'demo-staff-claire';
const sessionBody = (i: number) => ({ moduleId, date: addDays(demoCalendar(new Date()).trainingStart, 136), startTime: `${String(8 + (i % 10)).padStart(2, '0')}:00`, durationMinutes: 60, mode: 'remote', place: `Essai de panne ${i}` });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faults-'));
  port = await freePort();
  dynamo = await startDynamoDbLocal({ port, dbPath: dir });
  // the product must not stop the DynamoDB Local this file stops and restarts itself
  product = await startLocalProduct({ tableName: 'faults', dynamo: { endpoint: dynamo.endpoint, port, stop: async () => undefined } });
  const seasons = (await call('GET', '/seasons', staff)).body.items as { seasonId: string; year: number }[];
  const seasonId = seasons.find((s) => s.year === demoSeasons.cohort)!.seasonId;
  cohortId = (await call('GET', `/seasons/${seasonId}/cohort`, staff)).body.cohortId;
  moduleId = (await call('GET', `/cohorts/${cohortId}`, staff)).body.modules[4].moduleId;
  essaimeId = (await call('GET', `/seasons/${seasonId}/essaimes?limit=50`, staff)).body.items[0].essaimeId;
});

afterAll(async () => {
  await product?.stop();
  await dynamo?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('DynamoDB down', () => {
  const answered: { status: number; body: { sessionId?: string; error?: { code: string } }; retryAfter: string | null; ms: number }[] = [];

  it('answers the writes caught by the fault 201 or 503 (never 500), each within 5 s', async () => {
    const writes = Array.from({ length: 12 }, (_, i) =>
      new Promise((r) => setTimeout(r, i * 30)).then(() => call('POST', `/cohorts/${cohortId}/sessions`, staff, sessionBody(i))),
    );
    await new Promise((r) => setTimeout(r, 150));
    await dynamo.stop();
    answered.push(...(await Promise.all(writes)));
    for (const a of answered) {
      expect([201, 503], JSON.stringify(a.body)).toContain(a.status);
      expect(a.ms).toBeLessThan(5_000);
      if (a.status === 503) {
        expect(a.body.error?.code).toBe('SERVICE_UNAVAILABLE');
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
      }
    }
    expect(answered.some((a) => a.status === 503)).toBe(true);
  });

  it('answers GET and POST routes 503 SERVICE_UNAVAILABLE with Retry-After within 5 s', async () => {
    const answers = [
      await call('GET', '/seasons', staff),
      await call('GET', `/cohorts/${cohortId}/sessions?limit=10`, staff),
      await call('POST', `/cohorts/${cohortId}/sessions`, staff, sessionBody(99)),
      await call('POST', `/essaimes/${essaimeId}/participants`, staff, { name: 'Nouvelle Personne', role: 'Conseillère', email: 'nouvelle@faults.example' }),
    ];
    for (const a of answers) {
      expect(a.status, JSON.stringify(a.body)).toBe(503);
      expect(a.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
      expect(a.ms).toBeLessThan(5_000);
    }
  });

  it('after a restart, every session written around the fault has its audit entry and its notices', async () => {
    dynamo = await startDynamoDbLocal({ port, dbPath: dir });
    const db = product.deps.db;
    const sessions = await queryAllOf(db, sessionEntity, { pk: sessionEntity.partition('table', { cohortId }), skPrefix: 'SESSION#' });
    const created = answered.filter((a) => a.status === 201).map((a) => a.body.sessionId!);
    const ours = sessions.filter((s) => /^Essai de panne \d+$/.test(s.place));
    // every 201 is stored; a 503 may hide a commit whose answer was lost, but then it is whole too
    expect(ours.map((s) => s.sessionId)).toEqual(expect.arrayContaining(created));
    const referents = [...new Set((await listAllProgress(db, cohortId)).map((p) => p.referentUserId))];
    expect(referents.length).toBeGreaterThan(0);
    for (const session of ours) {
      const audit = await listAuditForEntity(db, 'session', session.sessionId, { limit: 10 });
      expect(audit.items.map((e) => e.action)).toEqual(['session.created']);
      for (const referentUserId of referents) {
        const notices = await queryAllOf(db, outboxMessageEntity, { pk: outboxMessageEntity.partition('table', { dedupeKey: `training-session-added:${session.sessionId}:v1:${referentUserId}` }) });
        expect(notices, `${session.sessionId} → ${referentUserId}`).toHaveLength(1);
      }
    }
    const back = await call('GET', '/seasons', staff);
    expect(back.status).toBe(200);
  });
});
