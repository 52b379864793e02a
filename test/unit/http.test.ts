import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../shared/db/pagination';
import { DomainError, conflict } from '../../shared/errors';
import { toErrorResponse } from '../../shared/http/errors';

describe('pagination cursor', () => {
  const seasons = { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'SEASONS' } };
  const calls = { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'CALLS' } };
  it('round-trips a key within its list', () => {
    const key = { pk: 'SEASON#x', sk: 'SEASON', gsi1pk: 'SEASONS', gsi1sk: '2019#x' };
    expect(decodeCursor(seasons, encodeCursor(seasons, key) ?? undefined)).toEqual(key);
  });
  it('refuses a cursor of another list with a 400', () => {
    const cursor = encodeCursor(seasons, { pk: 'SEASON#x', sk: 'SEASON', gsi1pk: 'SEASONS', gsi1sk: '2019#x' })!;
    expect(() => decodeCursor(calls, cursor)).toThrowError(expect.objectContaining({ code: 'INVALID_CURSOR', status: 400 }));
  });
  it('refuses a forged, tampered or broken cursor with a 400', () => {
    const good = encodeCursor(seasons, { pk: 'SEASON#x', sk: 'SEASON', gsi1pk: 'SEASONS', gsi1sk: '2019#x' })!;
    const tampered = `${Buffer.from('{"pk":"SEASON#y","sk":"SEASON","gsi1pk":"SEASONS","gsi1sk":"2020#y"}').toString('base64url')}.${good.split('.')[1]}`;
    for (const bad of ['%%%', 'a.b.c', Buffer.from('[1]').toString('base64url'), Buffer.from('{"pk":1}').toString('base64url'), tampered]) {
      expect(() => decodeCursor(seasons, bad)).toThrowError(DomainError);
    }
  });
});

describe('error map', () => {
  it('keeps the status and stable code of domain errors', () => {
    const { response, unexpected } = toErrorResponse(conflict('CALL_FULL', 'Full', [{ path: 'decision', message: 'x' }]));
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body as string)).toEqual({ error: { code: 'CALL_FULL', message: 'Full', details: [{ path: 'decision', message: 'x' }] } });
    expect(unexpected).toBe(false);
  });
  it('turns anything else into a generic 500 that leaks nothing', () => {
    const { response, unexpected } = toErrorResponse(new Error('secret table name'));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(unexpected).toBe(true);
  });
});
