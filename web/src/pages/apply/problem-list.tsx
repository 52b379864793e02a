import { useEffect, useRef } from 'preact/hooks';
import type { Criterion } from '../../../../shared/calls/schemas';
import { focusField, focusTarget, type Problem } from './fields';

/**
 * Above the form: why the last save or submission was refused, then what is missing or unmet, each a link
 * that puts the focus in its field. Focused when it appears, so screen readers read it.
 */
export function ProblemList(props: { messages: string[]; problems: Problem[]; labels: Record<string, string>; criteria: Criterion[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = [...props.messages, ...props.problems.map((p) => `${p.field}:${p.message}`)].join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (!props.messages.length && !props.problems.length) return null;
  return (
    <div class="alert alert-error" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      {props.messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
      {props.problems.length > 0 && (
        <>
          <p>
            {props.problems.length === 1 ? 'Un point à reprendre\u00a0:' : `${props.problems.length}\u00a0points à reprendre\u00a0:`}
          </p>
          <ul data-testid="problem-list">
            {props.problems.map((p) => (
              <li key={`${p.field}:${p.message}`} data-problem={p.field}>
                <a
                  href={`#${p.field}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(focusTarget(p.field, props.criteria));
                  }}
                >
                  {props.labels[p.field] ?? p.field}
                </a>
                {'\u00a0: '}
                {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
