import { describe, expect, it } from 'vitest';
import { countOf, formatDate, formatDateTime, formatDeadline, formatNumber, formatTime, frenchTypography, personName, roleTitle } from '../../web/src/i18n/format';

/** The web's French formatters (dates, deadlines, counts, typography, titles, names). */
const nbsp = '\u00a0';
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('French dates and times', () => {
  it('writes days in words with « 1er » and times as « 18 h 30 »', () => {
    expect(formatDate('2026-11-25')).toBe('25 novembre 2026');
    expect(formatDate('2026-12-01')).toBe('1er décembre 2026');
    expect(formatTime('18:00')).toBe(`18${nbsp}h`);
    expect(formatTime('09:30')).toBe(`9${nbsp}h${nbsp}30`);
    expect(plain(formatDateTime('2026-11-25T17:30:00Z'))).toBe('25 novembre 2026 à 18 h 30');
  });

  it('never shows « à 00:00 »: midnight is the day alone, a midnight deadline the end of the day before', () => {
    expect(formatDateTime('2026-11-24T23:00:00Z')).toBe('25 novembre 2026');
    expect(formatDeadline('2026-11-24T23:00:00Z')).toBe('au plus tard le 24 novembre 2026');
    expect(plain(formatDeadline('2026-11-25T17:00:00Z'))).toBe('avant le 25 novembre 2026 à 18 h');
    expect(formatDeadline('2026-11-25')).toBe('au plus tard le 25 novembre 2026');
  });
});

describe('counts, numbers and typography', () => {
  it('agrees the noun with its count', () => {
    expect(countOf(1, 'rapport accepté', 'rapports acceptés')).toBe(`1${nbsp}rapport accepté`);
    expect(countOf(3, 'rapport accepté', 'rapports acceptés')).toBe(`3${nbsp}rapports acceptés`);
    expect(countOf(0, 'critère', 'critères', 'aucun critère')).toBe('aucun critère');
    expect(countOf(0, 'critère', 'critères')).toBe(`0${nbsp}critère`);
    expect(plain(countOf(1234, 'heure', 'heures'))).toBe('1 234 heures');
  });

  it('writes numbers with a decimal comma and no-break thousands', () => {
    expect(plain(formatNumber(1234.5))).toBe('1 234,5');
    expect(formatNumber(1234.5)).not.toContain(' ');
  });

  it('puts a no-break space before ; : ! ? » and after «, not in times or addresses', () => {
    expect(frenchTypography('Le principe « une offre, un candidat » : pourquoi ? Voilà !')).toBe(
      `Le principe «${nbsp}une offre, un candidat${nbsp}»${nbsp}: pourquoi${nbsp}? Voilà${nbsp}!`,
    );
    expect(frenchTypography('à 18:00, voir https://ansa.example')).toBe('à 18:00, voir https://ansa.example');
  });
});

describe('people', () => {
  it('uses the role title that agrees with the person, inclusive when the gender is unknown', () => {
    expect(roleTitle('f', 'Référent', 'Référente')).toBe('Référente');
    expect(roleTitle('m', 'Référent', 'Référente')).toBe('Référent');
    expect(roleTitle(undefined, 'Référent', 'Référente')).toBe('Référent·e');
    expect(roleTitle(null, 'Directeur', 'Directrice')).toBe('Directeur ou Directrice');
  });

  it('shows a name, never an id', () => {
    expect(personName('demo-staff-claire', { 'demo-staff-claire': 'Claire Moreau' })).toBe('Claire Moreau');
    expect(personName('demo-staff-x', {})).toBe('Personne non identifiée');
  });
});
