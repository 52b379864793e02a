import { describe, expect, it } from 'vitest';
import { roleFromClaims, subjectFromClaims, type Principal } from '../../shared/access/principal';
import { assertRole, assertStructureAccess, canAccessStructure } from '../../shared/access/policy';
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
  it('hides existence (404) by default, reveals it (403) on demand', () => {
    try {
      assertStructureAccess(referent, 'str_b', 'Application');
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).status).toBe(404);
    }
    try {
      assertStructureAccess(referent, 'str_b', 'Application', { revealExistence: true });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).status).toBe(403);
    }
  });
});
