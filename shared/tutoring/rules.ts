import type { PdfReport } from '../documents/pdf';
import { axes, axisLabels, type Axis } from '../programme/axes';
import type { GuideEntry, RequestStatus, TutoringRequest, Urgency } from './schemas';
import { workingDaysElapsed, workingMinutesBetween } from './working-days';

/**
 * Pure rules of tutoring: ordering keys of the tutor's request list, overdue and reminders, the check that a
 * guide wording names no structure or person, and the guide d'essaimage document. No I/O.
 */

// ---------------------------------------------------------------------------------------------------------
// Requests

/** Sort-key rank of an urgency: read descending, the most urgent come first. */
export const urgencyRank: Record<Urgency, string> = { high: '3', normal: '2', low: '1' };

/** A tutor's list is split into open (awaiting an answer or answered, not closed) and closed requests. */
export function requestState(status: RequestStatus): 'open' | 'closed' {
  return status === 'closed' ? 'closed' : 'open';
}

/** Overdue: no first answer yet and the target has passed. */
export function isOverdue(request: Pick<TutoringRequest, 'status' | 'dueAt'>, now: Date): boolean {
  return request.status === 'awaiting-answer' && now.getTime() > Date.parse(request.dueAt);
}

/**
 * Which reminder an overdue request is at: 1 during the first working day past the target, 2 during the
 * second, and so on. Weekends and public holidays do not advance it, so a job running on a Saturday sends
 * nothing new. The reminder's dedupe key carries this number, so each reminder is queued once.
 */
export function reminderNumber(dueAt: string, now: Date): number {
  return 1 + workingDaysElapsed(new Date(dueAt), now);
}

export function responseWorkingMinutes(createdAt: string, answeredAt: string): number {
  return workingMinutesBetween(new Date(createdAt), new Date(answeredAt));
}

export const minutesToHours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

// ---------------------------------------------------------------------------------------------------------
// Generalised wording: no structure or person name

const STOP_TOKENS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'sur', 'sous', 'd', 'l']);
/** Generic words of territory names ("Communauté d'agglomération du Grand Dole"): not names by themselves. */
const PLACE_STOP_TOKENS = new Set([
  ...STOP_TOKENS, 'pays', 'ville', 'communaute', 'communes', 'commune', 'agglomeration', 'arrondissement', 'metropole',
  'departement', 'region', 'canton', 'grand', 'grande', 'nord', 'sud', 'est', 'ouest', 'haut', 'haute', 'bas', 'basse', 'saint', 'sainte',
]);

/** Lower case, without accents, with every non-alphanumeric character turned into a space (same length as the input). */
function foldChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const first = base.charAt(0);
    out += /[a-z0-9\u00df-\u00ff\u0153]/.test(first) ? first : ' ';
    // Characters outside the BMP take two UTF-16 units: keep lengths aligned with the original string.
    if (ch.length === 2) out += ' ';
  }
  return out;
}

export function normaliseForMatch(text: string): string {
  return foldChars(text).replace(/\s+/g, ' ').trim();
}

/**
 * The names that must not appear in a guide entry taken from a request: the structure's name, the territory's
 * name and its distinctive words, and the people of the request (referent, tutor, participants): their full names, and each of their
 * first and last names of three letters or more.
 */
