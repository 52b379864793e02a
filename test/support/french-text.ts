import type { TestApi } from './api';

/**
 * What a text a person reads must not contain, and how a letter opens: the checks the e-mail tests share.
 * Returns the faults found (empty when the text reads well), so a failing test says which rule broke.
 */
export function frenchTextFaults(text: string): string[] {
  const faults: string[] = [];
  const prose = text.replace(/(?:https?:\/\/|(?<=\s)\/)\S+/g, '<lien>'); // links may carry ids
  const find = (rule: string, pattern: RegExp) => {
    const hit = prose.match(pattern);
    if (hit) faults.push(`${rule}: « ${hit[0]} »`);
  };
  find('ISO date', /\d{4}-\d{2}-\d{2}/);
  find('clock time with a colon (write « 14 h 30 »)', /\b\d{1,2}:\d{2}\b/);
  find('parenthesised ending (write both forms or agree)', /\w\((?:s|e|es|x|ne)\)/);
  find('raw id', /\b(?:demo-[a-z]+-[\w-]+|[a-z]+_[A-Za-z0-9-]{6,})\b/);
  find('ordinary space before ; : ! ? » or after «', /[^\S\u00a0\u202f\n](?=[;:!?»])|«[^\S\u00a0\u202f]/);
  find('English word', /\b(?:undefined|null|NaN|true|false)\b/);
  return faults;
}

/** The first line of a letter greets the person by name: « Bonjour Claire Martin, ». */
export function greetsByName(body: string, name: string): boolean {
  return body.split('\n')[0] === `Bonjour ${name},`;
}

/** « Bonjour Claire Martin, »: a person's first and last names, each capitalised (never « Direction générale »). */
const personGreeting = /^Bonjour \p{Lu}[\p{L}'’-]+(?: (?:de |d’|du )?[\p{Lu}\d][\p{L}\d'’-]*)+,$/u;

/** The faults of outbox messages (subject, body, greeting), each prefixed by the message's kind. */
export function outboxFaults(messages: readonly { kind: string; subject: string; body: string }[]): string[] {
  return messages.flatMap((m) => [
    ...frenchTextFaults(m.subject),
    ...frenchTextFaults(m.body),
    ...(personGreeting.test(m.body.split('\n')[0] ?? '') ? [] : [`greeting: « ${m.body.split('\n')[0]} »`]),
  ].map((fault) => `${m.kind}: ${fault}`));
}

/** Every message of the outbox (seeded flows and the test's own), read as staff page by page. */
export async function everyOutboxMessage(api: TestApi): Promise<{ kind: string; subject: string; body: string }[]> {
  const items: { kind: string; subject: string; body: string }[] = [];
  let cursor: string | undefined;
  do {
    const res = await api.call('GET', `/outbox?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { as: 'demo-staff-claire' });
    if (res.status !== 200) throw new Error(res.text);
    items.push(...res.body.items);
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
