import { describe, expect, it } from 'vitest';
import { invitationMessage, signUpCodeMessage, welcomeMessage } from '../../shared/accounts/messages';
import { correctionMessage, decisionMessage } from '../../shared/applications/messages';
import { reportAcceptedLetter, reportChangesLetter, reportReminderLetter, reportReopenedLetter } from '../../shared/evaluation/messages';
import { labelDecisionLetter } from '../../shared/governance/messages';
import type { Letter } from '../../shared/notifications/letter';
import { newMessage, type OutboxMessage } from '../../shared/notifications/outbox';
import { newMessageEmail } from '../../shared/threads/messages';
import { sessionNoticeLetter } from '../../shared/training/notifications';
import type { Session } from '../../shared/training/schemas';
import { describeSession } from '../../shared/training/support';
import { overdueReminderLetter, requestCreatedLetter, requestMessageLetter, requestsClosedLetter, tutorAssignedLetter } from '../../shared/tutoring/messages';
import { frenchTextFaults, greetsByName } from '../support/french-text';

/**
 * Every e-mail the server writes, rendered with realistic facts: French dates and times (never an ISO date
 * nor « 00:00 »), agreement instead of « (s) », no raw id, no-break spaces, and a greeting by name.
 */
const now = new Date('2026-11-20T09:00:00Z');
const name = 'Claire Martin';
const structure = { name: 'Passerelle' };
const call = { title: 'Essaimage 2027' };
const request = {
  structureName: 'Passerelle',
  subject: 'Mobiliser les entreprises du bassin',
  axis: 'prospecting' as const,
  urgency: 'high' as const,
  createdAt: '2026-11-23T13:30:00Z',
  dueAt: '2026-11-24T23:00:00Z',
};
const session = (date: string, startTime: string) =>
  ({ date, startTime, durationMinutes: 150, mode: 'in-person', place: 'Ansa, Paris' }) as Session;
const stage = { name: 'Bilan intermédiaire', dueOn: '2026-12-01' };
const asMessage = (letter: Letter): OutboxMessage =>
  newMessage({ ...letter, dedupeKey: 'k', kind: 'test', recipientUserId: 'demo-referent-x', related: { entityType: 'x', entityId: 'x' } }, now);

