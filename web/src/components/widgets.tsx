import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { download, type Query } from '../api/client';
import { countOf, formatBytes, formatNumber } from '../i18n/format';
import { messageOf } from '../i18n/errors';

/** Previous / next page of a cursor-paginated list. */
export function Pager(props: { pageNumber: number; hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void; count?: number; label?: string }) {
  if (!props.hasPrevious && !props.hasNext) return props.count !== undefined ? <p class="pager-info">{countOf(props.count, 'élément', 'éléments')}</p> : null;
  return (
    <nav class="pager" aria-label={props.label ?? 'Pagination'}>
      <button type="button" class="button secondary" disabled={!props.hasPrevious} onClick={props.onPrevious}>
        ← Page précédente
      </button>
      <span aria-live="polite">Page {formatNumber(props.pageNumber)}</span>
      <button type="button" class="button secondary" disabled={!props.hasNext} onClick={props.onNext}>
        Page suivante →
      </button>
    </nav>
  );
}

/** Progress of a long operation; indeterminate when the total is not known. */
export function Progress(props: { label: string; value: number | null; detail?: string }) {
  return (
    <div class="progress" role="status" aria-live="polite">
      <span class="progress-label">{props.label}</span>
      <progress max={1} value={props.value ?? undefined} aria-label={props.label}>
        {props.value !== null ? `${Math.round(props.value * 100)} %` : ''}
      </progress>
      {props.detail && <span class="progress-detail">{props.detail}</span>}
    </div>
  );
}

/** An export one click away (CSV, PDF), with its progress and a French error if the API refuses. */
export function DownloadButton(props: { path: string; query?: Query; label: string; format: 'CSV' | 'PDF' | 'Markdown' }) {
  const [state, setState] = useState<{ busy: boolean; progress: number | null; bytes: number; done?: string; error?: string }>({ busy: false, progress: null, bytes: 0 });
  const run = async () => {
    setState({ busy: true, progress: null, bytes: 0 });
    try {
      const { filename, size } = await download(props.path, props.query, (progress, bytes) => setState((s) => ({ ...s, progress, bytes })));
      setState({ busy: false, progress: 1, bytes: size, done: `${filename} téléchargé (${formatBytes(size)})` });
    } catch (error) {
      setState({ busy: false, progress: null, bytes: 0, error: messageOf(error) });
    }
  };
  return (
    <div class="download">
      <button type="button" class="button secondary" onClick={run} disabled={state.busy} aria-busy={state.busy ? true : undefined}>
        {props.label} <span class="format">({props.format})</span>
      </button>
      {state.busy && <Progress label={`Export ${props.format} en cours`} value={state.progress} detail={state.bytes ? formatBytes(state.bytes) : undefined} />}
      {state.done && (
        <p class="done" role="status">
          {state.done}
        </p>
      )}
      {state.error && (
        <p class="field-message" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ComponentChildren;
  numeric?: boolean;
}

export function Table<T>(props: { caption: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; empty?: string; captionHidden?: boolean }) {
  if (!props.rows.length) return <p class="empty">{props.empty ?? 'Aucun élément.'}</p>;
  return (
    <div class="table-wrap">
      <table class="cards-on-phone">
        <caption class={props.captionHidden ? 'sr-only' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((c) => (
                <td key={c.key} class={c.numeric ? 'num' : undefined} data-label={c.label}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A short-lived confirmation announced to screen readers. */
export function Notice(props: { message: string | null; tone?: 'success' | 'info' }) {
  if (!props.message) return null;
  return (
    <div class={`alert alert-${props.tone ?? 'success'}`} role="status" data-testid="notice">
      <p>{props.message}</p>
    </div>
  );
}
