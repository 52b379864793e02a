import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Prefixed ids say what they identify (sea_…, call_…, app_…). Register each kind here once: `newId` makes
 * them and `idSchema` validates them at the edge.
 */
export const idPrefixes = {
  season: 'sea',
  structure: 'str',
  essaime: 'ess',
  participant: 'par',
} as const satisfies Record<string, string>;

export type IdKind = keyof typeof idPrefixes;

export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${randomUUID()}`;
}

export function idSchema(kind: IdKind) {
  return z.string().regex(new RegExp(`^${idPrefixes[kind]}_[A-Za-z0-9-]{3,64}$`), `Not a ${kind} id`);
}
