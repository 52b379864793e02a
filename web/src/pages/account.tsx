import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type ErrorDetail } from '../api/client';
import { startCognitoSignIn } from '../auth/cognito';
import { setToken, takeReturnTo } from '../auth/session';
import { ErrorSummary, Form, SubmitButton, TextField } from '../components/form';
import { config } from '../config';
import { useForm } from '../hooks';
import { isServerErrorCode } from '../i18n/error-messages';
import { Link, navigate } from '../router';

/**
 * Accounts before sign-in: create an account (self sign-up), confirm the e-mail with the code received,
 * activate an invitation (choose a password), and sign in with e-mail and password. Locally these talk to
 * the local stand-in for Cognito (/local-auth/…); in AWS the Cognito hosted UI does the same steps.
 */

const passwordHint = 'Au moins 12 caractères, avec une minuscule, une majuscule, un chiffre et un symbole.';

/** POSTs to the local stand-in for Cognito; its refusals come back as the API's errors (same codes). */
async function localAuth<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/local-auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Network error');
  }
  const json = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string; details?: ErrorDetail[] } };
  if (!response.ok) {
    const code = json.error?.code && isServerErrorCode(json.error.code) ? json.error.code : 'UNKNOWN_ERROR';
    throw new ApiError(response.status, code, json.error?.message ?? response.statusText, json.error?.details ?? []);
  }
  return json as T;
}

/** Signed in: keep the token and go where the person was heading (by default, home). */
function signedIn(answer: { token: string }, to?: string) {
  setToken(answer.token);
  navigate(to ?? takeReturnTo(), { replace: true });
}

