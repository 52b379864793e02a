import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from './api/client';
import type { Me } from './api/types';
import { getToken, onSessionChange, rememberReturnTo } from './auth/session';
import { ErrorBoundary } from './components/error-boundary';
import { ErrorPage, Loaded } from './components/page';
import { Layout } from './layout';
import { MeContext, useApi } from './hooks';
import { CallbackPage, SignInPage } from './pages/sign-in';
import { ActivateAccountPage, ConfirmAccountPage, CreateAccountPage } from './pages/account';
import { match, navigate, useLocation } from './router';
import { appRoutes } from './routes';

/** The app shell: sign-in, the caller's identity (/me), the layout and the page of the current path. */
export function App() {
  const [token, setTokenState] = useState(getToken());
  useEffect(() => onSessionChange(() => setTokenState(getToken())), []);
  const { path } = useLocation();

  if (path === '/connexion') return <SignInPage />;
  if (path === '/auth/callback') return <CallbackPage />;
  if (path === '/creer-un-compte') return <CreateAccountPage />;
  if (path === '/confirmer-mon-compte') return <ConfirmAccountPage />;
  if (path === '/activer-mon-compte') return <ActivateAccountPage />;
  if (!token) return <Redirect path={path} />;
  return <SignedIn token={token} path={path} />;
}

function Redirect(props: { path: string }) {
  useEffect(() => {
    rememberReturnTo(props.path + window.location.search);
    navigate('/connexion', { replace: true });
  }, [props.path]);
  return null;
}

function SignedIn(props: { token: string; path: string }) {
  const me = useApi((signal) => get<Me>('/me', undefined, signal), [props.token]);
  return (
    <Loaded resource={me} label="votre profil">
      {(data) => (
        <MeContext.Provider value={data}>
          <Layout me={data}>
            <ErrorBoundary resetKey={props.path}>
              <CurrentPage me={data} path={props.path} />
            </ErrorBoundary>
          </Layout>
        </MeContext.Provider>
      )}
    </Loaded>
  );
}

function CurrentPage(props: { me: Me; path: string }) {
  useFocusOnRouteChange(props.path);
  for (const route of appRoutes) {
    const params = match(route.path, props.path);
    if (!params) continue;
    if (route.roles && !route.roles.includes(props.me.role)) return <ErrorPage kind="forbidden" />;
    return route.render(params, props.me);
  }
  return <ErrorPage kind="not-found" />;
}

/** After navigating, focus goes to the new page's heading (screen readers announce it). */
function useFocusOnRouteChange(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    let tries = 0;
    const timer = setInterval(() => {
      const heading = document.getElementById('page-title');
      if (heading || ++tries > 40) {
        clearInterval(timer);
        (heading ?? document.getElementById('contenu'))?.focus();
      }
    }, 25);
    return () => clearInterval(timer);
  }, [path]);
}
