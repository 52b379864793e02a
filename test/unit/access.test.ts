import { describe, expect, it } from 'vitest';
import { roleFromClaims, subjectFromClaims, type Principal } from '../../shared/access/principal';
import {
  assertAssignedTutor,
  assertAuthorOrStructureReader,
  assertFollowedRecordVisible,
  assertReferentOf,
  assertRole,
  assertSelfOrStaff,
  assertStructureVisible,
  canAccessStructure,
  seesContactDetails,
} from '../../shared/access/policy';
import { DomainError } from '../../shared/errors';

const staff: Principal = { userId: 's', role: 'staff', structureIds: [] };
const referent: Principal = { userId: 'r', role: 'referent', structureIds: ['str_a'] };
const tutor: Principal = { userId: 't', role: 'tutor', structureIds: ['str_b'] };

describe('roles from claims', () => {
  it('reads API Gateway flattened arrays and real arrays', () => {
    expect(roleFromClaims({ 'cognito:groups': '[referent]' })).toBe('referent');
    expect(roleFromClaims({ 'cognito:groups': ['tutor'] })).toBe('tutor');
  });
  it('gives the highest role when a user is in several groups', () => {
    expect(roleFromClaims({ 'cognito:groups': '[referent staff]' })).toBe('staff');
  });
  it('gives no role for unknown or missing groups', () => {
    expect(roleFromClaims({ 'cognito:groups': '[admins]' })).toBeUndefined();
    expect(roleFromClaims({})).toBeUndefined();
  });
  it('requires a non-empty subject', () => {
    expect(subjectFromClaims({ sub: '' })).toBeUndefined();
    expect(subjectFromClaims({ sub: 'abc' })).toBe('abc');
  });
});

describe('access policy', () => {
  it('denies a role that the route does not list', () => {
    expect(() => assertRole(referent, ['staff'])).toThrowError(DomainError);
    expect(() => assertRole(staff, ['staff'])).not.toThrow();
  });
  it('lets staff reach every structure', () => {
    expect(canAccessStructure(staff, 'anything')).toBe(true);
  });
  it('limits referents and tutors to their structures', () => {
    expect(canAccessStructure(referent, 'str_a')).toBe(true);
    expect(canAccessStructure(referent, 'str_b')).toBe(false);
    expect(canAccessStructure(tutor, 'str_b')).toBe(true);
    expect(canAccessStructure(tutor, 'str_a')).toBe(false);
  });
});

/** The status of the DomainError `run` throws, or 'allowed'. */
function answer(run: () => void): number | 'allowed' {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.status;
  }
}

const otherReferent: Principal = { userId: 'r2', role: 'referent', structureIds: ['str_b'] };

describe('ownership rules, one answer each', () => {
  it('hides another structure (404)', () => {
    expect(answer(() => assertStructureVisible(referent, 'str_b', 'Application'))).toBe(404);
    expect(answer(() => assertStructureVisible(tutor, 'str_b'))).toBe('allowed');
    expect(answer(() => assertStructureVisible(staff, 'str_z'))).toBe('allowed');
  });
  it('lets only the referent act for a structure they name (403 NOT_YOUR_STRUCTURE)', () => {
    expect(answer(() => assertReferentOf(referent, 'str_a'))).toBe('allowed');
    expect(answer(() => assertReferentOf(referent, 'str_b'))).toBe(403);
    expect(answer(() => assertReferentOf(tutor, 'str_b'))).toBe(403);
    expect(() => assertReferentOf(staff, 'str_a')).toThrowError(expect.objectContaining({ code: 'NOT_YOUR_STRUCTURE' }));
  });
  it("refuses another person's data (403 NOT_YOUR_DATA), to everyone but staff", () => {
    expect(answer(() => assertSelfOrStaff(referent, 'r'))).toBe('allowed');
    expect(answer(() => assertSelfOrStaff(staff, 'r'))).toBe('allowed');
    expect(() => assertSelfOrStaff(tutor, 'r')).toThrowError(expect.objectContaining({ code: 'NOT_YOUR_DATA', status: 403 }));
  });
  it('admits only the assigned tutor (404 to anyone else, staff included)', () => {
    expect(answer(() => assertAssignedTutor(tutor, 't'))).toBe('allowed');
    expect(answer(() => assertAssignedTutor(tutor, 'someone-else'))).toBe(404);
    expect(answer(() => assertAssignedTutor(tutor, null))).toBe(404);
    expect(answer(() => assertAssignedTutor(staff, 't'))).toBe(404);
  });
  it('shows a followed record to its tutor, its structure and staff (404 otherwise)', () => {
    const record = { structureId: 'str_a', tutorUserId: 't' };
    expect(answer(() => assertFollowedRecordVisible(tutor, record))).toBe('allowed');
    expect(answer(() => assertFollowedRecordVisible({ ...tutor, userId: 't2', structureIds: ['str_a'] }, record))).toBe(404);
    expect(answer(() => assertFollowedRecordVisible(referent, record))).toBe('allowed');
    expect(answer(() => assertFollowedRecordVisible(otherReferent, record))).toBe(404);
    expect(answer(() => assertFollowedRecordVisible(staff, record))).toBe('allowed');
  });
  it("lets the structure's referents read what another referent wrote, but only its author change it", () => {
    const record = { authorUserId: 'r', structureId: 'str_b' };
    expect(answer(() => assertAuthorOrStructureReader(referent, record, 'write'))).toBe('allowed');
    expect(answer(() => assertAuthorOrStructureReader(otherReferent, record, 'read'))).toBe('allowed');
    expect(answer(() => assertAuthorOrStructureReader(otherReferent, record, 'write'))).toBe(404);
    expect(answer(() => assertAuthorOrStructureReader(tutor, record, 'read'))).toBe(404);
    expect(answer(() => assertAuthorOrStructureReader(staff, record, 'write'))).toBe('allowed');
  });
  it('shows contact details to staff and referents only', () => {
    expect([staff, referent, tutor].map(seesContactDetails)).toEqual([true, true, false]);
  });
});
