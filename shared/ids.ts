import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';

/**
 * Prefixed ids say what they identify (sea_…, call_…, app_…). Register each kind here once: `newId` makes
 * them and `idSchema` validates them at the edge.
 */
export const idPrefixes = {
  season: 'sea',
  structure: 'str',
  essaime: 'ess',
  participant: 'par',
  // calls for candidate territories (calls helper)
  call: 'call',
  application: 'app',
  note: 'note',
  // evaluation, dashboards, governance (issue 5)
  stage: 'stg',
  report: 'rep',
  questionnaire: 'qre',
  labelDecision: 'lbl',
  meeting: 'mtg',
  // fidelity at any date, stage-1 interviews, stage-2 figure imports (issue 14)
  fidelityAssessment: 'fid',
  interview: 'itw',
  figuresImport: 'imp',
  // tutoring: tutor assignments, requests, guide d'essaimage (issue 4, tutoring half)
  tutorAssignment: 'tas',
  tutoringRequest: 'trq',
  tutoringMessage: 'tmg',
  guideEntry: 'gde',
  // training: cohort, modules, sessions, deliverables (issue 4, training half)
  cohort: 'coh',
  module: 'mod',
  session: 'ses',
  deliverable: 'dlv',
  // documents attached to applications, deliverables, reports, thread messages (issue 10)
  attachment: 'att',
} as const satisfies Record<string, string>;

export type IdKind = keyof typeof idPrefixes;

export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${randomUUID()}`;
}

export function idSchema(kind: IdKind) {
  return z.string().check(z.regex(new RegExp(`^${idPrefixes[kind]}_[A-Za-z0-9-]{3,64}$`), `Not a ${kind} id`));
}
