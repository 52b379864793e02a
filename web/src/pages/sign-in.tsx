import { useEffect, useState } from 'preact/hooks';
import type { Role } from '../../../shared/access/principal';
import type { DemoUser } from '../api/types';
import { completeCognitoSignIn, startCognitoSignIn } from '../auth/cognito';
import { getToken, setToken, takeReturnTo } from '../auth/session';
import { config } from '../config';
import { roleLabels } from '../i18n/labels';
import { Link, navigate } from '../router';
import { PasswordSignIn, PublicPage } from './account';

/**
 * Sign-in. Locally: choose a demo user of each role (the local server signs a development token). In AWS:
 * the Cognito hosted UI (authorization code + PKCE).
 */
export function SignInPage() {
  useEffect(() => {
    if (getToken()) navigate(takeReturnTo(), { replace: true });
  }, []);
  const auth = config().auth;
  return <PublicPage title="Connexion">{auth.mode === 'cognito' ? <CognitoSignIn /> : <LocalSignIn />}</PublicPage>;
}

function CognitoSignIn() {
  const auth = config().auth;
  const [busy, setBusy] = useState(false);
  return (
    <>
      <p>Connectez-vous avec votre compte (créé par vous-même pour candidater, ou ouvert par l’équipe Ansa).</p>
      <button
        type="button"
        class="button"
        disabled={busy}
        onClick={() => {
          if (auth.mode !== 'cognito') return;
          setBusy(true);
          void startCognitoSignIn(auth);
        }}
      >
        {busy ? 'Redirection…' : 'Se connecter'}
      </button>
      <p>
        Pas encore de compte ? <Link href="/creer-un-compte">Créer un compte</Link> pour candidater à un appel.
      </p>
    </>
  );
}

const roleOrder: Role[] = ['staff', 'referent', 'tutor'];

function LocalSignIn() {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    fetch('/local-auth/demo-users')
      .then((r) => (r.ok ? (r.json() as Promise<{ items: DemoUser[] }>) : Promise.reject(new Error(String(r.status)))))
      .then((b) => setUsers(b.items))
      .catch(() => setError('La liste des utilisateurs de démonstration est indisponible : le serveur local est-il démarré ?'));
  }, []);
  const signIn = async (user: DemoUser) => {
    setBusy(user.userId);
    setError(null);
    try {
      const response = await fetch('/local-auth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.userId }) });
      if (!response.ok) throw new Error(String(response.status));
      const { token } = (await response.json()) as { token: string };
      setToken(token);
      navigate(takeReturnTo(), { replace: true });
    } catch {
      setError('La connexion a échoué. Réessayez.');
      setBusy(null);
    }
  };
  return (
    <>
      <p>
        Démonstration locale : choisissez une personne pour découvrir l’application avec son rôle. Les données sont fictives et repartent
        de zéro à chaque démarrage.
      </p>
      <PasswordSignIn />
      <h2>Comptes de démonstration</h2>
      {error && (
        <div class="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {!users && !error && (
        <p role="status" class="loading">
          Chargement des comptes de démonstration…
        </p>
      )}
      {users &&
        roleOrder.map((role) => {
          const group = users.filter((u) => u.role === role);
          if (!group.length) return null;
          return (
            <section key={role} aria-labelledby={`role-${role}`} class="signin-group">
              <h2 id={`role-${role}`}>{roleLabels[role]}</h2>
              <ul class="user-cards">
                {group.map((user) => (
                  <li key={user.userId}>
                    <button type="button" class="user-card" data-user={user.userId} onClick={() => void signIn(user)} disabled={busy !== null} aria-describedby={`desc-${user.userId}`}>
                      <span class="user-card-name">{busy === user.userId ? 'Connexion…' : `Se connecter en tant que ${user.displayName}`}</span>
                      <span class="user-card-desc" id={`desc-${user.userId}`}>
                        {user.description}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
    </>
  );
}

export function CallbackPage() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const auth = config().auth;
    if (auth.mode !== 'cognito') {
      navigate('/connexion', { replace: true });
      return;
    }
    completeCognitoSignIn(auth, window.location.search).then(
      (token) => {
        setToken(token);
        navigate(takeReturnTo(), { replace: true });
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <main id="contenu" class="signin-main">
      <h1 id="page-title" tabIndex={-1}>
        Connexion en cours
      </h1>
      {error ? (
        <div class="alert alert-error" role="alert">
          <p>{error}</p>
          <p>
            <a href="/connexion">Revenir à la connexion</a>
          </p>
        </div>
      ) : (
        <p role="status">Vérification de votre identité…</p>
      )}
    </main>
  );
}
