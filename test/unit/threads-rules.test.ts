import { describe, expect, it } from 'vitest';
import { dossierNumberPattern, formatDossierNumber } from '../../shared/applications/dossier-numbers';
import { newThreadMessageId, recipientsOf, sideOf, staffWritersAfter, unreadCount } from '../../shared/threads/rules';

describe('thread rules', () => {
  it('tells the sides apart: staff write for Ansa, referents for the structure', () => {
    expect(sideOf('staff')).toBe('staff');
    expect(sideOf('referent')).toBe('structure');
  });

  it('counts unread messages from the counters, never below zero', () => {
    expect(unreadCount(5, undefined)).toBe(5);
    expect(unreadCount(5, 3)).toBe(2);
    expect(unreadCount(5, 7)).toBe(0);
  });

  it('e-mails the other side only, never the author', () => {
    const base = { authorUserId: 'u-applicant', staffWriters: [] as string[], allStaff: ['s1', 's2'], structureSide: ['u-applicant', 'u-delegate'] };
    expect(recipientsOf({ ...base, side: 'structure' })).toEqual(['s1', 's2']);
    expect(recipientsOf({ ...base, side: 'structure', staffWriters: ['s2'] })).toEqual(['s2']);
    expect(recipientsOf({ ...base, side: 'staff', authorUserId: 's1' })).toEqual(['u-applicant', 'u-delegate']);
    expect(recipientsOf({ ...base, side: 'staff', authorUserId: 'u-delegate', structureSide: ['u-applicant', 'u-delegate', 'u-applicant'] })).toEqual(['u-applicant']);
  });

  it('keeps each staff writer once', () => {
    expect(staffWritersAfter(['s1'], 'staff', 's1')).toEqual(['s1']);
    expect(staffWritersAfter(['s1'], 'staff', 's2')).toEqual(['s1', 's2']);
    expect(staffWritersAfter(['s1'], 'structure', 'u1')).toEqual(['s1']);
  });

  it('makes message ids that sort by time', () => {
    const a = newThreadMessageId(new Date('2026-11-28T09:59:59.999Z'));
    const b = newThreadMessageId(new Date('2026-11-28T10:00:00.000Z'));
    expect(a).toMatch(/^thm_20261128T095959999Z-[0-9a-f-]{36}$/);
    expect([b, a].sort()).toEqual([a, b]);
  });
});

describe('dossier numbers', () => {
  it('reads YYYY-ESS-NNNN, padded to four digits and growing beyond', () => {
    expect(formatDossierNumber('2026', 42)).toBe('2026-ESS-0042');
    expect(formatDossierNumber('2026', 12345)).toBe('2026-ESS-12345');
    expect(formatDossierNumber('2026', 42)).toMatch(dossierNumberPattern);
  });
});
