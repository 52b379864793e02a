import { useState } from 'preact/hooks';
import { get, post, type Page as ApiPage } from '../api/client';
import type { UserView } from '../../../shared/accounts/schemas';
import type { ErasureResult, PersonalDataExport } from '../../../shared/read-models/personal-data/views';
import { ConfirmDialog } from '../components/confirm';
import { ErrorSummary, Form, Select, SubmitButton, TextField } from '../components/form';
import { Loaded, Page, Section } from '../components/page';
import { Notice, Table } from '../components/widgets';
import { useForm, useMe, usePagedApi } from '../hooks';
import { countOf, formatDateTime } from '../i18n/format';
import { messageOf } from '../i18n/errors';
import { roleLabels } from '../i18n/labels';

const channelOptions = [
  { value: 'email', label: 'Courriel' },
  { value: 'letter', label: 'Courrier' },
  { value: 'in-person', label: 'En personne' },
  { value: 'phone', label: 'Téléphone' },
  { value: 'other', label: 'Autre' },
];

const today = () => new Date().toISOString().slice(0, 10);

/** Saves the export as a JSON file the person can be sent (the right of access). */
function saveJson(name: string, data: PersonalDataExport) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `donnees-personnelles-${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A person's personal data: export (a JSON file, and how many records hold it) and erasure, which asks when
 * and how the person asked, then to type their name before it runs — it cannot be undone.
 */
export type DataSubject = { kind: 'user'; userId: string } | { kind: 'participant'; essaimeId: string; participantId: string };

const exportOf = (s: DataSubject) =>
  s.kind === 'user' ? get<PersonalDataExport>(`/privacy/users/${s.userId}`) : get<PersonalDataExport>(`/privacy/essaimes/${s.essaimeId}/participants/${s.participantId}`);
const eraseOf = (s: DataSubject, body: unknown) =>
  s.kind === 'user' ? post<ErasureResult>(`/privacy/users/${s.userId}/erasure`, body) : post<ErasureResult>(`/privacy/essaimes/${s.essaimeId}/participants/${s.participantId}/erasure`, body);

export function PersonalDataActions(props: { name: string; subject: DataSubject; onErased?: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [erasing, setErasing] = useState(false);
  const form = useForm<{ requestedOn: string; channel: string }>(null, { requestedOn: today(), channel: 'email' });
  const [asking, setAsking] = useState(false);
  const exportData = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const data = await exportOf(props.subject);
      saveJson(props.name, data);
      setNotice(`Données de ${props.name} exportées le ${formatDateTime(data.exportedAt)} : sa fiche et ${countOf(data.copies.length, 'autre enregistrement', 'autres enregistrements', 'aucun autre enregistrement')}.`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const erase = async () => {
    const result = await form.submit(() => eraseOf(props.subject, { confirm: true, requestedOn: form.values.requestedOn, channel: form.values.channel }), ['requestedOn', 'channel']);
    setAsking(false);
    if (result) {
      setErasing(false);
      setNotice(result.alreadyErased ? `Les données de ${props.name} étaient déjà effacées.` : `Données de ${props.name} effacées : sa fiche et ${countOf(result.scrubbed, 'autre enregistrement anonymisé', 'autres enregistrements anonymisés', 'aucun autre enregistrement')}.`);
      props.onErased?.();
    }
  };
  return (
    <div class="personal-data">
      <Notice message={notice} />
      {error && (
        <p class="field-message" role="alert">
          {error}
        </p>
      )}
      <span class="actions">
        <button type="button" class="button small secondary" disabled={busy} onClick={() => void exportData()}>
          Exporter ses données
        </button>
        {!erasing && (
          <button type="button" class="button small danger" onClick={() => setErasing(true)}>
            Effacer ses données
          </button>
        )}
      </span>
      {erasing && (
        <Form onSubmit={() => setAsking(true)} label={`Effacer les données de ${props.name}`}>
          <ErrorSummary messages={form.formError} />
          <div class="grid">
            <TextField name="requestedOn" type="date" label="Date de la demande" required value={form.values.requestedOn} onInput={(v) => form.set('requestedOn', v)} errors={form.errors} />
            <Select name="channel" label="Demande reçue par" required value={form.values.channel} onChange={(v) => form.set('channel', v)} options={channelOptions} errors={form.errors} />
          </div>
          <p class="actions">
            <SubmitButton busy={form.submitting} class="button danger">
              Effacer les données
            </SubmitButton>
            <button type="button" class="button secondary" onClick={() => setErasing(false)}>
              Fermer
            </button>
          </p>
        </Form>
      )}
      <ConfirmDialog
        open={asking}
        title={`Effacer définitivement les données de ${props.name} ?`}
        confirmLabel="Effacer définitivement"
        danger
        busy={form.submitting}
        typed={{ label: 'Pour confirmer, saisissez le nom de la personne', expected: props.name }}
        onConfirm={() => void erase()}
        onCancel={() => setAsking(false)}
      >
        <p>Son nom, son courriel et ses coordonnées seront remplacés partout où ils figurent (fiche, présences, messages, historique). Cette opération est irréversible.</p>
      </ConfirmDialog>
    </div>
  );
}

/** Staff: the people with an account, by role, with their data export and erasure. */
export function PersonalDataPage() {
  const me = useMe();
  return me.role === 'staff' ? <StaffPersonalData /> : <MyPersonalData userId={me.userId} name={me.displayName ?? 'moi'} />;
}

function MyPersonalData(props: { userId: string; name: string }) {
  return (
    <Page title="Mes données personnelles">
      <Section title="Exporter mes données">
        <p>Téléchargez les données que le programme conserve à votre sujet. Pour les faire effacer, écrivez à l’équipe Ansa.</p>
        <MyDataExport userId={props.userId} name={props.name} />
      </Section>
    </Page>
  );
}

function StaffPersonalData() {
  const [role, setRole] = useState<'staff' | 'tutor' | 'referent'>('referent');
  const [tick, setTick] = useState(0);
  const list = usePagedApi((cursor, signal) => get<ApiPage<UserView>>('/users', { role, cursor, limit: 20 }, signal), [role, tick]);
  return (
    <Page title="Données personnelles" subtitle="Droit d’accès (export) et droit à l’effacement des personnes qui ont un compte. Les participants à la formation se gèrent depuis la page de leur structure.">
      <Select
        name="role"
        label="Rôle"
        value={role}
        onChange={(v) => setRole(v as typeof role)}
        options={(['referent', 'tutor', 'staff'] as const).map((r) => ({ value: r, label: roleLabels[r] }))}
      />
      <Loaded resource={list} inline>
        {(page) => (
          <Table
            caption="Comptes"
            rows={page.items}
            rowKey={(u) => u.userId}
            empty="Aucun compte pour ce rôle."
            columns={[
              { key: 'name', label: 'Nom', render: (u) => u.displayName },
              { key: 'org', label: 'Organisation', render: (u) => u.organisation || '—' },
              { key: 'status', label: 'État', render: (u) => ({ active: 'Actif', deactivated: 'Désactivé', erased: 'Effacé' })[u.status] },
              {
                key: 'actions',
                label: 'Données',
                render: (u) => (u.status === 'erased' ? '—' : <PersonalDataActions name={u.displayName} subject={{ kind: 'user', userId: u.userId }} onErased={() => setTick((t) => t + 1)} />),
              },
            ]}
          />
        )}
      </Loaded>
    </Page>
  );
}

function MyDataExport(props: { userId: string; name: string }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      const data = await exportOf({ kind: 'user', userId: props.userId });
      saveJson(props.name, data);
      setNotice(`Export téléchargé : votre fiche et ${countOf(data.copies.length, 'autre enregistrement', 'autres enregistrements', 'aucun autre enregistrement')}.`);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <Notice message={notice} />
      {error && (
        <p class="field-message" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button secondary" onClick={() => void run()}>
        Exporter mes données
      </button>
    </>
  );
}
