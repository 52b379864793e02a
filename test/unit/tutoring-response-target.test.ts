import { describe, expect, it } from 'vitest';
import { tutoringRequestEntity, tutoringSettingsEntity } from '../../shared/tutoring/entities';
import { responseTargetLabel } from '../../shared/tutoring/schemas';
import { addWorkingDays, endOfParisDay, responseDueAt, workingMinutesBetween } from '../../shared/tutoring/working-days';

const utc = (iso: string) => new Date(iso);
const sameDay = (cutoffHour: number) => ({ rule: 'same-day', cutoffHour }) as const;
const due = (start: string, cutoffHour = 12) => responseDueAt(utc(start), sameDay(cutoffHour)).toISOString();

describe('the same-working-day target ("A.CO.R. répond dans la journée")', () => {
  it('is due the same evening for a request made on a working day before the cut-off hour', () => {
    // Monday 18 Nov 2019, 10:00 in Paris (UTC+1) → 23:59:59.999 that day
    expect(due('2019-11-18T09:00:00Z')).toBe('2019-11-18T22:59:59.999Z');
    // 11:59 is still before 12 h
    expect(due('2019-11-18T10:59:00Z')).toBe('2019-11-18T22:59:59.999Z');
    // Summer time (UTC+2): Tuesday 30 June 2020, 10:00
    expect(due('2020-06-30T08:00:00Z')).toBe('2020-06-30T21:59:59.999Z');
  });

  it('moves to the next working day from the cut-off hour on', () => {
    // 12:00 sharp in Paris is no longer "before 12 h"
    expect(due('2019-11-18T11:00:00Z')).toBe('2019-11-19T22:59:59.999Z');
    expect(due('2019-11-18T16:30:00Z')).toBe('2019-11-19T22:59:59.999Z');
    // the same instant with a later cut-off stays on the day
    expect(due('2019-11-18T16:30:00Z', 18)).toBe('2019-11-18T22:59:59.999Z');
  });

  it('takes a Friday evening request to Monday evening', () => {
    expect(due('2019-11-15T17:00:00Z')).toBe('2019-11-18T22:59:59.999Z');
  });

  it('skips public holidays and weekends', () => {
    // Friday 8 Nov 2019, 18:00 → Monday 11 is Armistice → Tuesday 12
    expect(due('2019-11-08T17:00:00Z')).toBe('2019-11-12T22:59:59.999Z');
    // Easter Monday 2020, 09:00 (a holiday, even before the cut-off) → Tuesday 14 April
    expect(due('2020-04-13T07:00:00Z')).toBe('2020-04-14T21:59:59.999Z');
    // Saturday morning → Monday evening
    expect(due('2019-11-16T08:00:00Z')).toBe('2019-11-18T22:59:59.999Z');
    // Friday 27 March 2020, 17:00 (UTC+1) → Monday 30 March, after the change to summer time (UTC+2)
    expect(due('2020-03-27T16:00:00Z', 16)).toBe('2020-03-30T21:59:59.999Z');
  });

  it('reads the Paris cut-off hour, not the UTC one', () => {
    // 11:30 UTC is 12:30 in Paris in winter: after a 12 h cut-off
    expect(due('2019-11-18T11:30:00Z')).toBe('2019-11-19T22:59:59.999Z');
    // 10:30 UTC is 12:30 in Paris in summer too
    expect(due('2020-06-30T10:30:00Z')).toBe('2020-07-01T21:59:59.999Z');
  });

  it('leaves the N-working-days rule as it was', () => {
    const start = utc('2019-11-18T09:00:00Z');
    expect(responseDueAt(start, { rule: 'working-days', workingDays: 1 })).toEqual(addWorkingDays(start, 1));
    expect(responseDueAt(start, { rule: 'working-days', workingDays: 1 }).toISOString()).toBe('2019-11-19T09:00:00.000Z');
    expect(workingMinutesBetween(start, responseDueAt(start, { rule: 'working-days', workingDays: 2 }))).toBe(48 * 60);
  });

  it('refuses a cut-off hour outside 1–23', () => {
    expect(() => responseDueAt(utc('2019-11-18T09:00:00Z'), sameDay(0))).toThrow();
    expect(() => responseDueAt(utc('2019-11-18T09:00:00Z'), sameDay(24))).toThrow();
    expect(() => responseDueAt(utc('2019-11-18T09:00:00Z'), sameDay(9.5))).toThrow();
  });

  it('ends a French day at 23:59:59.999 local time, summer or winter', () => {
    expect(endOfParisDay('2019-12-31').toISOString()).toBe('2019-12-31T22:59:59.999Z');
    expect(endOfParisDay('2020-03-29').toISOString()).toBe('2020-03-29T21:59:59.999Z');
  });

  it('reads in French', () => {
    expect(responseTargetLabel(sameDay(12))).toBe('dans la journée ouvrée (demande reçue avant 12 h ; après, le jour ouvré suivant)');
    expect(responseTargetLabel({ rule: 'working-days', workingDays: 1 })).toBe('en 1 jour ouvré');
    expect(responseTargetLabel({ rule: 'working-days', workingDays: 3 })).toBe('en 3 jours ouvrés');
  });
});

describe('requests and settings stored under the former rule keep it', () => {
  const stored = {
    pk: 'TREQ#r1',
    sk: 'REQUEST',
    type: 'TutoringRequest',
    requestId: 'r1',
    essaimeId: 'e1',
    seasonId: 's1',
    structureId: 'str_x',
    structureName: 'X',
    tutorUserId: 'tut',
    referentUserId: 'ref',
    subject: 'Sujet',
    axis: 'matching',
    text: 'Texte',
    urgency: 'normal',
    status: 'awaiting-answer',
    createdAt: '2019-11-18T09:00:00.000Z',
    dueAt: '2019-11-20T09:00:00.000Z',
    firstAnsweredAt: null,
    responseWorkingMinutes: null,
    overdueSince: null,
    messageCount: 0,
    lastMessageAt: '2019-11-18T09:00:00.000Z',
    lastMessageBy: 'referent',
    closedAt: null,
    rating: null,
    ratingComment: null,
    guideEntryId: null,
    version: 1,
  };

  it('reads a request stored with a number of working days as that rule, due date untouched', () => {
    const read = tutoringRequestEntity.parse({ ...stored, responseTargetWorkingDays: 2 });
    expect(read).toMatchObject({ responseTarget: { rule: 'working-days', workingDays: 2 }, dueAt: '2019-11-20T09:00:00.000Z' });
    expect(read).not.toHaveProperty('responseTargetWorkingDays');
    // the oldest requests named the field targetWorkingDays
    expect(tutoringRequestEntity.parse({ ...stored, targetWorkingDays: 3 }).responseTarget).toEqual({ rule: 'working-days', workingDays: 3 });
  });

  it('keeps a same-day request as stored', () => {
    const read = tutoringRequestEntity.parse({ ...stored, responseTarget: sameDay(14), dueAt: '2019-11-18T22:59:59.999Z' });
    expect(read).toMatchObject({ responseTarget: sameDay(14), dueAt: '2019-11-18T22:59:59.999Z' });
  });

  it('reads former settings as the working-days rule', () => {
    const read = tutoringSettingsEntity.parse({ pk: 'SETTINGS#TUTORING', sk: 'SETTINGS', type: 'TutoringSettings', responseTargetWorkingDays: 2, version: 3, updatedAt: '2020-01-01T00:00:00.000Z' });
    expect(read).toEqual({ responseTarget: { rule: 'working-days', workingDays: 2 }, version: 3, updatedAt: '2020-01-01T00:00:00.000Z' });
  });
});
