import { addDays } from '../calendar';
import type { ErrorDetail } from '../errors';
import type {
  CompletionStatus,
  Period,
  QuestionnaireQuestion,
  Report,
  ReportStatus,
  Stage,
  TemplateContent,
} from './schemas';
import { allowedUnits } from './templates';

/**
 * Pure rules of the staged evaluation (no AWS): opening and due dates, the consistency of a report's figures, completeness
 * at submission, the personal-data guard on free text, and where an essaimé stands on a stage.
 * Paths are relative to the report (`indicators.backInJob`); use cases prefix them (`body.`, `report.`).
 */

// ---------------------------------------------------------------- dates

export const isOpen = (stage: Pick<Stage, 'opensOn'>, today: string) => today >= stage.opensOn;
export const isPastDue = (stage: Pick<Stage, 'dueOn'>, today: string) => today > stage.dueOn;

// ---------------------------------------------------------------- templates

/** Keys are unique; core indicators keep their unit; the mean delay is the only indicator in days. */
export function checkTemplate(content: TemplateContent): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = (list: { key: string }[], where: string) => {
    const keys = new Set<string>();
    list.forEach((item, i) => {
      if (keys.has(item.key)) details.push({ path: `${where}.${i}.key`, message: `The key ${item.key} is used twice`, code: 'DUPLICATE_KEY' });
      keys.add(item.key);
    });
  };
  seen(content.indicators, 'indicators');
  seen(content.questions, 'questions');
  if (content.questionnaire) seen(content.questionnaire.questions, 'questionnaire.questions');
  content.indicators.forEach((indicator, i) => {
    const units = allowedUnits(indicator.key);
    if (!units.includes(indicator.unit)) {
      details.push({ path: `indicators.${i}.unit`, message: `The unit of ${indicator.key} must be ${units.join(' or ')}`, code: 'WRONG_UNIT' });
    }
  });
  return details;
}

// ---------------------------------------------------------------- report figures

export interface ReportContent {
  period: Period | null;
  indicators: Record<string, number>;
  answers: Record<string, string>;
}

const isWhole = (v: number) => Number.isInteger(v);
const hasTwoDecimalsAtMost = (v: number) => Math.abs(Math.round(v * 100) / 100 - v) < 1e-9;

/**
 * The consistency rules, applied to drafts and at submission (only to the figures present):
 * no negative figure, whole counts, known keys, durable ≤ back in a job ≤ people supported, a period
 * that ends after it starts.
 */
export function checkConsistency(template: TemplateContent, content: ReportContent): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const defs = new Map(template.indicators.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(content.indicators)) {
    const path = `indicators.${key}`;
    const def = defs.get(key);
    if (!def) {
      details.push({ path, message: `The template has no indicator ${key}`, code: 'UNKNOWN_INDICATOR' });
      continue;
    }
    if (value < 0) details.push({ path, message: 'A figure cannot be negative', code: 'NEGATIVE_VALUE' });
    else if (def.unit === 'count' && !isWhole(value)) details.push({ path, message: 'A count is a whole number', code: 'NOT_A_WHOLE_NUMBER' });
    else if (def.unit !== 'count' && !hasTwoDecimalsAtMost(value)) details.push({ path, message: 'At most two decimals', code: 'TOO_MANY_DECIMALS' });
  }
  const { activeFile, backInJob, durableJob } = content.indicators;
  if (durableJob !== undefined && backInJob !== undefined && durableJob > backInJob) {
    details.push({
      path: 'indicators.durableJob',
      message: `People in durable employment (${durableJob}) cannot outnumber people back in a job (${backInJob})`,
      code: 'DURABLE_EXCEEDS_BACK_IN_JOB',
    });
  }
  if (backInJob !== undefined && activeFile !== undefined && backInJob > activeFile) {
    details.push({
      path: 'indicators.backInJob',
      message: `People back in a job (${backInJob}) cannot outnumber people supported (${activeFile})`,
      code: 'BACK_IN_JOB_EXCEEDS_SUPPORTED',
    });
  }
  if (content.period && content.period.end < content.period.start) {
    details.push({ path: 'period.end', message: 'The period cannot end before it starts', code: 'PERIOD_END_BEFORE_START' });
  }
  const questionKeys = new Set(template.questions.map((q) => q.key));
  for (const key of Object.keys(content.answers)) {
    if (!questionKeys.has(key)) details.push({ path: `answers.${key}`, message: `The template has no question ${key}`, code: 'UNKNOWN_QUESTION' });
  }
  details.push(...personalDataFindings(content.answers, 'answers'));
  return details;
}