const letters: Record<string, OutboxMessage> = {
  'account sign-up code': signUpCodeMessage({ userId: 'usr_abcdef12', displayName: name, code: '482913' }, now),
  'account welcome': welcomeMessage({ userId: 'usr_abcdef12', displayName: name }, now),
  'account invitation': invitationMessage({ userId: 'usr_abcdef12', displayName: name, role: 'referent', structureName: 'Passerelle', invitedBy: 'Paul Durand', activationToken: 'tok' }, now),
  'account delegate invitation': invitationMessage({ userId: 'usr_abcdef12', displayName: name, role: 'referent', structureName: 'Passerelle', invitedBy: 'Paul Durand', delegate: true }, now),
  'application selected': asMessage(decisionMessage(call, { structure }, 'selected', 'Un projet solide.', name)),
  'application waitlisted': asMessage(decisionMessage(call, { structure }, 'waitlisted', 'Un territoire déjà couvert.', name)),
  'application rejected': asMessage(decisionMessage(call, { structure }, 'rejected', 'Un effectif trop réduit.', name)),
  'application correction': asMessage(correctionMessage(call, { structure }, 'Joignez les comptes 2025.', '2026-12-10T17:00:00Z', name)),
  'report due soon': asMessage(reportReminderLetter('due-soon', stage, 'Passerelle', name)),
  'report due today': asMessage(reportReminderLetter('due-today', stage, 'Passerelle', name)),
  'report late': asMessage(reportReminderLetter('late', stage, 'Passerelle', name)),
  'report accepted': asMessage(reportAcceptedLetter(stage.name, 'Passerelle', name)),
  'report changes requested': asMessage(
    reportChangesLetter(stage.name, 'Passerelle', [{ path: 'indicators.backInJob', comment: 'Le chiffre semble élevé.' }, { comment: 'Précisez la période.' }], name),
  ),
  'report reopened': asMessage(reportReopenedLetter(stage.name, 'Passerelle', 'Une erreur de saisie.', name)),
  'label decision': asMessage(labelDecisionLetter('Passerelle', { decision: 'conditional', reasons: ['Fidélité solide'], conditions: ['Consolider le principe 3'] }, name)),
  'thread, staff wrote': asMessage(newMessageEmail({ structureName: 'Passerelle', essaimeId: 'ess_1' }, 'staff', 'Paul Durand', name)),
  'thread, structure wrote': asMessage(newMessageEmail({ structureName: 'Passerelle', essaimeId: null }, 'structure', 'Paul Durand', name)),
  'session added': asMessage(sessionNoticeLetter('added', 'Module 2', `Une nouvelle séance est prévue ${describeSession(session('2026-12-01', '09:30'))}.`, name)),
  'session moved': asMessage(
    sessionNoticeLetter('moved', 'Module 2', `La séance prévue ${describeSession(session('2026-12-01', '09:30'))} aura lieu ${describeSession(session('2026-12-03', '14:00'))}.`, name),
  ),
  'session cancelled': asMessage(sessionNoticeLetter('cancelled', 'Module 2', `La séance prévue ${describeSession(session('2026-12-01', '09:30'))} est annulée. Motif : grève.`, name)),
  'tutoring request created': asMessage(requestCreatedLetter(request, name)),
  'tutoring answer': asMessage(requestMessageLetter(request, true, name)),
  'tutoring follow-up': asMessage(requestMessageLetter(request, false, name)),
  'tutoring overdue': asMessage(overdueReminderLetter(request, 2, name)),
  'tutor assigned': asMessage(tutorAssignedLetter('Passerelle', 'Douaisis', name)),
  'requests closed (one)': asMessage(requestsClosedLetter('Passerelle', ['Mobiliser les entreprises'], name)),
  'requests closed (two)': asMessage(requestsClosedLetter('Passerelle', ['Mobiliser les entreprises', 'Fidéliser'], name)),
};

describe('the e-mails people receive', () => {
  it.each(Object.entries(letters))('%s: greets by name and reads as French', (_, message) => {
    expect(greetsByName(message.body, name), message.body).toBe(true);
    expect(frenchTextFaults(message.subject)).toEqual([]);
    expect(frenchTextFaults(message.body)).toEqual([]);
  });

  it('writes dates, deadlines and times in words, in Paris time', () => {
    expect(letters['tutoring request created']!.body).toContain('Réponse attendue au plus tard le 24 novembre 2026');
    expect(letters['tutoring overdue']!.body).toContain('depuis le 23 novembre 2026 à 14\u00a0h\u00a030');
    expect(letters['application correction']!.body).toContain('avant le 10 décembre 2026 à 18\u00a0h');
    expect(letters['report due soon']!.subject).toContain('au plus tard le 1er décembre 2026');
    expect(letters['session moved']!.body).toContain('le 3 décembre 2026 à 14\u00a0h (2\u00a0h\u00a030, en présentiel, Ansa, Paris)');
  });

  it('agrees with the count and names indicators by their label', () => {
    expect(letters['requests closed (one)']!.body).toContain('Votre demande en cours');
    expect(letters['requests closed (two)']!.subject).toContain('2\u00a0demandes closes');
    expect(letters['report changes requested']!.body).toContain("Personnes de retour à l'emploi\u00a0: Le chiffre semble élevé.");
  });

  it('finds each fault it is meant to find', () => {
    expect(frenchTextFaults('le 2026-11-25 à 00:00')).toHaveLength(2);
    expect(frenchTextFaults('1 critère(s) pour demo-staff-claire')).toHaveLength(2);
    expect(frenchTextFaults('Motif : non')).toHaveLength(1);
    expect(greetsByName('Bonjour Direction générale,', name)).toBe(false);
  });
});
