import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAll } from '../../shared/db/pagination';
import { IDEMPOTENCY_TTL_SECONDS } from '../../shared/http/idempotency';
import { startTestApi, type TestApi } from '../support/api';

/**
 * Idempotency-Key on creating POSTs (shared/http/idempotency.ts), over HTTP on the local product (no demo
 * data: a season and its steering meetings): one record per key, the first answer replayed, another body
 * refused, keys scoped to their caller, a TTL, a refused request's key released.
 */
let api: TestApi;
let seasonId: string;
let meetingsPath: string;
const claire = 'demo-staff-claire';
const thomas = 'demo-staff-thomas';

beforeAll(async () => {
  api = await startTestApi({ seed: false });
  const season = await api.call('POST', '/seasons', { as: claire, body: { name: 'Saison idempotence', year: 2031, startDate: '2031-09-01', endDate: '2033-03-31' } });
  expect(season.status).toBe(201);
  seasonId = season.body.seasonId;
  meetingsPath = `/seasons/${seasonId}/steering-meetings`;
});
afterAll(() => api?.stop());

const db = () => api.product.deps.db;

const meeting = (notes: string) => ({
  body: 'steering-body',
  // a meeting is recorded once held: a past date, whatever the season's year
  date: '2025-10-01',
  membersPresent: [{ name: 'Claire Martin', organisation: 'Ansa' }],
  decisions: [],
  notes,
});

/** The season's meetings with these notes, as stored. */
async function stored(notes: string): Promise<Record<string, unknown>[]> {
  const items = await queryAll(db(), {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `SEASON#${seasonId}#MEETINGS` },
  });
  return items.filter((item) => item.notes === notes);
}

const post = (as: string, key: string | undefined, body: unknown, path = meetingsPath) =>
  api.call('POST', path, { as, body, ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }) });

describe('Idempotency-Key', () => {
  it('creates one record for a retried POST and answers the first answer again', async () => {
    const body = meeting('Relancer la structure pour les pièces (idem-1)');
    const first = await post(claire, 'meeting-key-1', body);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await post(claire, 'meeting-key-1', body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await stored(body.notes)).toHaveLength(1);
  });

  it('refuses the same key with another body (422), and writes nothing', async () => {
    const first = await post(claire, 'meeting-key-2', meeting('Première version (idem-2)'));
    expect(first.status).toBe(201);
    const other = await post(claire, 'meeting-key-2', meeting('Autre texte (idem-2)'));
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await stored('Autre texte (idem-2)')).toHaveLength(0);
  });

  it('keeps the usual behaviour without a key: each POST creates', async () => {
    const body = meeting('Sans clé (idem-3)');
    expect((await post(claire, undefined, body)).status).toBe(201);
    const again = await post(claire, undefined, body);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await stored(body.notes)).toHaveLength(2);
  });

  it('scopes keys to their caller: two users with one key create two records', async () => {
    const body = meeting('Même clé, deux personnes (idem-4)');
    const a = await post(claire, 'shared-key', body);
    const b = await post(thomas, 'shared-key', body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.meetingId).not.toBe(a.body.meetingId);
    expect(await stored(body.notes)).toHaveLength(2);
  });

  it('stores the answer with its TTL attribute (expiresAt, 24 h)', async () => {
    const before = Math.floor(Date.now() / 1000);
    expect((await post(claire, 'ttl-key:1.a_b-c', meeting('TTL (idem-5)'))).status).toBe(201);
    const [record] = await queryAll(db(), {
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': `IDEMPOTENCY#${claire}`, ':sk': 'recordSteeringMeeting#ttl-key:1.a_b-c' },
      ConsistentRead: true,
    });
    expect(record).toMatchObject({ type: 'IdempotencyRecord', state: 'done', answerStatus: 201 });
    expect(record!.expiresAt).toBeGreaterThanOrEqual(before + IDEMPOTENCY_TTL_SECONDS);
    expect(record!.expiresAt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS);
  });

  it('lets parallel retries through once: one record, the others replayed or told it is in progress', async () => {
    const body = meeting('En parallèle (idem-6)');
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(claire, 'parallel-key', body)));
    for (const answer of answers) {
      if (answer.status === 409) expect(answer.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      else expect(answer.status).toBe(201);
    }
    expect(answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await stored(body.notes)).toHaveLength(1);
  });

  it('releases the key of a refused request, so the fixed request goes through', async () => {
    const refused = await post(claire, 'fix-and-retry', meeting('Sur une candidature inconnue (idem-7)'), `/seasons/${seasonId.split('_')[0]}_00000000-0000-0000-0000-000000000000/steering-meetings`);
    expect(refused.status).toBe(404);
    const fixed = await post(claire, 'fix-and-retry', meeting('Sur la bonne candidature (idem-7)'));
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a malformed key (400 on headers.idempotency-key) and writes nothing', async () => {
    for (const key of ['', 'a b', 'x'.repeat(129), 'clé']) {
      const res = await post(claire, key, meeting('Clé invalide (idem-8)'));
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'headers.idempotency-key' }] });
    }
    expect(await stored('Clé invalide (idem-8)')).toHaveLength(0);
  });
});
