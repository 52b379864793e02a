import { describe, expect, it } from 'vitest';
import { addDays, frenchDate, frenchDateTime, frenchNumber, frenchShortDate, frenchTime, parisDay } from '../../shared/calendar';

describe('the Paris calendar day', () => {
  it('is already the next day in Paris before midnight UTC (summer, UTC+2)', () => {
    expect(parisDay(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(parisDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
  it('follows winter time (UTC+1)', () => {
    expect(parisDay(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(parisDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
  it('adds calendar days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('French formats', () => {
  it('writes long dates, with the first of the month as an ordinal', () => {
    expect(frenchDate('2020-03-15')).toBe('15 mars 2020');
    expect(frenchDate('2020-03-01')).toBe('1er mars 2020');
  });
  it('reads an instant in French time', () => {
    expect(frenchDate('2026-06-30T22:30:00Z')).toBe('1er juillet 2026');
    expect(frenchDateTime('2019-10-07T12:30:00Z')).toBe('lundi 7 octobre 2019 à 14:30');
  });
  it('writes short dates, times and numbers', () => {
    expect(frenchShortDate('2019-10-07')).toBe('07/10/2019');
    expect(frenchTime('14:30')).toBe('14h30');
    expect(frenchNumber(1234.567)).toBe('1\u202f234,57');
  });
});
