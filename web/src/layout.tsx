import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from './api/types';
import { clearToken } from './auth/session';
import { cognitoSignOutUrl } from './auth/cognito';
import { config } from './config';
import { roleLabels } from './i18n/labels';
import { Link, useLocation } from './router';
import { navFor } from './routes';
import { UnreadThreadsBadge } from './pages/threads';

export function Layout(props: { me: Me; children: ComponentChildren }) {
  const { path } = useLocation();
  const items = navFor(props.me);
  // On a phone the menu folds behind a button; it folds again after each navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  const env = config().environmentLabel ?? (config().auth.mode === 'local' ? 'démo locale' : undefined);
  const signOut = () => {
    clearToken();
    const c = config().auth;
    if (c.mode === 'cognito') window.location.assign(cognitoSignOutUrl(c));
    else window.location.assign('/connexion');
  };
  return (
    <div class="shell">
      <a class="skip-link" href="#contenu">
        Aller au contenu principal
      </a>
      <header class="header">
        <div class="header-inner">
          <Link href="/" class="brand">
            <span class="brand-mark" aria-hidden="true" />
            <span>
              <strong>Essaimage A.CO.R.</strong>
              <span class="brand-sub">Programme Ansa · AIS#Emploi</span>
            </span>
          </Link>
          {env && <span class="env">{env}</span>}
          <section class="user" aria-label="Utilisateur connecté">
            <span class="user-name">{props.me.displayName ?? 'Compte sans nom'}</span>
            <span class="user-role">
              {roleLabels[props.me.role]}
              {props.me.organisation ? ` · ${props.me.organisation}` : ''}
            </span>
            <button type="button" class="button link" onClick={signOut}>
              Se déconnecter
            </button>
          </section>
        </div>
        <button type="button" class="menu-toggle button secondary" aria-expanded={menuOpen} aria-controls="menu-principal" onClick={() => setMenuOpen(!menuOpen)}>
          {menuOpen ? 'Fermer le menu' : 'Menu'}
        </button>
        <nav class={menuOpen ? 'nav open' : 'nav'} id="menu-principal" aria-label="Navigation principale">
          <ul>
            {items.map((item) => {
              const active = item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link href={item.href} aria-current={active ? 'page' : undefined}>
                    {item.label}
                    {item.unreadThreads && <UnreadThreadsBadge />}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="contenu" tabIndex={-1} class="main">
        {props.children}
      </main>
      <footer class="footer">
        <p>Ansa — Agence nouvelle des solidarités actives · A.CO.R. · Données personnelles : seuls des indicateurs agrégés sont demandés aux structures (RGPD).</p>
      </footer>
    </div>
  );
}
