import { useState } from 'preact/hooks';
import type { UserView } from '../../../shared/accounts/schemas';
import { get, post, put, type Page as ApiPage } from '../api/client';
import type { Essaime, Role, Season } from '../api/types';
import { ConfirmDialog } from '../components/confirm';
import { ErrorSummary, Form, Select, SubmitButton, TextField } from '../components/form';
import { Badge, Empty, Loaded, Page, Section } from '../components/page';
import { Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { messageOf } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { roleLabels } from '../i18n/labels';

/**
 * Staff: the users of the programme by role, invitations (staff, tutor, referent of a selected structure),
 * role changes, deactivation and reactivation. Referents: naming their structure's delegate.
 */

const roleOptions = (['staff', 'tutor', 'referent'] as const).map((r) => ({ value: r, label: roleLabels[r] }));
const statusLabels: Record<UserView['status'], string> = { active: 'Actif', deactivated: 'Désactivé', erased: 'Actif (données effacées)' };
const statusTone = { active: 'success', deactivated: 'warning', erased: 'neutral' } as const;

type Pending = { kind: 'deactivate' | 'reactivate'; user: UserView } | { kind: 'role'; user: UserView; role: Role };

export function UsersPage() {
  const me = useMe();
  const [role, setRole] = useState<Role>('staff');
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = usePagedApi((cursor, signal) => get<ApiPage<UserView>>('/users', { role, cursor, limit: 20 }, signal), [role, tick]);

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const id = encodeURIComponent(pending.user.userId);
      if (pending.kind === 'role') await put(`/users/${id}/role`, { role: pending.role });
      else if (pending.kind === 'deactivate') await post(`/users/${id}/deactivate`);
      else await post(`/users/${id}/reactivate`);
      setNotice(
        pending.kind === 'role'
          ? `${pending.user.displayName} est désormais « ${roleLabels[pending.role]} ».`
          : pending.kind === 'deactivate'
            ? `Le compte de ${pending.user.displayName} est désactivé.`
            : `Le compte de ${pending.user.displayName} est réactivé.`,
      );
      setPending(null);
      setTick((t) => t + 1);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Utilisateurs" subtitle="Les comptes du programme : équipe Ansa, tuteurs A.CO.R. et référents des structures.">
      <Notice message={notice} />
      <InviteUser
        onInvited={(u) => {
          setNotice(`Invitation envoyée à ${u.displayName} (${u.email}).`);
          setRole(u.role);
          setTick((t) => t + 1);
        }}
      />
      <Section title="Comptes">
        <Select name="role" label="Rôle" value={role} onChange={(v) => setRole(v as Role)} options={roleOptions} />
        <Loaded resource={list} label="les utilisateurs">
          {(page) => (
            <>
              <Table
                caption={`Comptes « ${roleLabels[role]} »`}
                rows={page.items}
                rowKey={(u) => u.userId}
                empty="Aucun compte avec ce rôle."
                columns={[
                  { key: 'name', label: 'Nom', render: (u) => u.displayName },
                  { key: 'email', label: 'E-mail', render: (u) => u.email },
                  { key: 'organisation', label: 'Organisation', render: (u) => u.organisation || '—' },
                  { key: 'status', label: 'État', render: (u) => <Badge tone={statusTone[u.status]}>{statusLabels[u.status]}</Badge> },
                  { key: 'since', label: 'Créé le', render: (u) => (u.createdAt ? formatDateTime(u.createdAt) : '—') },
                  {
                    key: 'actions',
                    label: 'Actions',
                    render: (u) =>
                      u.userId === me.userId ? (
                        '—'
                      ) : (
                        <div class="row-actions">
                          <label class="sr-only" for={`role-${u.userId}`}>
                            Nouveau rôle de {u.displayName}
                          </label>
                          <select
                            id={`role-${u.userId}`}
                            value={u.role}
                            onChange={(e) => {
                              const next = (e.currentTarget as HTMLSelectElement).value as Role;
                              if (next !== u.role) setPending({ kind: 'role', user: u, role: next });
                            }}
                          >
                            {roleOptions.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                          <button type="button" class="button button-secondary" onClick={() => setPending({ kind: u.status === 'deactivated' ? 'reactivate' : 'deactivate', user: u })}>
                            {u.status === 'deactivated' ? `Réactiver ${u.displayName}` : `Désactiver ${u.displayName}`}
                          </button>
                        </div>
                      ),
                  },
                ]}
              />
              <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
            </>
          )}
        </Loaded>
      </Section>
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === 'deactivate' ? 'Désactiver ce compte ?' : pending?.kind === 'reactivate' ? 'Réactiver ce compte ?' : 'Changer le rôle ?'}
        confirmLabel={pending?.kind === 'deactivate' ? 'Désactiver' : pending?.kind === 'reactivate' ? 'Réactiver' : 'Changer le rôle'}
        danger={pending?.kind !== 'reactivate'}
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setPending(null);
          setError(null);
        }}
      >
        {pending?.kind === 'deactivate' && (
          <p>
            {pending.user.displayName} ne pourra plus rien faire dans l’outil, immédiatement, même si sa session est ouverte. Ses données sont conservées ;
            vous pourrez réactiver le compte.
          </p>
        )}
        {pending?.kind === 'reactivate' && <p>{pending.user.displayName} retrouvera l’accès à l’outil avec son rôle actuel.</p>}
        {pending?.kind === 'role' && (
          <p>
            {pending.user.displayName} passera de « {roleLabels[pending.user.role]} » à « {roleLabels[pending.role]} ». Sa session en cours sera
            fermée : il ou elle devra se reconnecter.
          </p>
        )}
      </ConfirmDialog>
    </Page>
  );
}

