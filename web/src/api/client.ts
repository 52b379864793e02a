import type { ErrorCode, ErrorDetail } from '../../../shared/errors';
import { config } from '../config';
import { clearToken, getToken, rememberReturnTo } from '../auth/session';
import { isServerErrorCode, type WebErrorCode } from '../i18n/error-messages';

export type { ErrorDetail } from '../../../shared/errors';
export type { Page } from '../../../shared/db/pagination';

/**
 * A small typed client of the programme's API. Errors come back as `ApiError` with the API's stable code and
 * its details (`path` such as 'body.figures.placed'), which forms map to their fields.
 */

/** A code of the server's catalogue, or one the web app gives itself (no answer, or an unknown code). */
export type ApiErrorCode = ErrorCode | WebErrorCode;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function apiUrl(path: string, query?: Query): string {
  const base = config().apiBaseUrl.replace(/\/$/, '');
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `${base}${path}${s ? `?${s}` : ''}`;
}

function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function toError(response: Response): Promise<ApiError> {
  let code: ApiErrorCode = 'UNKNOWN_ERROR';
  let message = response.statusText;
  let details: ErrorDetail[] = [];
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: ErrorDetail[] } };
    if (body.error) {
      if (body.error.code && isServerErrorCode(body.error.code)) code = body.error.code;
      message = body.error.message ?? message;
      details = Array.isArray(body.error.details) ? body.error.details : [];
    }
  } catch {
    // not JSON: the message falls back on the HTTP status
  }
  if (response.status === 401) {
    // The session expired: back to sign-in, then to this page. Forms keep their drafts (see useForm).
    rememberReturnTo(window.location.pathname + window.location.search);
    clearToken();
  }
  return new ApiError(response.status, code, message, details);
}

export async function request<T>(method: string, path: string, options: { body?: unknown; query?: Query; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers: { accept: 'application/json', ...authHeaders(), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'Network error');
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal });
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
export const put = <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} });
export const patch = <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} });
export const del = <T>(path: string) => request<T>('DELETE', path);

/**
 * Downloads a file (CSV, PDF) with the bearer token, reporting progress (0..1, or null when the size is not
 * known), then hands it to the browser as a download.
 */
export async function download(path: string, query: Query | undefined, onProgress: (fraction: number | null, bytes: number) => void): Promise<{ filename: string; size: number }> {
  const response = await fetch(apiUrl(path, query), { headers: authHeaders() });
  if (!response.ok) throw await toError(response);
  const total = Number(response.headers.get('content-length') ?? 0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(total ? received / total : null, received);
    }
  }
  onProgress(1, received);
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? path.split('/').pop() ?? 'export';
  const blob = new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { filename, size: received };
}
