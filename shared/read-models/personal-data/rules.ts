/**
 * Pure rules of personal-data erasure: which strings identify a person, and replacing them wherever they
 * were copied (free text, audit changes, messages) without touching the keys of an item.
 */
export const ERASED_TEXT = '[donnée effacée]';

const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'type']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The strings to erase: the full name and the email; strings under four characters only when a whole value equals them. */
export function needlesOf(person: { name?: string | null; email?: string | null }): string[] {
  return [person.name, person.email].map((s) => (s ?? '').trim()).filter((s) => s.length >= 2);
}

function matcher(needles: string[]): { test: (s: string) => boolean; replace: (s: string) => string } {
  const long = needles.filter((n) => n.length >= 4);
  const short = new Set(needles.filter((n) => n.length < 4).map((n) => n.toLowerCase()));
  const pattern = long.length ? new RegExp(long.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'giu') : undefined;
  return {
    test: (s) => short.has(s.trim().toLowerCase()) || (pattern ? new RegExp(pattern.source, 'iu').test(s) : false),
    replace: (s) => (short.has(s.trim().toLowerCase()) ? ERASED_TEXT : pattern ? s.replace(pattern, ERASED_TEXT) : s),
  };
}

function scrubValue(value: unknown, m: ReturnType<typeof matcher>): unknown {
  if (typeof value === 'string') return m.replace(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, m));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Set)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, m)]));
  }
  return value;
}

function holds(value: unknown, m: ReturnType<typeof matcher>): boolean {
  if (typeof value === 'string') return m.test(value);
  if (Array.isArray(value)) return value.some((v) => holds(v, m));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Set)) return Object.values(value).some((v) => holds(v, m));
  return false;
}

/** Whether an item holds one of the strings anywhere (keys included). */
export function itemHolds(item: Record<string, unknown>, needles: string[]): boolean {
  return needles.length > 0 && holds(item, matcher(needles));
}

/**
 * The item with every occurrence replaced in its non-key attributes. `inKeys` lists key attributes that
 * hold one of the strings: those cannot be rewritten in place (the caller reports them).
 */
export function scrubItem(item: Record<string, unknown>, needles: string[]): { item: Record<string, unknown>; changed: boolean; inKeys: string[] } {
  if (!needles.length) return { item, changed: false, inKeys: [] };
  const m = matcher(needles);
  const out: Record<string, unknown> = {};
  const inKeys: string[] = [];
  let changed = false;
  for (const [attr, value] of Object.entries(item)) {
    if (KEY_ATTRIBUTES.has(attr)) {
      if (holds(value, m)) inKeys.push(attr);
      out[attr] = value;
      continue;
    }
    if (holds(value, m)) {
      changed = true;
      out[attr] = scrubValue(value, m);
    } else out[attr] = value;
  }
  return { item: out, changed, inKeys };
}

/** A placeholder address that identifies nobody (still a valid email for schemas that require one). */
export const anonymousEmail = (id: string) => `efface-${id.replace(/[^A-Za-z0-9-]/g, '').slice(-24).toLowerCase()}@anonyme.invalid`;
