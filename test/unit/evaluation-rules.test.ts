import { describe, expect, it } from 'vitest';
import { addDays, parisDay } from '../../shared/calendar';
import { formatDate } from '../../shared/i18n/french';
import {
  canDo,
  checkCompleteness,
  checkConsistency,
  checkQuestionnaireAnswers,
  checkTemplate,
  completionOf,
  needsReminder,
  personalDataFindings,
  reminderDue,
  type ReportContent,
} from '../../shared/evaluation/rules';
import { reportStatuses, type TemplateContent } from '../../shared/evaluation/schemas';
import { defaultTemplate } from '../../shared/evaluation/templates';

const template: TemplateContent = defaultTemplate('final');
const content = (over: Partial<ReportContent> = {}): ReportContent => ({ period: { start: '2020-01-01', end: '2020-06-30' }, indicators: {}, answers: {}, ...over });
const codes = (details: { code?: string }[]) => details.map((d) => d.code);

describe('dates', () => {
  it('takes the calendar day in France, not in UTC', () => {
    expect(parisDay(new Date('2020-03-14T23:30:00Z'))).toBe('2020-03-15'); // UTC+1 in winter
    expect(parisDay(new Date('2020-07-14T22:30:00Z'))).toBe('2020-07-15'); // UTC+2 in summer
    expect(parisDay(new Date('2020-07-14T21:30:00Z'))).toBe('2020-07-14');
  });
  it('adds days across months and years', () => {
    expect(addDays('2020-03-15', -7)).toBe('2020-03-08');
    expect(addDays('2020-12-28', 7)).toBe('2021-01-04');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
  });
  it('writes dates in French', () => {
    expect(formatDate('2020-03-15')).toBe('15 mars 2020');
  });
});

describe('consistency rules (drafts and submission)', () => {
  it('accepts consistent figures, and partial drafts', () => {
    expect(checkConsistency(template, content({ indicators: { activeFile: 100, backInJob: 70, durableJob: 27, creFte: 2.5, meanDelayDays: 106.5 } }))).toEqual([]);
    expect(checkConsistency(template, content({ period: null, indicators: { backInJob: 3 } }))).toEqual([]);
  });

  it('refuses a negative figure, whatever the indicator', () => {
    const details = checkConsistency(template, content({ indicators: { companiesContacted: -1, creFte: -0.5 } }));
    expect(details).toEqual([
      expect.objectContaining({ path: 'indicators.companiesContacted', code: 'NEGATIVE_VALUE' }),
      expect.objectContaining({ path: 'indicators.creFte', code: 'NEGATIVE_VALUE' }),
    ]);
  });

  it('refuses more people in durable employment than back in a job (equal is fine)', () => {
    expect(checkConsistency(template, content({ indicators: { backInJob: 10, durableJob: 10 } }))).toEqual([]);
    const details = checkConsistency(template, content({ indicators: { backInJob: 10, durableJob: 11 } }));
    expect(details).toEqual([expect.objectContaining({ path: 'indicators.durableJob', code: 'DURABLE_EXCEEDS_BACK_IN_JOB' })]);
  });

  it('refuses more people back in a job than people supported (equal is fine)', () => {
    expect(checkConsistency(template, content({ indicators: { activeFile: 20, backInJob: 20 } }))).toEqual([]);
    const details = checkConsistency(template, content({ indicators: { activeFile: 20, backInJob: 21 } }));
    expect(details).toEqual([expect.objectContaining({ path: 'indicators.backInJob', code: 'BACK_IN_JOB_EXCEEDS_SUPPORTED' })]);
  });

  it('refuses a period that ends before it starts (one day is fine)', () => {
    expect(checkConsistency(template, content({ period: { start: '2020-01-01', end: '2020-01-01' } }))).toEqual([]);
    const details = checkConsistency(template, content({ period: { start: '2020-06-30', end: '2020-01-01' } }));
    expect(details).toEqual([expect.objectContaining({ path: 'period.end', code: 'PERIOD_END_BEFORE_START' })]);
  });

  it('reports every broken rule at once, each with its field path', () => {
    const details = checkConsistency(template, content({ period: { start: '2020-06-30', end: '2020-01-01' }, indicators: { activeFile: 5, backInJob: 8, durableJob: 9, offersCaptured: -2 } }));
    expect(codes(details).sort()).toEqual(['BACK_IN_JOB_EXCEEDS_SUPPORTED', 'DURABLE_EXCEEDS_BACK_IN_JOB', 'NEGATIVE_VALUE', 'PERIOD_END_BEFORE_START']);
  });

  it('wants whole counts and at most two decimals for FTE and days', () => {
    expect(codes(checkConsistency(template, content({ indicators: { activeFile: 10.5 } })))).toEqual(['NOT_A_WHOLE_NUMBER']);
    expect(codes(checkConsistency(template, content({ indicators: { creFte: 1.255 } })))).toEqual(['TOO_MANY_DECIMALS']);
    expect(checkConsistency(template, content({ indicators: { creFte: 0.29, meanDelayDays: 99.75 } }))).toEqual([]);
  });

  it('refuses keys the template does not have', () => {
    const details = checkConsistency(template, content({ indicators: { jobSeekerName: 1 }, answers: { whatever: 'x' } }));
    expect(details).toEqual([
      expect.objectContaining({ path: 'indicators.jobSeekerName', code: 'UNKNOWN_INDICATOR' }),
      expect.objectContaining({ path: 'answers.whatever', code: 'UNKNOWN_QUESTION' }),
    ]);
  });

  it('refuses contact details in free text: reports hold aggregated figures only', () => {
    const details = checkConsistency(template, content({ answers: { obstacles: 'Voir avec M. X, jean.dupont@mail.fr', 'support-needed': 'Appeler le 06 12 34 56 78' } }));
    expect(details).toEqual([
      expect.objectContaining({ path: 'answers.obstacles', code: 'PERSONAL_DATA_IN_TEXT' }),
      expect.objectContaining({ path: 'answers.support-needed', code: 'PERSONAL_DATA_IN_TEXT' }),
    ]);
    expect(personalDataFindings({ a: 'Taux de 70 % en 2020, 3,5 mois' }, 'answers')).toEqual([]);
  });
});

