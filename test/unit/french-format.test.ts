import { describe, expect, it } from 'vitest';
import { countOf, formatDate, formatDateTime, formatDeadline, formatNumber, formatShortDate, formatTime, frenchTypography, greeting, quoted, personName, roleTitle } from '../../shared/i18n/french';
import * as web from '../../web/src/i18n/format';

/** The French formatters the server and the web share (dates, deadlines, counts, typography, titles, names). */
const nbsp = '\u00a0';
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('French dates and times', () => {
  it('writes days in words with « 1er » and times as « 18 h 30 »', () => {
    expect(formatDate('2026-11-25')).toBe('25 novembre 2026');
    expect(formatDate('2026-12-01')).toBe('1er décembre 2026');
    expect(formatTime('18:00')).toBe(`18${nbsp}h`);
    expect(formatTime('09:30')).toBe(`9${nbsp}h${nbsp}30`);
    expect(plain(formatDateTime('2026-11-25T17:30:00Z'))).toBe('25 novembre 2026 à 18 h 30');
    expect(formatShortDate('2019-10-07')).toBe('07/10/2019');
  });

  it('reads an instant in Paris time, whatever the server zone', () => {
    expect(formatDate('2026-06-30T22:30:00Z')).toBe('1er juillet 2026');
    expect(plain(formatDateTime('2019-10-07T12:30:00Z'))).toBe('7 octobre 2019 à 14 h 30');
    expect(plain(formatDeadline('2026-07-01T16:00:00Z'))).toBe('avant le 1er juillet 2026 à 18 h');
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
    expect(plain(formatNumber(1234.567))).toBe('1 234,57');
  });

  it('puts a no-break space before ; : ! ? » and after «, not in times or addresses', () => {
    expect(frenchTypography('Le principe « une offre, un candidat » : pourquoi ? Voilà !')).toBe(
      `Le principe «${nbsp}une offre, un candidat${nbsp}»${nbsp}: pourquoi${nbsp}? Voilà${nbsp}!`,
    );
    expect(frenchTypography('à 18:00, voir https://ansa.example')).toBe('à 18:00, voir https://ansa.example');
  });

  it('quotes a title once, its own quotes becoming the inner “ ”', () => {
    expect(quoted('Appel 2027')).toBe(`«${nbsp}Appel 2027${nbsp}»`);
    expect(quoted('Appel « Nouveaux territoires »')).toBe(`«${nbsp}Appel “Nouveaux territoires”${nbsp}»`);
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

  it('greets a person by name', () => {
    expect(greeting('Claire Martin')).toBe('Bonjour Claire Martin,');
    expect(greeting(' ')).toBe('Bonjour,');
  });
});

describe('one module for both sides', () => {
  it('is what the web app formats with', () => {
    expect(web.formatDeadline).toBe(formatDeadline);
    expect(web.countOf).toBe(countOf);
  });
});
