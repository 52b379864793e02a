import type { Role } from '../access/principal';
import { letterBody } from '../notifications/letter';
import { newMessage, type OutboxMessage } from '../notifications/outbox';

/** The e-mails of accounts, in French (queued in the outbox with the change that causes them). */

/** Where the web app is (links in e-mails): set by the stack in AWS, by the local server locally. */
const webUrl = () => (process.env.WEB_URL ?? '').replace(/\/$/, '');

const roleWording = (role: Role, structureName?: string): string =>
  role === 'staff'
    ? 'membre de l’équipe Ansa'
    : role === 'tutor'
      ? 'tuteur ou tutrice A.CO.R.'
      : `référent·e de la structure « ${structureName ?? ''} »`;

export function signUpCodeMessage(input: { userId: string; displayName: string; code: string }, now: Date): OutboxMessage {
  const link = `${webUrl()}/confirmer-mon-compte?compte=${encodeURIComponent(input.userId)}&code=${input.code}`;
  return newMessage(
    {
      dedupeKey: `account-code:${input.userId}:${input.code}`,
      kind: 'account.sign-up-code',
      recipientUserId: input.userId,
      subject: 'Confirmez votre adresse e-mail',
      body: letterBody(input.displayName, [`Votre code de confirmation pour le programme d’essaimage : ${input.code}`, `Ou ouvrez ce lien : ${link}`, 'Ce code est valable 24 heures.']),
      related: { entityType: 'user', entityId: input.userId },
    },
    now,
  );
}

export function welcomeMessage(input: { userId: string; displayName: string }, now: Date): OutboxMessage {
  return newMessage(
    {
      dedupeKey: `account-welcome:${input.userId}`,
      kind: 'account.welcome',
      recipientUserId: input.userId,
      subject: 'Votre compte est créé',
      body: letterBody(input.displayName, [`Votre compte sur l’outil du programme d’essaimage est prêt. Vous pouvez candidater à un appel ouvert depuis la page « Candidater » : ${webUrl()}/candidater`]),
      related: { entityType: 'user', entityId: input.userId },
    },
    now,
  );
}

export function invitationMessage(
  input: { userId: string; displayName: string; role: Role; structureName?: string; invitedBy: string; activationToken?: string; delegate?: boolean },
  now: Date,
): OutboxMessage {
  const as = input.delegate ? `délégué·e de la structure « ${input.structureName ?? ''} »` : roleWording(input.role, input.structureName);
  const next = input.activationToken
    ? `Choisissez votre mot de passe pour activer votre compte (lien valable 7 jours) : ${webUrl()}/activer-mon-compte?jeton=${input.activationToken}`
    : 'Vous allez recevoir un second e-mail avec votre identifiant et un mot de passe provisoire, à changer à la première connexion.';
  return newMessage(
    {
      dedupeKey: `account-invitation:${input.userId}`,
      kind: 'account.invitation',
      recipientUserId: input.userId,
      subject: 'Invitation au programme d’essaimage',
      body: letterBody(input.displayName, [`${input.invitedBy} vous invite à rejoindre l’outil du programme d’essaimage en tant que ${as}.`, next]),
      related: { entityType: 'user', entityId: input.userId },
    },
    now,
  );
}
