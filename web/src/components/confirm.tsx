import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from '../i18n/errors';
import './confirm.css';

let counter = 0;

/**
 * The guard of an irreversible action: a modal <dialog> that states the consequence (with its figures),
 * traps the focus, and — for the gravest actions — asks the person to type a word (a name) before the
 * confirm button is enabled. Escape or "Annuler" closes it without doing anything.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  /** What will happen, with the figures ("Clore l’appel maintenant, 31 jours avant la date prévue ?"). */
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
  danger?: boolean;
  /** The text to type before confirming (a person's name for an erasure). */
  typed?: { label: string; expected: string };
  /** Blocks the confirmation until another condition holds (a required choice inside the dialog). */
  confirmDisabled?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const ids = useRef(`confirm-${++counter}`);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      opener.current = document.activeElement;
      setTyped('');
      dialog.showModal();
      dialog.querySelector<HTMLElement>('input, button.confirm-cancel')?.focus();
    } else if (!props.open && dialog.open) {
      dialog.close();
      (opener.current as HTMLElement | null)?.focus?.();
    }
  }, [props.open]);

  // showModal makes the page inert; this keeps Tab cycling inside the dialog instead of leaving for the browser's UI.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>('input, button, select, textarea, a[href]')].filter((el) => !(el as HTMLButtonElement).disabled);
    if (!focusable.length) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const matches = !props.typed || normalise(typed) === normalise(props.typed.expected);
  const id = ids.current;
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        if (!props.busy) props.onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !props.confirmDisabled && !props.busy) props.onConfirm();
        }}
      >
        <h2 id={`${id}-title`}>{props.title}</h2>
        <div id={`${id}-body`} class="confirm-body">
          {props.children}
        </div>
        {props.typed && (
          <div class="field">
            <label for={`${id}-typed`}>{props.typed.label}</label>
            <p class="hint" id={`${id}-typed-hint`}>
              Saisissez exactement : « {props.typed.expected} »
            </p>
            <input id={`${id}-typed`} type="text" autoComplete="off" value={typed} aria-describedby={`${id}-typed-hint`} onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} />
          </div>
        )}
        {props.error && (
          <div class="alert alert-error" role="alert">
            <p>{props.error}</p>
          </div>
        )}
        <div class="actions">
          <button type="submit" class={`button${props.danger ? ' danger' : ''}`} disabled={!matches || props.confirmDisabled || props.busy} aria-busy={props.busy ? true : undefined}>
            {props.busy ? 'En cours…' : props.confirmLabel}
          </button>
          <button type="button" class="button secondary confirm-cancel" onClick={props.onCancel} disabled={props.busy}>
            Annuler
          </button>
        </div>
      </form>
    </dialog>
  );
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

/**
 * A button whose action is irreversible: it opens the dialog with the consequence (computed when opened, so
 * its figures are current), runs the action on confirmation, shows the API's refusal inside the dialog and
 * closes on success.
 */
export function ConfirmButton(props: {
  label: ComponentChildren;
  title: string;
  consequence: ComponentChildren | (() => Promise<ComponentChildren>);
  confirmLabel: string;
  action: () => Promise<unknown>;
  onDone?: () => void;
  danger?: boolean;
  typed?: { label: string; expected: string };
  class?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState<ComponentChildren>(null);
  const start = async () => {
    setError(null);
    if (typeof props.consequence === 'function') {
      setBusy(true);
      setText('Calcul des conséquences…');
      setOpen(true);
      try {
        setText(await (props.consequence as () => Promise<ComponentChildren>)());
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setBusy(false);
      }
    } else {
      setText(props.consequence);
      setOpen(true);
    }
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.action();
      setOpen(false);
      props.onDone?.();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class={props.class ?? `button${props.danger ? ' danger' : ''}`} onClick={start} disabled={props.disabled}>
        {props.label}
      </button>
      <ConfirmDialog open={open} title={props.title} confirmLabel={props.confirmLabel} onConfirm={confirm} onCancel={() => setOpen(false)} busy={busy} error={error} danger={props.danger} typed={props.typed}>
        {text}
      </ConfirmDialog>
    </>
  );
}
