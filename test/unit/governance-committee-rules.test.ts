import { describe, expect, it } from 'vitest';
import {
  committeeStatus,
  defaultDecisionText,
  hypothesesDecisionRefusal,
  indicatorsDecisionRefusal,
  meetingDateRefusal,
  oneYearAfter,
  type SeasonCall,
} from '../../shared/governance/committee-rules';
import { meetingEntity } from '../../shared/governance/entities';
import { recordMeetingBody } from '../../shared/governance/schemas';

describe('the committee meets at least once a year', () => {
  it('is late a year after the start of the season when it never met', () => {
    expect(committeeStatus('steering-body', [], '2019-09-01', '2020-09-02')).toEqual({
      body: 'steering-body',
      lastMeetingOn: null,
      dueBy: '2020-09-01',
      state: 'late',
      meetings: 0,
    });
    expect(committeeStatus('steering-body', [], '2019-09-01', '2020-09-01').state).toBe('due');
  });

  it('counts from the last meeting, whatever the order they were recorded in', () => {
    const status = committeeStatus('governance-committee', ['2020-02-19', '2019-10-08'], '2019-09-01', '2020-06-01');
    expect(status).toMatchObject({ lastMeetingOn: '2020-02-19', dueBy: '2021-02-19', state: 'on-time', meetings: 2 });
  });

  it('shows as due from 60 days before the deadline, and late the day after it', () => {
    const on = (today: string) => committeeStatus('governance-committee', ['2020-02-19'], '2019-09-01', today).state;
    expect(on('2020-12-20')).toBe('on-time');
    expect(on('2020-12-21')).toBe('due'); // 60 days before 19 February 2021
    expect(on('2021-02-19')).toBe('due');
    expect(on('2021-02-20')).toBe('late');
  });

  it('takes a 29 February meeting to 1 March the next year', () => {
    expect(oneYearAfter('2020-02-29')).toBe('2021-03-01');
    expect(oneYearAfter('2019-12-31')).toBe('2020-12-31');
  });
});

describe('which typed decision a meeting may take', () => {
  const draft = (hypotheses: ('A' | 'B')[]): SeasonCall => ({ callId: 'call_draft', title: 'Appel', status: 'draft', hypotheses });

  it('leaves the choice of hypotheses to the governance committee', () => {
    expect(hypothesesDecisionRefusal('steering-body', 0, ['A'], [])).toMatchObject({ code: 'DECISION_NOT_FOR_BODY', details: [{ path: 'body.decisions.0.type' }] });
    expect(hypothesesDecisionRefusal('governance-committee', 0, ['A'], [])).toBeNull();
  });

  it('chooses the hypotheses before the call: refused once a call of the season has opened or closed', () => {
    for (const status of ['open', 'closed'] as const) {
      const refusal = hypothesesDecisionRefusal('governance-committee', 2, ['A', 'B'], [{ ...draft(['A', 'B']), status }]);
      expect(refusal).toMatchObject({ code: 'CALL_ALREADY_OPEN', status: 409, details: [{ path: 'body.decisions.2.hypotheses' }] });
    }
  });

  it('refuses to drop a hypothesis a draft call accepts, and accepts a choice that covers the drafts', () => {
    expect(hypothesesDecisionRefusal('governance-committee', 0, ['A'], [draft(['A', 'B'])])).toMatchObject({ code: 'DRAFT_CALL_OUTSIDE_HYPOTHESES' });
    expect(hypothesesDecisionRefusal('governance-committee', 0, ['A', 'B'], [draft(['A'])])).toBeNull();
    expect(hypothesesDecisionRefusal('governance-committee', 0, ['B'], [draft(['B'])])).toBeNull();
  });

  it('validates the result indicators only once the hypotheses are chosen', () => {
    expect(indicatorsDecisionRefusal(1, false)).toMatchObject({ code: 'INDICATORS_BEFORE_HYPOTHESES', details: [{ path: 'body.decisions.1.type' }] });
    expect(indicatorsDecisionRefusal(1, true)).toBeNull();
  });

  it('records a meeting once it has taken place', () => {
    expect(meetingDateRefusal('2020-02-20', '2020-02-19')).toMatchObject({ code: 'MEETING_IN_FUTURE', details: [{ path: 'body.date' }] });
    expect(meetingDateRefusal('2020-02-19', '2020-02-19')).toBeNull();
  });

  it('refuses two choices of hypotheses, or the same plan twice, in one meeting', () => {
    const base = { body: 'governance-committee', date: '2020-02-19', membersPresent: [{ name: 'Claire Moreau', organisation: 'Ansa' }] };
    const twice = recordMeetingBody.safeParse({ ...base, decisions: [{ type: 'choose-hypotheses', hypotheses: ['A'] }, { type: 'choose-hypotheses', hypotheses: ['B'] }] });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.path).toEqual(['decisions', 1, 'type']);
    const plan = { type: 'validate-action-plan', essaimeId: 'ess_1234', year: 2020 };
    expect(recordMeetingBody.safeParse({ ...base, decisions: [plan, plan] }).success).toBe(false);
    expect(recordMeetingBody.safeParse({ ...base, decisions: [plan, { ...plan, year: 2021 }] }).success).toBe(true);
    // a choice of the same hypothesis twice is not a choice
    expect(recordMeetingBody.safeParse({ ...base, decisions: [{ type: 'choose-hypotheses', hypotheses: ['A', 'A'] }] }).success).toBe(false);
  });
});

describe('decisions as recorded', () => {
  it('get a French text from what they decide when the minutes give none', () => {
    expect(defaultDecisionText({ type: 'choose-hypotheses', hypotheses: ['A'] })).toBe('Hypothèse retenue : A (opérateur d’une collectivité).');
    expect(defaultDecisionText({ type: 'choose-hypotheses', hypotheses: ['A', 'B'] })).toMatch(/^Les deux hypothèses sont retenues/);
    expect(defaultDecisionText({ type: 'validate-action-plan', essaimeId: 'ess_1234', year: 2020 }, 'Passerelle')).toBe('Plan d’action 2020 de Passerelle validé.');
    expect(defaultDecisionText({ type: 'validate-indicators', indicators: [{ label: 'Retour à l’emploi', target: '60 % en un an' }, { label: 'Entreprises contactées' }] })).toBe(
      'Indicateurs de résultat validés : Retour à l’emploi (60 % en un an) ; Entreprises contactées.',
    );
  });

  it('read meetings stored before decisions were typed: a note, or a choice of hypotheses', () => {
    const stored = {
      pk: 'MEETING#mtg_1234',
      sk: 'MEETING',
      type: 'SteeringMeeting',
      meetingId: 'mtg_1234',
      seasonId: 'sea_1234',
      body: 'governance-committee',
      date: '2019-02-19',
      title: 'Premier comité',
      membersPresent: [],
      decisions: [{ text: 'Les deux hypothèses sont retenues.', hypotheses: ['A', 'B'] }, { text: 'Trois temps d’évaluation.' }],
      notes: null,
      recordedBy: 'demo-staff-claire',
      recordedAt: '2019-02-19T16:00:00.000Z',
    };
    expect(meetingEntity.parse(stored).decisions).toEqual([
      { type: 'choose-hypotheses', text: 'Les deux hypothèses sont retenues.', hypotheses: ['A', 'B'] },
      { type: 'note', text: 'Trois temps d’évaluation.' },
    ]);
  });
});