/** The frame of the pages shown before sign-in. */
export function PublicPage(props: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${props.title} — Essaimage A.CO.R.`;
  }, [props.title]);
  return (
    <div class="signin">
      <a class="skip-link" href="#contenu">
        Aller au contenu principal
      </a>
      <main id="contenu" tabIndex={-1} class="signin-main">
        <div class="signin-brand">
          <span class="brand-mark" aria-hidden="true" />
          <p>
            <strong>Essaimage A.CO.R.</strong>
            <br />
            Programme Ansa · AIS#Emploi
          </p>
        </div>
        <h1 id="page-title" tabIndex={-1}>
          {props.title}
        </h1>
        {props.children}
      </main>
    </div>
  );
}

/** E-mail and password (local accounts); the demo users keep their one-click sign-in beside it. */
export function PasswordSignIn() {
  const form = useForm(null, { email: '', password: '' });
  const submit = () =>
    void form.submit(async () => signedIn(await localAuth<{ token: string }>('sign-in', form.values)), ['email', 'password']);
  return (
    <section aria-labelledby="password-signin" class="signin-group">
      <h2 id="password-signin">Avec votre compte</h2>
      <Form onSubmit={submit} label="Se connecter avec son adresse e-mail">
        <ErrorSummary messages={form.formError} errors={form.errors} />
        <TextField name="email" label="Adresse e-mail" type="email" autoComplete="email" required value={form.values.email} onInput={(v) => form.set('email', v)} errors={form.errors} />
        <PasswordField name="password" label="Mot de passe" autoComplete="current-password" value={form.values.password} onInput={(v) => form.set('password', v)} errors={form.errors} />
        <SubmitButton busy={form.submitting}>Se connecter</SubmitButton>
      </Form>
      <p>
        Pas encore de compte ? <Link href="/creer-un-compte">Créer un compte</Link> pour candidater à un appel.
      </p>
    </section>
  );
}

function PasswordField(props: { name: string; label: string; value: string; onInput: (v: string) => void; autoComplete: string; hint?: string; errors?: Record<string, string[]> }) {
  const id = `pw-${props.name}`;
  const errs = props.errors?.[props.name] ?? [];
  return (
    <div class={`field${errs.length ? ' field-error' : ''}`} data-field={props.name}>
      <label for={id}>
        {props.label}
        <span class="required" aria-hidden="true">
          {' '}
          *
        </span>
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type="password"
        required
        autoComplete={props.autoComplete}
        value={props.value}
        aria-invalid={errs.length ? 'true' : undefined}
        aria-describedby={[props.hint ? `${id}-hint` : '', errs.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {errs.length > 0 && (
        <p class="field-message" id={`${id}-error`}>
          {errs.join(' ')}
        </p>
      )}
    </div>
  );
}

export function CreateAccountPage() {
  const auth = config().auth;
  const form = useForm(null, { displayName: '', organisation: '', email: '', password: '' });
  const submit = () =>
    void form.submit(async () => {
      const { userId } = await localAuth<{ userId: string }>('sign-up', form.values);
      navigate(`/confirmer-mon-compte?compte=${encodeURIComponent(userId)}`);
    }, ['displayName', 'organisation', 'email', 'password']);
  if (auth.mode === 'cognito') {
    return (
      <PublicPage title="Créer un compte">
        <p>La création de compte se fait sur la page de connexion sécurisée du programme.</p>
        <button type="button" class="button" onClick={() => void startCognitoSignIn(auth, { signUp: true })}>
          Créer mon compte
        </button>
      </PublicPage>
    );
  }
  return (
    <PublicPage title="Créer un compte">
      <p>
        Votre structure souhaite candidater à un appel de l’essaimage ? Créez votre compte : vous recevrez un code par e-mail pour confirmer votre
        adresse, puis vous pourrez remplir votre candidature.
      </p>
      <Form onSubmit={submit} label="Créer un compte">
        <ErrorSummary messages={form.formError} errors={form.errors} />
        <TextField name="displayName" label="Prénom et nom" autoComplete="name" required value={form.values.displayName} onInput={(v) => form.set('displayName', v)} errors={form.errors} />
        <TextField name="organisation" label="Structure" hint="Le nom de la structure que vous représentez." autoComplete="organization" value={form.values.organisation} onInput={(v) => form.set('organisation', v)} errors={form.errors} />
        <TextField name="email" label="Adresse e-mail" type="email" autoComplete="email" required value={form.values.email} onInput={(v) => form.set('email', v)} errors={form.errors} />
        <PasswordField name="password" label="Mot de passe" hint={passwordHint} autoComplete="new-password" value={form.values.password} onInput={(v) => form.set('password', v)} errors={form.errors} />
        <SubmitButton busy={form.submitting}>Créer mon compte</SubmitButton>
      </Form>
      <p>
        Déjà un compte ? <Link href="/connexion">Se connecter</Link>
      </p>
    </PublicPage>
  );
}

export function ConfirmAccountPage() {
  const params = new URLSearchParams(window.location.search);
  const userId = params.get('compte') ?? '';
  const form = useForm(null, { code: params.get('code') ?? '' });
  const submit = () =>
    void form.submit(async () => signedIn(await localAuth<{ token: string }>('confirm', { userId, code: form.values.code.trim() }), '/'), ['code']);
  return (
    <PublicPage title="Confirmer votre adresse e-mail">
      <p>
        Nous vous avons envoyé un code à six chiffres par e-mail. Saisissez-le pour activer votre compte (il est valable 24 heures). En démonstration
        locale, l’e-mail s’affiche dans le terminal de <code>npm start</code>.
      </p>
      <Form onSubmit={submit} label="Confirmer l’adresse e-mail">
        <ErrorSummary messages={form.formError} errors={form.errors} />
        <TextField name="code" label="Code de confirmation" autoComplete="one-time-code" required maxLength={6} value={form.values.code} onInput={(v) => form.set('code', v)} errors={form.errors} />
        <SubmitButton busy={form.submitting}>Confirmer</SubmitButton>
      </Form>
    </PublicPage>
  );
}

export function ActivateAccountPage() {
  const token = new URLSearchParams(window.location.search).get('jeton') ?? '';
  const form = useForm(null, { password: '', again: '' });
  const [mismatch, setMismatch] = useState(false);
  const submit = () => {
    setMismatch(form.values.password !== form.values.again);
    if (form.values.password !== form.values.again) return;
    void form.submit(async () => signedIn(await localAuth<{ token: string }>('activate', { token, password: form.values.password }), '/'), ['password']);
  };
  return (
    <PublicPage title="Activer mon compte">
      <p>L’équipe Ansa vous a invité·e sur l’outil du programme d’essaimage. Choisissez votre mot de passe pour activer votre compte.</p>
      <Form onSubmit={submit} label="Activer mon compte">
        <ErrorSummary messages={mismatch ? ['Les deux mots de passe ne sont pas identiques.', ...form.formError] : form.formError} errors={form.errors} />
        <PasswordField name="password" label="Mot de passe" hint={passwordHint} autoComplete="new-password" value={form.values.password} onInput={(v) => form.set('password', v)} errors={form.errors} />
        <PasswordField name="again" label="Confirmez le mot de passe" autoComplete="new-password" value={form.values.again} onInput={(v) => form.set('again', v)} />
        <SubmitButton busy={form.submitting}>Activer mon compte</SubmitButton>
      </Form>
    </PublicPage>
  );
}