/** What a submitted report must hold: the period and every required indicator and question. */
export function checkCompleteness(template: TemplateContent, content: ReportContent): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (!content.period) details.push({ path: 'period', message: 'The period covered is required', code: 'MISSING_REQUIRED' });
  for (const def of template.indicators) {
    if (def.required && content.indicators[def.key] === undefined) {
      details.push({ path: `indicators.${def.key}`, message: `${def.label}: required`, code: 'MISSING_REQUIRED' });
    }
  }
  for (const q of template.questions) {
    if (q.required && !(content.answers[q.key] ?? '').trim()) {
      details.push({ path: `answers.${q.key}`, message: 'This question needs an answer', code: 'MISSING_REQUIRED' });
    }
  }
  return details;
}

const emailPattern = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const phonePattern = /(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}/;

/**
 * Reports hold aggregated figures only. Free text cannot be checked for names, but an email address or a
 * phone number in an answer is refused: it would identify a job seeker (or anyone else).
 */
export function personalDataFindings(answers: Record<string, string | number>, where: string): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value !== 'string') continue;
    if (emailPattern.test(value) || phonePattern.test(value)) {
      details.push({
        path: `${where}.${key}`,
        message: 'Remove email addresses and phone numbers: reports hold no personal data',
        code: 'PERSONAL_DATA_IN_TEXT',
      });
    }
  }
  return details;
}

/** A questionnaire answer: known questions only, scales 1 to 4, text without contact details. */
export function checkQuestionnaireAnswers(questions: QuestionnaireQuestion[], answers: Record<string, string | number>): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const defs = new Map(questions.map((q) => [q.key, q]));
  for (const [key, value] of Object.entries(answers)) {
    const def = defs.get(key);
    const path = `answers.${key}`;
    if (!def) details.push({ path, message: `The questionnaire has no question ${key}`, code: 'UNKNOWN_QUESTION' });
    else if (def.kind === 'scale' && !(typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4)) {
      details.push({ path, message: 'A scale answer is 1, 2, 3 or 4', code: 'NOT_ON_SCALE' });
    } else if (def.kind === 'text' && typeof value !== 'string') {
      details.push({ path, message: 'A text answer is expected', code: 'NOT_TEXT' });
    }
  }
  if (Object.keys(answers).length === 0) details.push({ path: 'answers', message: 'Answer at least one question', code: 'MISSING_REQUIRED' });
  details.push(...personalDataFindings(answers, 'answers'));
  return details;
}

// ---------------------------------------------------------------- workflow

export type ReportAction = 'save' | 'submit' | 'accept' | 'request-changes' | 'reopen';

/** Which statuses each action starts from. Accepted reports are locked: only staff's explicit reopen leaves that state. */
export const allowedFrom: Record<ReportAction, readonly ReportStatus[]> = {
  save: ['draft', 'changes-requested'],
  submit: ['draft', 'changes-requested'],
  accept: ['submitted'],
  'request-changes': ['submitted'],
  reopen: ['accepted'],
};

export function canDo(action: ReportAction, status: ReportStatus): boolean {
  return allowedFrom[action].includes(status);
}

/**
 * Where an essaimé stands on a stage: accepted; submitted (awaiting review); late (due date passed and
 * nothing submitted: no report, a draft, or changes requested); missing (not submitted yet, not due yet).
 */
export function completionOf(report: Pick<Report, 'status'> | undefined, stage: Pick<Stage, 'dueOn'>, today: string): CompletionStatus {
  if (report?.status === 'accepted') return 'accepted';
  if (report?.status === 'submitted') return 'submitted';
  return isPastDue(stage, today) ? 'late' : 'missing';
}

/** Reminder points: a week before the due date (through the eve), on the due date, and once late. */
export type ReminderKind = 'due-soon' | 'due-today' | 'late';

export function reminderDue(stage: Pick<Stage, 'opensOn' | 'dueOn'>, today: string): ReminderKind | undefined {
  if (!isOpen(stage, today)) return undefined;
  if (today > stage.dueOn) return 'late';
  if (today === stage.dueOn) return 'due-today';
  if (today >= addDays(stage.dueOn, -7)) return 'due-soon';
  return undefined;
}

/** Only a report not yet handed in needs a reminder. */
export const needsReminder = (report: Pick<Report, 'status'> | undefined) =>
  !report || report.status === 'draft' || report.status === 'changes-requested';
