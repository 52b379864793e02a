import type { ComponentChildren, TargetedEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Labelled form controls: each shows its hint and the API's errors for its field (aria-invalid,
 * aria-describedby), and never loses what the user typed.
 */
let counter = 0;
const uid = (prefix: string) => `${prefix}-${++counter}`;

function useId(name: string): string {
  const ref = useRef<string | null>(null);
  if (!ref.current) ref.current = uid(`f-${name.replace(/[^a-zA-Z0-9]/g, '-')}`);
  return ref.current;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: ComponentChildren;
  errors?: Record<string, string[]>;
  required?: boolean;
}

function FieldShell(props: FieldProps & { id: string; children: ComponentChildren; wide?: boolean }) {
  const errs = props.errors?.[props.name] ?? [];
  return (
    <div class={`field${errs.length ? ' field-error' : ''}${props.wide ? ' field-wide' : ''}`} data-field={props.name}>
      <label for={props.id}>
        {props.label}
        {props.required && <span class="required" aria-hidden="true"> *</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      {errs.length > 0 && (
        <p class="field-message" id={`${props.id}-error`}>
          {errs.join(' ')}
        </p>
      )}
    </div>
  );
}

function describedBy(props: FieldProps, id: string): string | undefined {
  const ids = [props.hint ? `${id}-hint` : '', props.errors?.[props.name]?.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(props: FieldProps & { value: string; onInput: (v: string) => void; type?: 'text' | 'email' | 'date' | 'url' | 'tel'; autoComplete?: string; maxLength?: number; wide?: boolean }) {
  const id = useId(props.name);
  return (
    <FieldShell {...props} id={id} wide={props.wide}>
      <input
        id={id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        required={props.required}
        aria-required={props.required}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        aria-invalid={props.errors?.[props.name]?.length ? true : undefined}
        aria-describedby={describedBy(props, id)}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </FieldShell>
  );
}

/** Number input that keeps whatever was typed (as text) so an invalid entry is not lost. */
export function NumberField(props: FieldProps & { value: string; onInput: (v: string) => void; min?: number; max?: number; step?: number; suffix?: string }) {
  const id = useId(props.name);
  return (
    <FieldShell {...props} id={id}>
      <div class="input-suffix">
        <input
          id={id}
          name={props.name}
          type="text"
          inputMode="decimal"
          value={props.value}
          required={props.required}
          aria-required={props.required}
          aria-invalid={props.errors?.[props.name]?.length ? true : undefined}
          aria-describedby={describedBy(props, id)}
          onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        />
        {props.suffix && <span aria-hidden="true">{props.suffix}</span>}
      </div>
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { value: string; onInput: (v: string) => void; rows?: number; maxLength?: number }) {
  const id = useId(props.name);
  return (
    <FieldShell {...props} id={id} wide>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        value={props.value}
        required={props.required}
        aria-required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.errors?.[props.name]?.length ? true : undefined}
        aria-describedby={describedBy(props, id)}
        onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </FieldShell>
  );
}

export function Select(props: FieldProps & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useId(props.name);
  return (
    <FieldShell {...props} id={id}>
      <select
        id={id}
        name={props.name}
        value={props.value}
        required={props.required}
        aria-required={props.required}
        aria-invalid={props.errors?.[props.name]?.length ? true : undefined}
        aria-describedby={describedBy(props, id)}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkbox(props: { name: string; label: ComponentChildren; checked: boolean; onChange: (v: boolean) => void; hint?: string; errors?: Record<string, string[]>; disabled?: boolean }) {
  const id = useId(props.name);
  const errs = props.errors?.[props.name] ?? [];
  return (
    <div class={`check${errs.length ? ' field-error' : ''}`} data-field={props.name}>
      <input
        type="checkbox"
        id={id}
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={errs.length ? true : undefined}
        aria-describedby={[props.hint ? `${id}-hint` : '', errs.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {errs.length > 0 && (
        <p class="field-message" id={`${id}-error`}>
          {errs.join(' ')}
        </p>
      )}
    </div>
  );
}

export function CheckboxGroup(props: FieldProps & { values: string[]; onChange: (v: string[]) => void; options: { value: string; label: string }[] }) {
  const errs = props.errors?.[props.name] ?? [];
  return (
    <fieldset class={`field fieldset${errs.length ? ' field-error' : ''}`} data-field={props.name}>
      <legend>{props.label}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.options.map((o) => (
        <Checkbox
          key={o.value}
          name={`${props.name}-${o.value}`}
          label={o.label}
          checked={props.values.includes(o.value)}
          onChange={(on) => props.onChange(on ? [...props.values, o.value] : props.values.filter((v) => v !== o.value))}
        />
      ))}
      {errs.length > 0 && <p class="field-message">{errs.join(' ')}</p>}
    </fieldset>
  );
}

export function RadioGroup(props: FieldProps & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; inline?: boolean }) {
  const id = useId(props.name);
  const errs = props.errors?.[props.name] ?? [];
  return (
    <fieldset class={`field fieldset${errs.length ? ' field-error' : ''}${props.inline ? ' inline' : ''}`} data-field={props.name} aria-describedby={errs.length ? `${id}-error` : undefined}>
      <legend>
        {props.label}
        {props.required && <span class="required" aria-hidden="true"> *</span>}
      </legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.options.map((o) => (
        <div class="radio" key={o.value}>
          <input type="radio" id={`${id}-${o.value}`} name={`${id}-${props.name}`} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
          <label for={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {errs.length > 0 && (
        <p class="field-message" id={`${id}-error`}>
          {errs.join(' ')}
        </p>
      )}
    </fieldset>
  );
}

/** The list of problems above a form; focused when it appears so screen readers announce it. */
export function ErrorSummary(props: { messages: string[]; errors?: Record<string, string[]>; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = props.messages.join('|');
  useEffect(() => {
    if (props.messages.length) ref.current?.focus();
  }, [key]);
  if (!props.messages.length) return null;
  const fields = Object.keys(props.errors ?? {});
  return (
    <div class="alert alert-error" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      {props.messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f}>
              <a
                href={`#${f}`}
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(f)}"] input, [data-field="${CSS.escape(f)}"] select, [data-field="${CSS.escape(f)}"] textarea`);
                  el?.focus();
                }}
              >
                {props.labels?.[f] ?? f} : {props.errors?.[f]?.join(' ')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Form(props: { onSubmit: () => void; children: ComponentChildren; label?: string; class?: string }) {
  return (
    <form
      class={props.class ?? 'form'}
      aria-label={props.label}
      noValidate
      onSubmit={(e: TargetedEvent<HTMLFormElement, Event>) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

export function SubmitButton(props: { busy?: boolean; children: ComponentChildren; class?: string; disabled?: boolean }) {
  return (
    <button type="submit" class={props.class ?? 'button'} disabled={props.busy || props.disabled} aria-busy={props.busy ? true : undefined}>
      {props.busy ? 'Envoi en cours…' : props.children}
    </button>
  );
}

/** Converts a typed text to a number for the API; keeps invalid text as is so the API reports it at the field. */
export function toNumber(value: string): number | string | undefined {
  // « 3,5 », « 3.5 », « 1 000,5 », « 1.000,5 »: with a decimal comma, points only group thousands.
  const compact = value.trim().replace(/\s/g, '');
  const v = (compact.includes(',') ? compact.replace(/\./g, '') : compact).replace(',', '.');
  if (v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : value;
}
