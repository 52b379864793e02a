/**
 * Named errors of the domain. Use cases throw them; the HTTP layer maps each kind to a status in one place
 * (shared/http/errors.ts). The `code` is stable: clients (and the web UI) translate it.
 */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badRequest = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError('bad_request', code, message, details);
export const unauthorized = (message = 'Authentication required') =>
  new DomainError('unauthorized', 'UNAUTHORIZED', message);
export const forbidden = (code = 'FORBIDDEN', message = 'You are not allowed to do this') =>
  new DomainError('forbidden', code, message);
export const notFound = (what: string, code = 'NOT_FOUND') =>
  new DomainError('not_found', code, `${what} not found`);
export const conflict = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError('conflict', code, message, details);
export const unprocessable = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError('unprocessable', code, message, details);
