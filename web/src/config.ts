/**
 * Runtime configuration, read from /config.json at start. The same build runs locally (demo sign-in) and in
 * AWS (Cognito hosted UI); the file is written at build time (web/public/config.json, local defaults) or at
 * deploy time by the CDK stack.
 */
export interface LocalAuthConfig {
  mode: 'local';
}

export interface CognitoAuthConfig {
  mode: 'cognito';
  /** Hosted UI domain, e.g. https://essaimage.auth.eu-west-3.amazoncognito.com */
  domain: string;
  clientId: string;
  /** Defaults to `${origin}/auth/callback`. */
  redirectUri?: string;
  /** Defaults to `${origin}/` (must be one of the app client's sign-out URLs). */
  logoutUri?: string;
  scopes?: string[];
}

export interface AppConfig {
  /** Prefix of API calls: '/api' (same origin) or an absolute URL (CORS). */
  apiBaseUrl: string;
  auth: LocalAuthConfig | CognitoAuthConfig;
  /** Shown in the header, e.g. "démo locale". */
  environmentLabel?: string;
}

const defaults: AppConfig = { apiBaseUrl: '/api', auth: { mode: 'local' } };

let current: AppConfig = defaults;

export function config(): AppConfig {
  return current;
}

function isConfig(value: unknown): value is Partial<AppConfig> {
  return typeof value === 'object' && value !== null;
}

export async function loadConfig(): Promise<AppConfig> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (response.ok) {
      const raw: unknown = await response.json();
      if (isConfig(raw)) {
        const auth = raw.auth?.mode === 'cognito' && raw.auth.domain && raw.auth.clientId ? raw.auth : defaults.auth;
        current = { ...defaults, ...raw, auth };
      }
    }
  } catch {
    current = defaults;
  }
  return current;
}
