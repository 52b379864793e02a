import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ApiError } from '../api/client';
import { messageOf } from '../i18n/errors';
import type { Resource } from '../hooks';
import { Link } from '../router';

/** A page: its heading (focused on route change by the app shell), the document title, a trail and actions. */
export function Page(props: { title: string; subtitle?: ComponentChildren; trail?: { href: string; label: string }[]; actions?: ComponentChildren; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${props.title} — Essaimage A.CO.R.`;
  }, [props.title]);
  return (
    <>
      {props.trail && props.trail.length > 0 && (
        <nav aria-label="Fil d’Ariane" class="trail">
          <ol>
            {props.trail.map((t) => (
              <li key={t.href}>
                <Link href={t.href}>{t.label}</Link>
              </li>
            ))}
            <li aria-current="page">{props.title}</li>
          </ol>
        </nav>
      )}
      <div class="page-head">
        <div>
          <h1 tabIndex={-1} id="page-title">
            {props.title}
          </h1>
          {props.subtitle && <p class="subtitle">{props.subtitle}</p>}
        </div>
        {props.actions && <div class="page-actions">{props.actions}</div>}
      </div>
      {props.children}
    </>
  );
}

/** "Accès refusé" / "introuvable": the API refused (403) or hides (404) the record. Never a crash. */
export function ErrorPage(props: { kind: 'forbidden' | 'not-found' | 'error'; message?: string }) {
  const title = props.kind === 'forbidden' ? 'Accès refusé' : props.kind === 'not-found' ? 'Page introuvable ou accès refusé' : 'Une erreur est survenue';
  const text =
    props.kind === 'forbidden'
      ? 'Vous n’avez pas accès à cette page avec votre rôle. Si vous pensez que c’est une erreur, contactez l’équipe Ansa.'
      : props.kind === 'not-found'
        ? 'Cette page n’existe pas, ou elle concerne une structure à laquelle vous n’avez pas accès.'
        : (props.message ?? 'Réessayez dans un instant.');
  return (
    <div class="error-page" data-testid={`error-${props.kind}`}>
      <Page title={title}>
        <p>{text}</p>
        <p>
          <Link href="/">Retour à l’accueil</Link>
        </p>
      </Page>
    </div>
  );
}

export function errorKind(error: unknown): 'forbidden' | 'not-found' | 'error' {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'forbidden';
    if (error.status === 404 || (error.status === 400 && error.details.some((d) => d.path.startsWith('params')))) return 'not-found';
  }
  return 'error';
}

/** Renders a resource: loading state, the French error page on 403/404, an alert on other errors. */
export function Loaded<T>(props: { resource: Resource<T>; children: (data: T) => ComponentChildren; inline?: boolean; label?: string }) {
  const { data, error, loading } = props.resource;
  if (error) {
    const kind = errorKind(error);
    if (!props.inline && kind !== 'error') return <ErrorPage kind={kind} />;
    return (
      <div class="alert alert-error" role="alert">
        <p>{messageOf(error)}</p>
        <button type="button" class="button secondary" onClick={props.resource.reload}>
          Réessayer
        </button>
      </div>
    );
  }
  if (data === undefined) {
    return (
      <p class="loading" role="status" aria-live="polite">
        {loading ? `Chargement${props.label ? ` : ${props.label}` : ''}…` : ''}
      </p>
    );
  }
  return <>{props.children(data)}</>;
}

export function Section(props: { title: string; id?: string; children: ComponentChildren; actions?: ComponentChildren; level?: 2 | 3 }) {
  const id = props.id ?? `s-${props.title.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-')}`;
  const H = props.level === 3 ? 'h3' : 'h2';
  return (
    <section class="card" aria-labelledby={id}>
      <div class="card-head">
        <H id={id}>{props.title}</H>
        {props.actions && <div class="card-actions">{props.actions}</div>}
      </div>
      {props.children}
    </section>
  );
}

export function Badge(props: { tone?: 'neutral' | 'info' | 'success' | 'warning' | 'danger'; children: ComponentChildren }) {
  return <span class={`badge badge-${props.tone ?? 'neutral'}`}>{props.children}</span>;
}

export function DescriptionList(props: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="dl">
      {props.items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Empty(props: { children: ComponentChildren }) {
  return <p class="empty">{props.children}</p>;
}