/** The selected structures (essaimés of every season), to invite their referent. */
function useStructures() {
  return useApi(async (signal) => {
    const seasons = await get<ApiPage<Season>>('/seasons', { limit: 100 }, signal);
    const pages = await Promise.all(seasons.items.map((s) => get<ApiPage<Essaime>>(`/seasons/${s.seasonId}/essaimes`, { limit: 100 }, signal)));
    const byId = new Map(pages.flatMap((p) => p.items).map((e) => [e.structureId, e.structureName]));
    return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  }, []);
}

function InviteUser(props: { onInvited: (user: UserView) => void }) {
  const form = useForm('invite-user', { email: '', displayName: '', role: 'tutor', structureId: '' });
  const structures = useStructures();
  const submit = () =>
    void form.submit(async () => {
      const { structureId, ...rest } = form.values;
      const user = await post<UserView>('/users/invitations', { ...rest, ...(rest.role === 'referent' ? { structureId } : {}) });
      form.clear();
      props.onInvited(user);
    }, ['email', 'displayName', 'role', 'structureId']);
  return (
    <Section title="Inviter une personne">
      <p>La personne reçoit un e-mail pour activer son compte. Un référent est invité pour une structure essaimée.</p>
      <Form onSubmit={submit} label="Inviter une personne">
        <ErrorSummary messages={form.formError} errors={form.errors} />
        <TextField name="displayName" label="Prénom et nom" required value={form.values.displayName} onInput={(v) => form.set('displayName', v)} errors={form.errors} />
        <TextField name="email" label="Adresse e-mail" type="email" required value={form.values.email} onInput={(v) => form.set('email', v)} errors={form.errors} />
        <Select name="role" label="Rôle" required value={form.values.role} onChange={(v) => form.set('role', v)} options={roleOptions} errors={form.errors} />
        {form.values.role === 'referent' && (
          <Select
            name="structureId"
            label="Structure"
            required
            placeholder="Choisir une structure essaimée"
            value={form.values.structureId}
            onChange={(v) => form.set('structureId', v)}
            options={structures.data ?? []}
            errors={form.errors}
          />
        )}
        <SubmitButton busy={form.submitting}>Envoyer l’invitation</SubmitButton>
      </Form>
    </Section>
  );
}

/** A referent names a delegate (a colleague who acts as referent) for each structure they direct. */
export function DelegatePage() {
  const me = useMe();
  const own = me.memberships.filter((m) => m.relation === 'referent');
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page title="Inviter un·e délégué·e" subtitle="Un·e collègue qui agira pour la structure comme vous : candidatures, formation, rapports. Une seule personne déléguée active par structure.">
      <Notice message={notice} />
      {own.length === 0 && <Empty>Vous n’êtes référent·e d’aucune structure essaimée : il n’y a pas encore de délégation possible.</Empty>}
      {own.map((m) => (
        <DelegateForm key={m.structureId} structureId={m.structureId} structureName={m.structureName} onInvited={(u) => setNotice(`Invitation envoyée à ${u.displayName} (${u.email}).`)} />
      ))}
    </Page>
  );
}

function DelegateForm(props: { structureId: string; structureName: string; onInvited: (user: UserView) => void }) {
  const form = useForm(`delegate-${props.structureId}`, { email: '', displayName: '' });
  const submit = () =>
    void form.submit(async () => {
      const user = await post<UserView>(`/structures/${encodeURIComponent(props.structureId)}/delegates`, form.values);
      form.clear();
      props.onInvited(user);
    }, ['email', 'displayName']);
  return (
    <Section title={props.structureName}>
      <Form onSubmit={submit} label={`Inviter un·e délégué·e pour ${props.structureName}`}>
        <ErrorSummary messages={form.formError} errors={form.errors} />
        <TextField name="displayName" label="Prénom et nom" required value={form.values.displayName} onInput={(v) => form.set('displayName', v)} errors={form.errors} />
        <TextField name="email" label="Adresse e-mail" type="email" required value={form.values.email} onInput={(v) => form.set('email', v)} errors={form.errors} />
        <SubmitButton busy={form.submitting}>Inviter</SubmitButton>
      </Form>
    </Section>
  );
}
