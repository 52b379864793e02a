import type { Db } from '../db/client';
import { frenchTypography, greeting } from '../i18n/french';
import { getProfile } from '../identity/repository';

/** What an e-mail says (the outbox adds who, when and why). */
export interface Letter {
  subject: string;
  body: string;
}

export const ANSA_SIGNATURE = "L'équipe de l'Accélérateur d'innovation sociale (Ansa)";

/** A letter's body (e-mail or PDF): the greeting by the person's name, the paragraphs, the signature; one blank line between. */
export function letterBody(recipientName: string | null | undefined, paragraphs: readonly string[], signature: string = ANSA_SIGNATURE): string {
  return frenchTypography([greeting(recipientName), ...paragraphs, signature].join('\n\n'));
}

/** The names e-mails greet their recipients by (each user's display name), read by key. */
export async function displayNamesOf(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  const profiles = await Promise.all([...new Set(userIds)].map((userId) => getProfile(db, userId)));
  return new Map(profiles.flatMap((p) => (p ? [[p.userId, p.displayName] as const] : [])));
}

export async function displayNameOf(db: Db, userId: string): Promise<string | undefined> {
  return (await getProfile(db, userId))?.displayName;
}
