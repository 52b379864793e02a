import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Page } from './api/client';
import type { Me } from './api/types';
import { fieldErrors, messageOf } from './i18n/errors';

export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally after a successful action (the API's answer). */
  set: (value: T) => void;
}

/** Loads data from the API; reloads when `deps` change. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, error: undefined, loading: false }),
      (error: unknown) => !controller.signal.aborted && setState({ data: undefined, error, loading: false }),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((data: T) => setState({ data, error: undefined, loading: false }), []);
  return { ...state, reload, set };
}

/**
 * A cursor-paginated list: the current page, and the cursors of the pages before it so the user can go
 * back. Resets to the first page when `deps` (filters) change.
 */
export function usePagedApi<P extends Page<unknown>>(load: (cursor: string | undefined, signal: AbortSignal) => Promise<P>, deps: unknown[]) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const key = JSON.stringify(deps);
  const lastKey = useRef(key);
  if (lastKey.current !== key) {
    lastKey.current = key;
    if (cursors.length > 1) setCursors([undefined]);
  }
  const cursor = cursors[cursors.length - 1];
  const resource = useApi((signal) => load(cursor, signal), [key, cursor]);
  return {
    ...resource,
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: Boolean(resource.data?.nextCursor),
    next: () => resource.data?.nextCursor && setCursors((c) => [...c, resource.data!.nextCursor!]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
  };
}

/**
 * Form state that survives errors, reloads and an expired session: values are kept in sessionStorage under
 * `storageKey` until the form succeeds (then `clear()`).
 */
export function useForm<T extends Record<string, unknown>>(storageKey: string | null, initial: T) {
  const [values, setValues] = useState<T>(() => {
    if (!storageKey) return initial;
    try {
      const saved = sessionStorage.getItem(`essaimage.form.${storageKey}`);
      return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);

  // Only what the user typed is kept: after clear(), nothing is written back until they type again.
  const dirty = useRef(false);
  useEffect(() => {
    if (storageKey && dirty.current) sessionStorage.setItem(`essaimage.form.${storageKey}`, JSON.stringify(values));
  }, [storageKey, values]);

  const setAll = useCallback((next: T) => {
    dirty.current = true;
    setValues(next);
  }, []);

  const set = useCallback(<K extends keyof T>(name: K, value: T[K]) => {
    dirty.current = true;
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      if (!e[name as string]) return e;
      const { [name as string]: _removed, ...rest } = e;
      return rest;
    });
  }, []);

  const clear = useCallback(
    (next?: T) => {
      dirty.current = false;
      if (storageKey) sessionStorage.removeItem(`essaimage.form.${storageKey}`);
      setValues(next ?? initial);
      setErrors({});
      setFormError([]);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [storageKey],
  );

  /** Runs `action`; on an API error, shows each detail at its field (and the rest above the form). */
  const submit = useCallback(
    async <R,>(action: () => Promise<R>, fields?: readonly string[]): Promise<R | undefined> => {
      setSubmitting(true);
      setErrors({});
      setFormError([]);
      try {
        return await action();
      } catch (error) {
        const { byField, other } = fieldErrors(error, fields);
        setErrors(byField);
        setFormError([...new Set([messageOf(error), ...other])]);
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
    [],
  );

  return { values, set, setValues: setAll, errors, setErrors, formError, setFormError, submitting, submit, clear };
}
export type FormState<T extends Record<string, unknown>> = ReturnType<typeof useForm<T>>;

/** Moves focus to an element after it renders (error summaries, new sections). */
export function useFocusWhen(condition: boolean) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (condition) ref.current?.focus();
  }, [condition]);
  return ref;
}
