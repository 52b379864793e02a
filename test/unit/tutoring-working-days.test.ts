import { describe, expect, it } from 'vitest';
import { parisDay } from '../../shared/calendar';
import { reminderNumber } from '../../shared/tutoring/rules';
import {
  addWorkingDays,
  easterSunday,
  frenchPublicHolidays,
  isWorkingDay,
  parisInstant,
  workingMinutesBetween,
} from '../../shared/tutoring/working-days';

const utc = (iso: string) => new Date(iso);

describe('Easter and French public holidays', () => {
  it.each([
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the eleven national holidays, with the movable ones computed from Easter', () => {
    const h2020 = frenchPublicHolidays(2020);
    expect(h2020.size).toBe(11);
    expect(h2020.get('2020-04-13')).toBe('Lundi de Pâques');
    expect(h2020.get('2020-05-21')).toBe('Ascension');
    expect(h2020.get('2020-06-01')).toBe('Lundi de Pentecôte');
    const h2024 = frenchPublicHolidays(2024);
    expect(h2024.get('2024-04-01')).toBe('Lundi de Pâques');
    expect(h2024.get('2024-05-09')).toBe('Ascension');
    expect(h2024.get('2024-05-20')).toBe('Lundi de Pentecôte');
    for (const fixed of ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25']) expect(h2024.has(`2024-${fixed}`)).toBe(true);
    expect(h2024.has('2024-03-29')).toBe(false); // Good Friday: Alsace-Moselle only
  });

  it('knows working days: not weekends, not public holidays', () => {
    expect(isWorkingDay('2019-11-15')).toBe(true); // Friday
    expect(isWorkingDay('2019-11-16')).toBe(false); // Saturday
    expect(isWorkingDay('2019-11-17')).toBe(false); // Sunday
    expect(isWorkingDay('2019-11-11')).toBe(false); // Armistice, a Monday
    expect(isWorkingDay('2020-04-13')).toBe(false); // Easter Monday
  });
});

describe('Paris local time', () => {
  it('converts instants to French dates and back across summer time', () => {
    expect(parisDay(utc('2019-11-15T23:30:00Z'))).toBe('2019-11-16'); // 00:30 in Paris (UTC+1)
    expect(parisDay(utc('2020-06-30T22:30:00Z'))).toBe('2020-07-01'); // 00:30 in Paris (UTC+2)
    expect(parisInstant('2019-11-19').toISOString()).toBe('2019-11-18T23:00:00.000Z');
    expect(parisInstant('2020-07-01').toISOString()).toBe('2020-06-30T22:00:00.000Z');
    expect(parisInstant('2020-03-30', 10 * 3600_000).toISOString()).toBe('2020-03-30T08:00:00.000Z');
  });
});

describe('due date of a first answer (one working day)', () => {
  it('a weekday request is due at the same time the next working day', () => {
    // Monday 18 November 2019, 10:00 in Paris
    expect(addWorkingDays(utc('2019-11-18T09:00:00Z'), 1).toISOString()).toBe('2019-11-19T09:00:00.000Z');
  });

  it('across a weekend: Friday 17:00 is due Monday 17:00', () => {
    expect(addWorkingDays(utc('2019-11-15T16:00:00Z'), 1).toISOString()).toBe('2019-11-18T16:00:00.000Z');
  });

  it('across a weekend and a public holiday: Friday before Armistice Monday is due Tuesday', () => {
    expect(addWorkingDays(utc('2019-11-08T14:00:00Z'), 1).toISOString()).toBe('2019-11-12T14:00:00.000Z');
  });

  it('across Easter Monday: Friday 10 April 2020 09:00 is due Tuesday 14 April 09:00', () => {
    expect(addWorkingDays(utc('2020-04-10T07:00:00Z'), 1).toISOString()).toBe('2020-04-14T07:00:00.000Z');
  });

  it('across Ascension Thursday: Wednesday is due Friday', () => {
    expect(addWorkingDays(utc('2020-05-20T12:00:00Z'), 1).toISOString()).toBe('2020-05-22T12:00:00.000Z');
  });

  it('across Whit Monday (2024): Friday 17 May is due Tuesday 21 May', () => {
    expect(addWorkingDays(utc('2024-05-17T08:00:00Z'), 1).toISOString()).toBe('2024-05-21T08:00:00.000Z');
  });

  it('a request made on Saturday starts the clock on Monday 00:00 and is due at the end of Monday', () => {
    expect(addWorkingDays(utc('2019-11-16T10:00:00Z'), 1).toISOString()).toBe('2019-11-18T23:00:00.000Z');
  });

  it('keeps the French wall-clock time across the change to summer time', () => {
    // Friday 27 March 2020 10:00 CET → Monday 30 March 10:00 CEST
    expect(addWorkingDays(utc('2020-03-27T09:00:00Z'), 1).toISOString()).toBe('2020-03-30T08:00:00.000Z');
  });

  it('handles a configurable target of several working days', () => {
    // Thursday 19 Dec 2019 12:00 + 3 working days: Fri 20, Mon 23, Tue 24 (Christmas and the weekend skipped)
    expect(addWorkingDays(utc('2019-12-19T11:00:00Z'), 3).toISOString()).toBe('2019-12-24T11:00:00.000Z');
    expect(addWorkingDays(utc('2019-12-24T11:00:00Z'), 1).toISOString()).toBe('2019-12-26T11:00:00.000Z');
  });
});

describe('working time elapsed', () => {
  it('counts nothing over a weekend', () => {
    expect(workingMinutesBetween(utc('2019-11-16T08:00:00Z'), utc('2019-11-17T20:00:00Z'))).toBe(0);
  });

  it('counts Friday afternoon and Monday morning only', () => {
    // Friday 16:00 → Monday 10:00 (Paris): 8 h on Friday + 10 h on Monday
    expect(workingMinutesBetween(utc('2019-11-15T15:00:00Z'), utc('2019-11-18T09:00:00Z'))).toBe(18 * 60);
  });

  it('skips a public holiday', () => {
    // Friday 8 Nov 12:00 → Tuesday 12 Nov 12:00: Friday 12 h + Tuesday 12 h (Monday 11 is Armistice)
    expect(workingMinutesBetween(utc('2019-11-08T11:00:00Z'), utc('2019-11-12T11:00:00Z'))).toBe(24 * 60);
  });

  it('matches the due date: exactly one working day between a request and its due date', () => {
    for (const start of ['2019-11-15T16:00:00Z', '2020-04-10T07:00:00Z', '2020-03-27T09:00:00Z', '2019-11-18T09:00:00Z']) {
      const due = addWorkingDays(utc(start), 1);
      expect(workingMinutesBetween(utc(start), due)).toBe(24 * 60);
    }
  });

  it('is zero when the end is not after the start', () => {
    expect(workingMinutesBetween(utc('2019-11-18T09:00:00Z'), utc('2019-11-18T08:00:00Z'))).toBe(0);
  });
});

describe('reminder number of an overdue request', () => {
  const due = '2019-11-15T16:00:00.000Z'; // Friday 17:00
  it('is 1 during the first working day past due, and does not move over the weekend', () => {
    expect(reminderNumber(due, utc('2019-11-15T18:00:00Z'))).toBe(1);
    expect(reminderNumber(due, utc('2019-11-17T18:00:00Z'))).toBe(1);
    expect(reminderNumber(due, utc('2019-11-18T15:59:00Z'))).toBe(1);
  });
  it('becomes 2 one working day later', () => {
    expect(reminderNumber(due, utc('2019-11-18T16:00:00Z'))).toBe(2);
  });
});
