/**
 * The signed-in session: the bearer token (a Cognito ID token in AWS, a development token locally), kept in
 * sessionStorage so that it ends with the browser tab. Listeners re-render the app on sign-in and sign-out.
 */
const TOKEN_KEY = 'essaimage.token';
const RETURN_KEY = 'essaimage.returnTo';

type Listener = () => void;
const listeners = new Set<Listener>();

function decodePayload(token: string): { exp?: number } | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(decodeURIComponent(escape(json))) as { exp?: number };
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const exp = decodePayload(token)?.exp;
  if (exp !== undefined && exp * 1000 < Date.now()) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  for (const l of listeners) l();
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  for (const l of listeners) l();
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where to go back after signing in (the page that asked for it). */
export function rememberReturnTo(path: string): void {
  if (!path.startsWith('/connexion') && !path.startsWith('/auth/')) sessionStorage.setItem(RETURN_KEY, path);
}

export function takeReturnTo(): string {
  const path = sessionStorage.getItem(RETURN_KEY) ?? '/';
  sessionStorage.removeItem(RETURN_KEY);
  return path;
}