describe('completeness at submission', () => {
  it('wants the period, every required indicator and every required question', () => {
    const details = checkCompleteness(template, content({ period: null }));
    const paths = details.map((d) => d.path);
    expect(paths).toContain('period');
    expect(paths).toContain('indicators.activeFile');
    expect(paths).toContain('indicators.backInJob');
    expect(paths).toContain('answers.obstacles');
    expect(paths).not.toContain('indicators.meanDelayDays'); // optional by default
    expect(paths).not.toContain('answers.sustainability');
  });
  it('counts a blank answer as missing', () => {
    const all = Object.fromEntries(template.questions.map((q) => [q.key, 'Réponse']));
    const figures = Object.fromEntries(template.indicators.map((i) => [i.key, 1]));
    expect(checkCompleteness(template, content({ indicators: figures, answers: all }))).toEqual([]);
    expect(checkCompleteness(template, content({ indicators: figures, answers: { ...all, obstacles: '   ' } }))).toEqual([
      expect.objectContaining({ path: 'answers.obstacles', code: 'MISSING_REQUIRED' }),
    ]);
  });
});

describe('templates', () => {
  it('has the study defaults, and the questionnaire only at the intermediate stage', () => {
    const keys = defaultTemplate('first-return').indicators.map((i) => i.key);
    expect(keys).toEqual(['activeFile', 'newlyWelcomed', 'perSigned', 'perRenewed', 'backInJob', 'durableJob', 'meanDelayDays', 'companiesContacted', 'companyVisits', 'offersCaptured', 'workPlacements', 'employmentEvents', 'creFte', 'budgetEuros']);
    expect(defaultTemplate('first-return').questions.map((q) => q.key)).toEqual(expect.arrayContaining(['appropriation-go-towards-companies', 'appropriation-one-offer-one-candidate', 'appropriation-realistic-achievable', 'appropriation-cre-team', 'obstacles', 'support-needed']));
    expect(defaultTemplate('intermediate').questionnaire?.questions.length).toBeGreaterThan(0);
    expect(defaultTemplate('final').questionnaire).toBeNull();
    for (const kind of ['first-return', 'intermediate', 'final'] as const) expect(checkTemplate(defaultTemplate(kind))).toEqual([]);
  });
  it('refuses duplicate keys, a core indicator in another unit, and a custom indicator in days', () => {
    const base = defaultTemplate('final');
    const broken: TemplateContent = {
      ...base,
      indicators: [...base.indicators, { key: 'activeFile', label: 'Doublon', unit: 'count', required: false }, { key: 'jobFairs', label: 'Salons', unit: 'days', required: false }],
      questions: base.questions.map((q, i) => (i === 1 ? { ...q, key: base.questions[0]!.key } : q)),
    };
    broken.indicators[0] = { ...broken.indicators[0]!, unit: 'fte' };
    expect(codes(checkTemplate(broken)).sort()).toEqual(['DUPLICATE_KEY', 'DUPLICATE_KEY', 'WRONG_UNIT', 'WRONG_UNIT']);
  });
});

