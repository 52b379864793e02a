import type { Node } from 'constructs';

/**
 * Deployment settings, read from CDK context (`-c key=value` on the command line, or "context" in cdk.json).
 * Every setting has a default so `npx cdk synth` works offline with no arguments; the ones a real deployment
 * must set are marked "deploy".
 */
export interface Settings {
  /** deploy: verified SES identity the outbox sender sends from (context `senderEmail`). */
  senderEmail: string;
  /** Whether senderEmail was given (a warning is emitted otherwise). */
  senderEmailGiven: boolean;
  /** Cognito hosted UI domain prefix (context `authDomainPrefix`); default `essaimage-<account id>`. */
  authDomainPrefix?: string;
  /** OAuth callback / sign-out URLs of the web app (context `webCallbackUrls` / `webLogoutUrls`, comma-separated). */
  webCallbackUrls: string[];
  webLogoutUrls: string[];
  /** Origins allowed by the API's CORS (context `corsOrigins`, comma-separated); none by default. */
  corsOrigins: string[];
  /** Cognito Plus feature plan with threat protection (context `authThreatProtection`, default true). */
  authThreatProtection: boolean;
  /** X-Ray active tracing on every function (context `tracing`, default false). */
  tracing: boolean;
  /** POWERTOOLS_LOG_LEVEL (context `logLevel`, default INFO). */
  logLevel: string;
}

const list = (value: unknown): string[] | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
};

const bool = (value: unknown, fallback: boolean): boolean => {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  return !['false', '0', 'no', 'off'].includes(String(value).toLowerCase());
};

export const placeholderSender = 'no-reply@essaimage.invalid';

export function readSettings(node: Node): Settings {
  const sender = node.tryGetContext('senderEmail') as string | undefined;
  return {
    senderEmail: sender || placeholderSender,
    senderEmailGiven: Boolean(sender),
    authDomainPrefix: (node.tryGetContext('authDomainPrefix') as string | undefined) || undefined,
    webCallbackUrls: list(node.tryGetContext('webCallbackUrls')) ?? ['http://localhost:5173/auth/callback'],
    webLogoutUrls: list(node.tryGetContext('webLogoutUrls')) ?? ['http://localhost:5173/'],
    corsOrigins: list(node.tryGetContext('corsOrigins')) ?? [],
    authThreatProtection: bool(node.tryGetContext('authThreatProtection'), true),
    tracing: bool(node.tryGetContext('tracing'), false),
    logLevel: (node.tryGetContext('logLevel') as string | undefined) || 'INFO',
  };
}
