import { describe, expect, it } from 'vitest';
import { defaultCriteriaFor } from '../../shared/calls/defaults';
import { evaluateEligibility } from '../../shared/calls/eligibility';
import { today } from '../../shared/calls/use-cases';

/** A call's "today" is the day in France: at 00:30 in Paris it is already the next day, while UTC lags behind. */
describe('the calendar day of calls', () => {
  const nearMidnight = new Date('2026-03-31T22:30:00Z'); // 00:30 on 1 April in Paris (summer time)

  it('is the Paris day, not the UTC day', () => {
    expect(nearMidnight.toISOString().slice(0, 10)).toBe('2026-03-31');
    expect(today(nearMidnight)).toBe('2026-04-01');
    expect(today(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16'); // winter time: UTC+1
    expect(today(new Date('2026-01-15T22:30:00Z'))).toBe('2026-01-15');
  });

  it('accepts an attestation signed today in Paris, shortly after midnight', () => {
    const criteria = defaultCriteriaFor(['A']).filter((c) => c.kind === 'signed_attestation');
    expect(criteria.length).toBeGreaterThan(0);
    const answers = Object.fromEntries(
      criteria.map((c) => [c.criterionId, { kind: 'signed_attestation' as const, signed: true, signerName: 'Anne Dupuis', signerRole: 'Directrice générale', signedOn: '2026-04-01' }]),
    );
    const result = evaluateEligibility({ criteria, hypothesis: 'A', answers, today: today(nearMidnight) });
    expect(result.results.map((r) => r.status)).toEqual(criteria.map(() => 'met'));
  });
});
