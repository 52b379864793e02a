import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A tiny history router. Paths are French and never collide with the API's paths, so that a reload on any
 * page gets the app (the local server and CloudFront fall back to index.html).
 */
export type Params = Record<string, string>;

type Listener = () => void;
const listeners = new Set<Listener>();

export function currentPath(): string {
  return window.location.pathname;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const l of listeners) l();
}

window.addEventListener('popstate', () => {
  for (const l of listeners) l();
});

export function useLocation(): { path: string; search: string } {
  const [location, setLocation] = useState({ path: window.location.pathname, search: window.location.search });
  useEffect(() => {
    const listener = () => setLocation({ path: window.location.pathname, search: window.location.search });
    listeners.add(listener);
    // A child may have navigated before this effect ran (children's effects run first): catch up.
    listener();
    return () => void listeners.delete(listener);
  }, []);
  return location;
}

/** Matches '/saisons/:seasonId' against a path; returns the decoded params or null. */
export function match(pattern: string, path: string): Params | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.replace(/\/+$/, '').split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Params = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const value = s[i]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) return null;
  }
  return params;
}

/** Query-string helpers for filters kept in the URL (so that a list can be shared and survives reloads). */
export function useSearchParams(): [URLSearchParams, (next: Record<string, string | undefined>) => void] {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') merged.delete(k);
      else merged.set(k, v);
    }
    const s = merged.toString();
    navigate(`${window.location.pathname}${s ? `?${s}` : ''}`, { replace: true });
  };
  return [params, update];
}

export function Link(props: { href: string; children: ComponentChildren; class?: string; id?: string; 'aria-current'?: 'page' | undefined; 'aria-label'?: string; onClick?: () => void }) {
  const { href, children, onClick, ...rest } = props;
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.();
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        if (!href.startsWith('/')) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
