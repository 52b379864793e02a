import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApplicationInput } from '../../scripts/seed/calls';
import { startTestApi, type TestApi } from '../support/api';
import { everyOutboxMessage, outboxFaults } from '../support/french-text';
import { routes } from '../../functions/routes';
import { routeKey } from '../../shared/http/route';
import { snapshotTable } from '../support/db';
import { MatrixIds } from '../support/access-matrix';

/**
 * Accounts through the local server: self sign-up with e-mail confirmation (the local stand-in for Cognito,
 * the same profile use case as the post-confirmation trigger), invitations by staff and delegates named by a
 * referent (with their activation link), role changes, and what a token is worth once its profile is gone.
 */
let api: TestApi;
let ids: MatrixIds;
beforeAll(async () => {
  api = await startTestApi();
  ids = new MatrixIds(api);
});
afterAll(() => api?.stop());

const password = 'Essaimage-2026!';
const staff = 'demo-staff-claire';

async function post(path: string, body: unknown) {
  const res = await fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

/** The newest outbox message of a kind for a user, read as staff (the outbox is what `npm start` shows). */
async function mailTo(userId: string, kind: string): Promise<string> {
  const res = await api.call('GET', '/outbox?limit=100', { as: staff });
  const message = res.body.items.find((m: { recipientUserId: string; kind: string }) => m.recipientUserId === userId && m.kind === kind);
  if (!message) throw new Error(`No ${kind} message for ${userId}`);
  return message.body as string;
}

const codeIn = (body: string) => /: (\d{6})\n/.exec(body)?.[1] ?? '';
const tokenIn = (body: string) => /jeton=([A-Za-z0-9_-]+)/.exec(body)?.[1] ?? '';

async function signUp(email: string, displayName = 'Lina Chevalier') {
  const res = await post('/local-auth/sign-up', { email, password, displayName, organisation: 'Avenir Emploi' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.userId as string;
}

/** Invites as staff and activates through the e-mailed link; returns the new user's id and token. */
async function inviteAndActivate(body: Record<string, unknown>, as = staff, path = '/users/invitations') {
  const invited = await api.call('POST', path, { as, body });
  expect(invited.status, invited.text).toBe(201);
  const token = tokenIn(await mailTo(invited.body.userId, 'account.invitation'));
  const activated = await post('/local-auth/activate', { token, password });
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  return { userId: invited.body.userId as string, token: activated.body.token as string, link: token };
}

describe('self sign-up', () => {
  it('signs up, confirms with the e-mailed code, signs in as an applicant with no structure, and applies', async () => {
    expect((await post('/local-auth/sign-up', { email: 'faible@example.org', password: 'court', displayName: 'Lina Faible' })).body.error.code).toBe('WEAK_PASSWORD');
    const userId = await signUp('Lina.Chevalier@Example.org');
    expect((await post('/local-auth/sign-in', { email: 'lina.chevalier@example.org', password })).status).toBe(401);
    const code = codeIn(await mailTo(userId, 'account.sign-up-code'));
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await post('/local-auth/confirm', { userId, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.body.error.code).toBe('SIGN_UP_CODE_INVALID');
    const confirmed = await post('/local-auth/confirm', { userId, code });
    expect(confirmed.status).toBe(200);
    expect((await post('/local-auth/confirm', { userId, code })).body.error.code).toBe('SIGN_UP_CODE_INVALID');

    const me = await api.call('GET', '/me', { token: confirmed.body.token });
    expect(me.body).toMatchObject({ userId, role: 'referent', displayName: 'Lina Chevalier', organisation: 'Avenir Emploi', structureIds: [] });
    expect(await mailTo(userId, 'account.welcome')).toContain('Candidater');

    expect((await post('/local-auth/sign-in', { email: 'lina.chevalier@example.org', password: 'Mauvais-mot-2026!' })).body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await post('/local-auth/sign-in', { email: 'personne@example.org', password })).body.error.code).toBe('INVALID_CREDENTIALS');
    const signedIn = await post('/local-auth/sign-in', { email: 'LINA.chevalier@example.org', password });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ userId, role: 'referent' });

    const callId = await ids.get('callId');
    const applied = await api.call('POST', `/calls/${callId}/applications`, { token: signedIn.body.token, body: demoApplicationInput('str_air-aicm', '2020-01-15') });
    expect(applied.status, applied.text).toBe(201);
    const mine = await api.call('GET', '/me/applications', { token: signedIn.body.token });
    expect(mine.body.items).toHaveLength(1);

    const audit = await api.call('GET', `/audit/user/${userId}`, { as: staff });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['account.sign-up-started', 'account.signed-up']));
  });

  it('refuses a second account with the same e-mail', async () => {
    const userId = await signUp('unique@example.org');
    await post('/local-auth/confirm', { userId, code: codeIn(await mailTo(userId, 'account.sign-up-code')) });
    expect((await post('/local-auth/sign-up', { email: 'UNIQUE@example.org', password, displayName: 'Autre Personne' })).body.error.code).toBe('EMAIL_TAKEN');
    const invited = await api.call('POST', '/users/invitations', { as: staff, body: { email: 'unique@example.org', displayName: 'Autre Personne', role: 'tutor' } });
    expect(invited.body.error.code).toBe('EMAIL_TAKEN');
  });
});

