import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, Criterion, EligibilityResult } from '../../../../shared/calls/schemas';
import type { Hypothesis } from '../../../../shared/seasons/schemas';
import { post } from '../../api/client';
import { answerOf, type Values } from './values';

/** Asks the API for the eligibility of what is typed (nothing saved), a moment after the user stops typing. */
export function useLiveEligibility(callId: string, hypothesis: Hypothesis | null, criteria: Criterion[], values: Values, initial: EligibilityResult) {
  const [result, setResult] = useState<EligibilityResult | null>(initial.hypothesis ? initial : null);
  const answers: Record<string, Answer> = {};
  for (const c of criteria) {
    const answer = answerOf(c, values);
    if (answer) answers[c.criterionId] = answer;
  }
  const key = JSON.stringify([hypothesis, answers]);
  const seq = useRef(0);
  useEffect(() => {
    if (!hypothesis) {
      setResult(null);
      return;
    }
    const n = ++seq.current;
    const timer = setTimeout(() => {
      post<EligibilityResult>(`/calls/${callId}/eligibility-preview`, { hypothesis, answers }).then(
        (r) => n === seq.current && setResult(r),
        () => undefined,
      );
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { result };
}
