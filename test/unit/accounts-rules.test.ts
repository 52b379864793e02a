import { describe, expect, it } from 'vitest';
import { accountEmailHash, hashPassword, newInvitationToken, newVerificationCode, passwordWeaknesses, verifyPassword } from '../../shared/accounts/rules';

describe('password policy (the user pool’s)', () => {
  it('asks for 12 characters with lower and upper case, a digit and a symbol', () => {
    expect(passwordWeaknesses('Essaimage-2026!')).toEqual([]);
    expect(passwordWeaknesses('Élan-de-Thiers9')).toEqual([]);
    expect(passwordWeaknesses('court')).toEqual(['length', 'uppercase', 'digit', 'symbol']);
    expect(passwordWeaknesses('toutenminuscule1!')).toEqual(['uppercase']);
    expect(passwordWeaknesses('TOUTENMAJUSCULE1!')).toEqual(['lowercase']);
    expect(passwordWeaknesses('SansChiffreIci!')).toEqual(['digit']);
    expect(passwordWeaknesses('SansSymbole2026 ')).toEqual(['symbol']);
  });
});

describe('local secrets', () => {
  it('hashes passwords with a salt and checks them', () => {
    const a = hashPassword('Essaimage-2026!');
    const b = hashPassword('Essaimage-2026!');
    expect(a).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(verifyPassword('Essaimage-2026!', a)).toBe(true);
    expect(verifyPassword('Essaimage-2026?', a)).toBe(false);
    expect(verifyPassword('Essaimage-2026!', null)).toBe(false);
    expect(verifyPassword('Essaimage-2026!', 'plain')).toBe(false);
  });

  it('keys e-mails without holding them, whatever their case and spaces', () => {
    expect(accountEmailHash(' Lina.Chevalier@Example.org ')).toBe(accountEmailHash('lina.chevalier@example.org'));
    expect(accountEmailHash('lina.chevalier@example.org')).not.toContain('lina');
  });

  it('makes six-digit codes and long URL-safe tokens', () => {
    for (let i = 0; i < 50; i++) expect(newVerificationCode()).toMatch(/^\d{6}$/);
    expect(newInvitationToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newInvitationToken()).not.toBe(newInvitationToken());
  });
});