describe('invitations', () => {
  it('staff invite staff, a tutor and the referent of a structure; each activates once through the link', async () => {
    const tutor = await inviteAndActivate({ email: 'tuteur@acor.example', displayName: 'Paul Tuteur', role: 'tutor' });
    expect((await api.call('GET', '/me', { token: tutor.token })).body).toMatchObject({ role: 'tutor', organisation: 'A.CO.R.' });
    expect((await post('/local-auth/activate', { token: tutor.link, password })).body.error.code).toBe('INVITATION_INVALID');

    const colleague = await inviteAndActivate({ email: 'collegue@ansa.example', displayName: 'Léa Collègue', role: 'staff' });
    expect((await api.call('GET', '/users?role=tutor', { token: colleague.token })).status).toBe(200);

    const referent = await inviteAndActivate({ email: 'direction@passerelle.example', displayName: 'Marc Directeur', role: 'referent', structureId: 'str_passerelle' });
    const me = await api.call('GET', '/me', { token: referent.token });
    expect(me.body).toMatchObject({ role: 'referent', structureIds: ['str_passerelle'], organisation: 'Passerelle' });
    expect((await api.call('GET', `/essaimes/${await ids.get('essaimeId')}`, { token: referent.token })).status).toBe(200);

    const signedIn = await post('/local-auth/sign-in', { email: 'direction@passerelle.example', password });
    expect(signedIn.body.user.role).toBe('referent');
    const audit = await api.call('GET', `/audit/user/${referent.userId}`, { as: staff });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['account.invited', 'account.activated']));
  });

  it('refuses a referent without structure, of an unknown structure, and a tutor with one', async () => {
    const bad = (body: unknown) => api.call('POST', '/users/invitations', { as: staff, body });
    expect((await bad({ email: 'a@example.org', displayName: 'Anne A', role: 'referent' })).status).toBe(400);
    expect((await bad({ email: 'a@example.org', displayName: 'Anne A', role: 'tutor', structureId: 'str_passerelle' })).status).toBe(400);
    expect((await bad({ email: 'a@example.org', displayName: 'Anne A', role: 'referent', structureId: 'str_inconnue' })).body.error.code).toBe('STRUCTURE_UNKNOWN');
    expect((await api.call('POST', '/users/invitations', { as: 'demo-referent-jura', body: { email: 'a@example.org', displayName: 'Anne A', role: 'staff' } })).status).toBe(403);
  });

  it('a referent names one delegate for their own structure; both see it; a second one is refused', async () => {
    const delegate = await inviteAndActivate({ email: 'adjointe@passerelle.example', displayName: 'Inès Adjointe' }, 'demo-referent-passerelle', '/structures/str_passerelle/delegates');
    const me = await api.call('GET', '/me', { token: delegate.token });
    expect(me.body).toMatchObject({ role: 'referent', structureIds: ['str_passerelle'] });
    expect(me.body.memberships[0]).toMatchObject({ structureId: 'str_passerelle', relation: 'delegate' });
    const essaime = `/essaimes/${await ids.get('essaimeId')}`;
    expect((await api.call('GET', essaime, { token: delegate.token })).status).toBe(200);
    expect((await api.call('GET', essaime, { as: 'demo-referent-passerelle' })).status).toBe(200);

    const second = await api.call('POST', '/structures/str_passerelle/delegates', { as: 'demo-referent-passerelle', body: { email: 'autre@passerelle.example', displayName: 'Autre Adjoint' } });
    expect(second.body.error.code).toBe('DELEGATE_EXISTS');
    const foreign = await api.call('POST', '/structures/str_passerelle/delegates', { as: 'demo-referent-jura', body: { email: 'x@jura.example', displayName: 'Xavier X' } });
    expect(foreign.body.error.code).toBe('NOT_YOUR_STRUCTURE');
    const byDelegate = await api.call('POST', '/structures/str_passerelle/delegates', { token: delegate.token, body: { email: 'y@passerelle.example', displayName: 'Yves Y' } });
    expect(byDelegate.body.error.code).toBe('NOT_YOUR_STRUCTURE');

    // Deactivating the delegate frees the structure: another may be named; the first cannot come back meanwhile.
    expect((await api.call('POST', `/users/${delegate.userId}/deactivate`, { as: staff })).status).toBe(200);
    const next = await api.call('POST', '/structures/str_passerelle/delegates', { as: 'demo-referent-passerelle', body: { email: 'suivant@passerelle.example', displayName: 'Sam Suivant' } });
    expect(next.status, next.text).toBe(201);
    expect((await api.call('POST', `/users/${delegate.userId}/reactivate`, { as: staff })).body.error.code).toBe('DELEGATE_EXISTS');
  });

  it('two delegate invitations sent at once: exactly one lands', async () => {
    const send = (n: number) =>
      api.call('POST', '/structures/str_jura-service/delegates', { as: 'demo-referent-jura', body: { email: `course-${n}@jura.example`, displayName: `Personne ${n}` } });
    const answers = await Promise.all([1, 2, 3, 4].map(send));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201), JSON.stringify(answers.map((a) => a.body))).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).every((a) => ['DELEGATE_EXISTS', 'TRANSACTION_CONFLICT'].includes(a.body.error.code))).toBe(true);
    // Only the winner holds a profile and an account e-mail: the others left nothing behind.
    const refused = answers.flatMap((a, i) => (a.status === 201 ? [] : [`course-${i + 1}@jura.example`]));
    for (const email of refused) {
      const again = await api.call('POST', '/users/invitations', { as: staff, body: { email, displayName: 'Encore Moi', role: 'tutor' } });
      expect(again.status, again.text).toBe(201);
    }
  });
});