export function sensitiveTermsFor(input: { structureNames: string[]; placeNames?: string[]; personNames: string[] }): string[] {
  const terms = new Set<string>();
  for (const name of input.structureNames) {
    const folded = normaliseForMatch(name);
    if (folded.length >= 3) terms.add(folded);
  }
  // Places: the full name and its distinctive words ("Ville de Thiers" → "thiers").
  for (const name of input.placeNames ?? []) {
    const folded = normaliseForMatch(name);
    if (folded.length >= 3) terms.add(folded);
    for (const token of folded.split(' ')) if (token.length >= 4 && !/^\d+$/.test(token) && !PLACE_STOP_TOKENS.has(token)) terms.add(token);
  }
  for (const name of input.personNames) {
    const folded = normaliseForMatch(name);
    if (folded.length >= 3) terms.add(folded);
    const tokens = folded.split(' ').filter((t) => t.length >= 3 && !STOP_TOKENS.has(t));
    for (const token of tokens) terms.add(token);
    // Compound surnames ("Le Bihan"): everything after the first name.
    const rest = folded.split(' ').slice(1).join(' ');
    if (rest.length >= 3 && rest !== folded) terms.add(rest);
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/** The sensitive terms a wording contains (whole words, case- and accent-insensitive). */
export function namesFoundIn(text: string, terms: readonly string[]): string[] {
  const haystack = ` ${normaliseForMatch(text)} `;
  return terms.filter((term) => haystack.includes(` ${term} `));
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE = /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/;

/** Contact details have no place in a generalised wording either. */
export function contactDetailsIn(text: string): string[] {
  const found: string[] = [];
  if (EMAIL.test(text)) found.push('adresse électronique');
  if (PHONE.test(text)) found.push('numéro de téléphone');
  return found;
}

/** Replaces any sensitive term by "[…]" (defence in depth at export time; wording is checked on entry). */
export function redactNames(text: string, terms: readonly string[]): string {
  const folded = foldChars(text);
  const cuts: [number, number][] = [];
  for (const term of terms) {
    const pattern = new RegExp(`(?<![a-z0-9\\u00df-\\u00ff\\u0153])${term.split(' ').map(escapeRegExp).join(' +')}(?![a-z0-9\\u00df-\\u00ff\\u0153])`, 'g');
    for (const match of folded.matchAll(pattern)) cuts.push([match.index, match.index + match[0].length]);
  }
  if (cuts.length === 0) return text;
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of cuts) {
    if (start < at) {
      at = Math.max(at, end);
      continue;
    }
    out += `${text.slice(at, start)}[…]`;
    at = end;
  }
  return out + text.slice(at);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Capitalised words of the raw thread (not starting a sentence) that reappear in the wording: possibly the
 * name of a person or a company that the automatic check cannot know. Shown to staff as review hints.
 */
export function reviewHints(rawThread: string, wording: string): string[] {
  const candidates = new Set<string>();
  for (const match of rawThread.matchAll(/(?<![.!?:\n]\s*|^\s*)\b(\p{Lu}[\p{Ll}'’-]{2,})/gu)) {
    if (match[1]) candidates.add(match[1]);
  }
  const folded = ` ${normaliseForMatch(wording)} `;
  return [...candidates].filter((word) => folded.includes(` ${normaliseForMatch(word)} `)).sort();
}

// ---------------------------------------------------------------------------------------------------------
// Guide d'essaimage

export interface GuideDocument {
  title: string;
  subtitle: string;
  sections: { axis: Axis; label: string; entries: { question: string; answer: string }[] }[];
  entryCount: number;
}

type GuideSource = Pick<GuideEntry, 'status' | 'axis' | 'question' | 'answer' | 'createdAt'> & { sensitiveTerms?: string[] };

/**
 * The guide: only entries that were marked by a tutor AND reviewed by staff, grouped by the five axes in the
 * programme's order, oldest first within an axis. Names are redacted once more as a safety net.
 */
export function buildGuide(entries: readonly GuideSource[], seasonName: string): GuideDocument {
  const reviewed = entries.filter((e) => e.status === 'reviewed').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const sections = axes.map((axis) => ({
    axis,
    label: axisLabels[axis],
    entries: reviewed
      .filter((e) => e.axis === axis)
      .map((e) => ({ question: redactNames(e.question, e.sensitiveTerms ?? []), answer: redactNames(e.answer, e.sensitiveTerms ?? []) })),
  }));
  return {
    title: "Guide d'essaimage de la méthode A.CO.R.",
    subtitle: `${seasonName} — questions des structures essaimées et réponses des tuteurs A.CO.R., généralisées et relues par Ansa`,
    sections,
    entryCount: reviewed.length,
  };
}

const EMPTY_AXIS = 'Aucune question retenue pour cet axe.';

export function guideToMarkdown(guide: GuideDocument): string {
  const lines = [`# ${guide.title}`, '', `_${guide.subtitle}_`, ''];
  guide.sections.forEach((section, index) => {
    lines.push(`## ${index + 1}. ${section.label}`, '');
    if (section.entries.length === 0) lines.push(EMPTY_AXIS, '');
    for (const entry of section.entries) {
      lines.push(`### ${entry.question}`, '', entry.answer, '');
    }
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

export function guideToPdfReport(guide: GuideDocument): PdfReport {
  return {
    title: guide.title,
    subtitle: guide.subtitle,
    sections: guide.sections.flatMap((section, index) => [
      { heading: `${index + 1}. ${section.label}`, paragraphs: section.entries.length === 0 ? [EMPTY_AXIS] : [] },
      ...section.entries.map((entry) => ({ paragraphs: [`Question : ${entry.question}`, `Réponse : ${entry.answer}`] })),
    ]),
  };
}

/** Participants whose name or email appears in free text (case-insensitive): their personal data is copied there. */
export function participantsNamedIn<P extends { name: string; email: string }>(text: string, participants: P[]): P[] {
  const haystack = text.toLowerCase();
  return participants.filter((p) => haystack.includes(p.name.toLowerCase()) || haystack.includes(p.email.toLowerCase()));
}
