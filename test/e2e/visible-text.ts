import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../scripts/local/product';

/**
 * What a person must never read on a page: a raw id (of the demo data or of data a test created), a raw enum
 * value, or an English word left over from the code. Checked on the page's visible text (innerText), so
 * hidden attributes and URLs do not count.
 */

/** Any internal id: a prefix and a UUID (sea_…, call_…), or a demo user id (demo-staff-claire). */
export const rawIdPattern = /\b[a-z]{2,12}_[0-9a-f]{8}-[0-9a-f]{4}|\bdemo-(staff|tutor|referent|applicant)-[a-z-]+|\bstr_[a-z0-9-]+/;

/**
 * Raw enum values (statuses, kinds, roles) as the API writes them, and English words of the interface. Only
 * words that are not French too (no "date", "message", "question", "action", "page", "score", "final").
 */
const leftovers = [
  // statuses and kinds
  'draft', 'submitted', 'under_review', 'waitlisted', 'rejected', 'selected', 'scheduled', 'cancelled', 'accepted',
  'running', 'closed', 'pending', 'answered', 'labelled', 'conditional', 'not-yet', 'first-return', 'intermediate',
  'steering-body', 'governance-committee', 'validate-indicators', 'excused', 'present', 'absent_excused', 'eligible', 'ineligible',
  // roles
  'staff', 'tutor', 'referent', 'applicant',
  // interface words
  'undefined', 'null', 'NaN', 'Invalid Date', 'Loading', 'Error', 'Submit', 'Save', 'Cancel', 'Delete', 'Edit', 'Close',
  'Back', 'Next', 'Previous', 'Search', 'Settings', 'Unknown', 'true', 'false', 'the', 'and', 'with', 'from', 'of', 'to',
  'Yes', 'No', 'None', 'Due', 'overdue', 'deadline', 'status', 'review', 'reviewer', 'items', 'cursor',
];

/**
 * Every enum value of the API's schemas written with `_` or `-` (under_review, not_verified…), read from the
 * sources so that a new value is checked as soon as it exists. « semi-rural » is French as well.
 */
function schemaEnumValues(): string[] {
  const values = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        for (const list of readFileSync(path, 'utf8').matchAll(/z\.enum\(\[([^\]]*)\]/g)) {
          for (const [, value] of list[1]!.matchAll(/'([a-z]+(?:[_-][a-z]+)+)'/g)) values.add(value!);
        }
      }
    }
  };
  visit(join(repoRoot, 'shared'));
  values.delete('semi-rural');
  return [...values];
}

let leftoverPattern: RegExp | undefined;
function leftoverWords(): RegExp {
  if (!leftoverPattern) {
    const words = [...new Set([...leftovers, ...schemaEnumValues()])].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    leftoverPattern = new RegExp(`(?<![\\p{L}\\p{N}'’_-])(${words.join('|')})(?![\\p{L}\\p{N}_-])`, 'u');
  }
  return leftoverPattern;
}

/** The problems of a visible text; `forbiddenIds` are the ids of the demo data and of the data the test created. */
export function visibleTextProblems(visible: string, forbiddenIds: readonly string[]): string[] {
  const problems: string[] = [];
  const leaked = forbiddenIds.filter((id) => id && visible.includes(id));
  if (leaked.length) problems.push(`raw id visible: ${leaked.join(', ')}`);
  const raw = rawIdPattern.exec(visible);
  if (raw) problems.push(`raw id visible: ${raw[0]} (…${context(visible, raw.index)}…)`);
  const word = leftoverWords().exec(visible);
  if (word) problems.push(`raw value or English word visible: "${word[1]}" (…${context(visible, word.index)}…)`);
  return problems;
}

export async function pageTextProblems(page: Page, forbiddenIds: readonly string[]): Promise<string[]> {
  return visibleTextProblems((await page.evaluate('document.body.innerText')) as string, forbiddenIds);
}

function context(text: string, at: number): string {
  return text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ');
}