describe('users, roles and deactivation', () => {
  it('lists users of a role a page at a time', async () => {
    const first = await api.call('GET', '/users?role=staff&limit=1', { as: staff });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await api.call('GET', `/users?role=staff&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, { as: staff });
    expect(second.body.items[0].userId).not.toBe(first.body.items[0].userId);
    expect(second.body.items[0]).toMatchObject({ role: 'staff', status: 'active' });
  });

  it('a role change refuses the old token at once; a new token carries the new role', async () => {
    const isabelle = 'demo-tutor-isabelle';
    const oldToken = await api.product.tokenFor(isabelle);
    expect((await api.call('PUT', `/users/${staff}/role`, { as: staff, body: { role: 'tutor' } })).body.error.code).toBe('OWN_ACCOUNT');
    expect((await api.call('PUT', `/users/${isabelle}/role`, { as: staff, body: { role: 'tutor' } })).body.error.code).toBe('ROLE_UNCHANGED');
    const changed = await api.call('PUT', `/users/${isabelle}/role`, { as: staff, body: { role: 'staff' } });
    expect(changed.body).toMatchObject({ userId: isabelle, role: 'staff' });
    const old = await api.call('GET', '/me', { token: oldToken });
    expect([old.status, old.body.error.code]).toEqual([401, 'ROLE_CHANGED']);
    const fresh = await api.call('GET', '/users?role=staff', { token: await api.product.tokenFor(isabelle) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.items.map((u: { userId: string }) => u.userId)).toContain(isabelle);
    await api.call('PUT', `/users/${isabelle}/role`, { as: staff, body: { role: 'tutor' } });
  });

  it('a token whose user has no profile is refused everywhere, whatever its group', async () => {
    for (const role of ['staff', 'tutor', 'referent'] as const) {
      const token = await api.product.auth.sign({ userId: `cognito-sub-without-profile-${role}`, role });
      const res = await api.call('GET', '/me', { token });
      expect([res.status, res.body.error.code]).toEqual([403, 'NO_ACTIVE_PROFILE']);
    }
    const asStaff = await api.product.auth.sign({ userId: 'cognito-sub-without-profile', role: 'staff' });
    expect((await api.call('GET', '/users?role=staff', { token: asStaff })).body.error.code).toBe('NO_ACTIVE_PROFILE');
    expect((await api.call('POST', '/seasons', { token: asStaff, body: { name: 'Saison pirate', year: 2031, startDate: '2031-09-01', endDate: '2033-03-31', hypotheses: ['A'] } })).body.error.code).toBe('NO_ACTIVE_PROFILE');
  });
});

describe('deactivation', () => {
  /** One user of each role, deactivated by staff: every route refuses them at once, and nothing is written. */
  const deactivated = { staff: 'demo-staff-thomas', tutor: 'demo-tutor-michel', referent: 'demo-referent-passerelle' } as const;

  it('refuses a deactivated user of every role on every route, then lets them back after reactivation', async () => {
    const specs = routes.map((r) => r.spec).filter((spec) => spec.access !== 'public');
    const paths = new Map<string, string>();
    for (const spec of specs) paths.set(routeKey(spec), await ids.path(spec.path));
    const tokens = Object.fromEntries(await Promise.all(Object.values(deactivated).map(async (u) => [u, await api.product.tokenFor(u)] as const)));
    for (const userId of Object.values(deactivated)) {
      const res = await api.call('POST', `/users/${userId}/deactivate`, { as: staff });
      expect(res.body).toMatchObject({ userId, status: 'deactivated' });
    }
    expect((await api.call('POST', `/users/${deactivated.staff}/deactivate`, { as: staff })).body.error.code).toBe('ACCOUNT_ALREADY_DEACTIVATED');

    const before = await snapshotTable(api.product.deps.db);
    const failures: string[] = [];
    let reachedProfileCheck = 0;
    // The three roles side by side: each role's requests one after the other.
    await Promise.all(Object.entries(deactivated).map(async ([role, userId]) => {
      for (const spec of specs) {
        const admitted = (spec.access as readonly string[]).includes(role);
        // Input is checked before anything is read (a malformed request is a 400 that reads nothing); with
        // input the schema takes, the profile decides.
        const inputOk = (spec.query?.safeParse({}).success ?? true) && (spec.body?.safeParse({}).success ?? true);
        const res = await api.call(spec.method, paths.get(routeKey(spec))!, { token: tokens[userId], ...(spec.body ? { body: {} } : {}) });
        const code = res.body?.error?.code;
        const expected = !admitted ? ['ROLE_NOT_ALLOWED'] : inputOk ? ['ACCOUNT_DEACTIVATED'] : ['ACCOUNT_DEACTIVATED', 'VALIDATION_FAILED'];
        if (!expected.includes(code)) failures.push(`${routeKey(spec)} as ${role}: ${res.status} ${res.text.slice(0, 120)}`);
        if (code === 'ACCOUNT_DEACTIVATED') reachedProfileCheck++;
      }
    }));
    expect(failures).toEqual([]);
    expect(reachedProfileCheck).toBeGreaterThan(specs.length / 2);
    expect(await snapshotTable(api.product.deps.db)).toEqual(before);
    const signIn = await api.call('GET', '/me', { token: tokens[deactivated.referent] });
    expect([signIn.status, signIn.body.error.code]).toEqual([403, 'ACCOUNT_DEACTIVATED']);

    for (const userId of Object.values(deactivated)) {
      expect((await api.call('POST', `/users/${userId}/reactivate`, { as: staff })).body.status).toBe('active');
      expect((await api.call('GET', '/me', { token: tokens[userId] })).status).toBe(200);
    }
    const audit = await api.call('GET', `/audit/user/${deactivated.tutor}`, { as: staff });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['account.deactivated', 'account.reactivated']));
  }, 90_000);
});

describe('the e-mails these flows queued', () => {
  it('greet people by name and read as French (no ISO date, no « 00:00 », no raw id)', async () => {
    const messages = await everyOutboxMessage(api);
    expect(messages.length).toBeGreaterThan(0);
    expect(outboxFaults(messages)).toEqual([]);
  });
});
