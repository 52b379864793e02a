import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../shared/db/pagination';
import { DomainError, conflict } from '../../shared/errors';
import { toErrorResponse } from '../../shared/http/errors';

describe('pagination cursor', () => {
  it('round-trips a key', () => {
    const key = { pk: 'SEASONS', sk: '2019#x' };
    expect(decodeCursor(encodeCursor(key) ?? undefined)).toEqual(key);
  });
  it('refuses a forged or broken cursor with a 400', () => {
    for (const bad of ['%%%', Buffer.from('[1]').toString('base64url'), Buffer.from('{"pk":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrowError(DomainError);
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
