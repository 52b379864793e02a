import type { CognitoAuthConfig } from '../config';

/**
 * Cognito hosted UI, authorization code flow with PKCE (no client secret in the browser). The ID token is
 * the bearer token of the API (its JWT authorizer checks issuer and audience = the app client).
 */
const VERIFIER_KEY = 'essaimage.pkce.verifier';
const STATE_KEY = 'essaimage.pkce.state';

function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(size = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(size)));
}

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

const origin = () => window.location.origin;
const redirectUri = (c: CognitoAuthConfig) => c.redirectUri ?? `${origin()}/auth/callback`;

/** To the hosted UI: its sign-in page, or (`signUp`) its "create an account" page, which signs in after the e-mail is confirmed. */
export async function startCognitoSignIn(c: CognitoAuthConfig, options: { signUp?: boolean } = {}): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  sessionStorage.setItem(STATE_KEY, state);
  const url = new URL(options.signUp ? '/signup' : '/oauth2/authorize', c.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: c.clientId,
    redirect_uri: redirectUri(c),
    scope: (c.scopes ?? ['openid', 'email', 'profile']).join(' '),
    state,
    code_challenge_method: 'S256',
    code_challenge: await challengeOf(verifier),
    lang: 'fr',
  }).toString();
  window.location.assign(url.toString());
}

/** Exchanges the code of the callback URL for tokens; returns the ID token. */
export async function completeCognitoSignIn(c: CognitoAuthConfig, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const state = params.get('state');
  const expected = sessionStorage.getItem(STATE_KEY);
  const verifier = sessionStorage.getItem(VERIFIER_KEY);
  sessionStorage.removeItem(STATE_KEY);
  sessionStorage.removeItem(VERIFIER_KEY);
  if (params.get('error')) throw new Error(params.get('error_description') ?? params.get('error') ?? 'Erreur de connexion');
  if (!code || !state || !verifier || state !== expected) throw new Error('Réponse de connexion invalide ou expirée');
  const response = await fetch(new URL('/oauth2/token', c.domain).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: c.clientId, code, redirect_uri: redirectUri(c), code_verifier: verifier }).toString(),
  });
  if (!response.ok) throw new Error('Le service de connexion a refusé la demande');
  const tokens = (await response.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error('Le service de connexion n’a pas renvoyé de jeton');
  return tokens.id_token;
}

export function cognitoSignOutUrl(c: CognitoAuthConfig): string {
  const url = new URL('/logout', c.domain);
  url.search = new URLSearchParams({ client_id: c.clientId, logout_uri: c.logoutUri ?? `${origin()}/` }).toString();
  return url.toString();
}