describe('questionnaire answers', () => {
  const questions = defaultTemplate('intermediate').questionnaire!.questions;
  it('takes scales from 1 to 4 and text', () => {
    expect(checkQuestionnaireAnswers(questions, { 'method-fit': 4, obstacles: 'La mobilité' })).toEqual([]);
  });
  it('refuses off-scale values, unknown questions, an empty answer and contact details', () => {
    expect(codes(checkQuestionnaireAnswers(questions, { 'method-fit': 5 }))).toEqual(['NOT_ON_SCALE']);
    expect(codes(checkQuestionnaireAnswers(questions, { 'method-fit': 2.5 }))).toEqual(['NOT_ON_SCALE']);
    expect(codes(checkQuestionnaireAnswers(questions, { obstacles: 3 }))).toEqual(['NOT_TEXT']);
    expect(codes(checkQuestionnaireAnswers(questions, { nope: 'x' }))).toEqual(['UNKNOWN_QUESTION']);
    expect(codes(checkQuestionnaireAnswers(questions, {}))).toEqual(['MISSING_REQUIRED']);
    expect(codes(checkQuestionnaireAnswers(questions, { obstacles: 'écrire à a.b@c.fr' }))).toEqual(['PERSONAL_DATA_IN_TEXT']);
  });
});

describe('workflow', () => {
  it('allows each action only from its statuses; accepted is locked but for reopen', () => {
    const table = Object.fromEntries(
      (['save', 'submit', 'accept', 'request-changes', 'reopen'] as const).map((action) => [action, reportStatuses.filter((s) => canDo(action, s))]),
    );
    expect(table).toEqual({
      save: ['draft', 'changes-requested'],
      submit: ['draft', 'changes-requested'],
      accept: ['submitted'],
      'request-changes': ['submitted'],
      reopen: ['accepted'],
    });
  });

  it('says where an essaimé stands on a stage', () => {
    const stage = { dueOn: '2020-03-15' };
    expect(completionOf({ status: 'accepted' }, stage, '2020-04-01')).toBe('accepted');
    expect(completionOf({ status: 'submitted' }, stage, '2020-04-01')).toBe('submitted');
    expect(completionOf(undefined, stage, '2020-03-15')).toBe('missing');
    expect(completionOf({ status: 'draft' }, stage, '2020-03-10')).toBe('missing');
    expect(completionOf(undefined, stage, '2020-03-16')).toBe('late');
    expect(completionOf({ status: 'draft' }, stage, '2020-03-16')).toBe('late');
    expect(completionOf({ status: 'changes-requested' }, stage, '2020-03-16')).toBe('late');
  });

  it('finds the reminder points: a week before, on the day, late', () => {
    const stage = { opensOn: '2020-01-15', dueOn: '2020-03-15' };
    expect(reminderDue(stage, '2020-03-07')).toBeUndefined();
    expect(reminderDue(stage, '2020-03-08')).toBe('due-soon');
    expect(reminderDue(stage, '2020-03-14')).toBe('due-soon');
    expect(reminderDue(stage, '2020-03-15')).toBe('due-today');
    expect(reminderDue(stage, '2020-03-16')).toBe('late');
    expect(reminderDue({ opensOn: '2020-03-10', dueOn: '2020-03-15' }, '2020-03-09')).toBeUndefined(); // not open yet
    expect(needsReminder(undefined)).toBe(true);
    expect(needsReminder({ status: 'changes-requested' })).toBe(true);
    expect(needsReminder({ status: 'submitted' })).toBe(false);
    expect(needsReminder({ status: 'accepted' })).toBe(false);
  });
});
