import { useState } from 'preact/hooks';
import { post } from '../api/client';
import type { EssaimeView, ParticipantView as Participant } from '../../../shared/essaimes/schemas';
import type { ParticipantReplacement } from '../../../shared/training/views';
import { ConfirmDialog } from '../components/confirm';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../components/form';
import { Badge, Section } from '../components/page';
import { Notice, Table } from '../components/widgets';
import { useForm, useMe } from '../hooks';
import { countOf, formatDate, formatNumber } from '../i18n/format';
import { PersonalDataActions } from './privacy';

const MAX_PARTICIPANTS = 3;
const personFields = ['name', 'role', 'email'];
const blank = { name: '', role: '', email: '' };

/**
 * The three people of a structure who follow the formation-action: adding one (up to three), replacing one
 * (the newcomer takes the place, the leaver's attendance stays) and withdrawing one, each guarded; staff also
 * export or erase a person's data.
 */
export function ParticipantsSection(props: { essaime: EssaimeView; onChanged: () => void }) {
  const me = useMe();
  const e = props.essaime;
  const [notice, setNotice] = useState<string | null>(null);
  const [action, setAction] = useState<{ kind: 'replace' | 'withdraw'; participant: Participant } | null>(null);
  const canEdit = me.role === 'staff' || me.role === 'referent';
  const done = (message: string) => {
    setNotice(message);
    setAction(null);
    props.onChanged();
  };
  return (
    <Section title={`Participants à la formation (${formatNumber(e.activeParticipantCount)} sur ${MAX_PARTICIPANTS})`}>
      <Notice message={notice} />
      <Table
        caption="Participants"
        captionHidden
        rows={e.participants}
        rowKey={(p) => p.participantId}
        empty="Aucun participant : ajoutez les personnes qui suivront la formation."
        columns={[
          { key: 'name', label: 'Nom', render: (p) => p.name },
          { key: 'role', label: 'Fonction', render: (p) => p.role },
          ...(me.role !== 'tutor' ? [{ key: 'email', label: 'Courriel', render: (p: Participant) => p.email ?? '—' }] : []),
          { key: 'since', label: 'Depuis le', render: (p) => formatDate(p.since) },
          { key: 'active', label: 'Statut', render: (p) => (p.active ? <Badge tone="success">Actif</Badge> : <Badge>{p.replacedBy ? 'Remplacé' : 'Retiré'} le {formatDate(p.until)}</Badge>) },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  label: 'Actions',
                  render: (p: Participant) => (
                    <>
                      {p.active && (
                        <span class="actions">
                          <button type="button" class="button small secondary" onClick={() => setAction({ kind: 'replace', participant: p })} aria-label={`Remplacer ${p.name}`}>
                            Remplacer
                          </button>
                          <button type="button" class="button small secondary" onClick={() => setAction({ kind: 'withdraw', participant: p })} aria-label={`Retirer ${p.name}`}>
                            Retirer
                          </button>
                        </span>
                      )}
                      {me.role === 'staff' && <PersonalDataActions name={p.name} subject={{ kind: 'participant', essaimeId: e.essaimeId, participantId: p.participantId }} onErased={props.onChanged} />}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && action?.kind === 'replace' && <ReplaceParticipant key={action.participant.participantId} essaime={e} participant={action.participant} onClose={() => setAction(null)} onDone={done} />}
      {canEdit && action?.kind === 'withdraw' && <WithdrawParticipant key={action.participant.participantId} essaime={e} participant={action.participant} onClose={() => setAction(null)} onDone={done} />}
      {canEdit && !action && e.activeParticipantCount < MAX_PARTICIPANTS && <AddParticipant essaime={e} onDone={done} />}
    </Section>
  );
}

function PersonFields(props: { form: ReturnType<typeof useForm<typeof blank>> }) {
  const f = props.form;
  return (
    <div class="grid">
      <TextField name="name" label="Nom et prénom" required autoComplete="off" value={f.values.name} onInput={(v) => f.set('name', v)} errors={f.errors} />
      <TextField name="role" label="Fonction" required value={f.values.role} onInput={(v) => f.set('role', v)} errors={f.errors} hint="Par exemple : chargée de relations entreprises" />
      <TextField name="email" type="email" label="Courriel" required value={f.values.email} onInput={(v) => f.set('email', v)} errors={f.errors} />
    </div>
  );
}

function AddParticipant(props: { essaime: EssaimeView; onDone: (m: string) => void }) {
  const e = props.essaime;
  const form = useForm(`add-participant-${e.essaimeId}`, blank);
  const onSubmit = async () => {
    const added = await form.submit(() => post<Participant>(`/essaimes/${e.essaimeId}/participants`, form.values), personFields);
    if (added) {
      form.clear();
      props.onDone(`${added.name} suit désormais la formation.`);
    }
  };
  return (
    <Form onSubmit={onSubmit} label="Ajouter un participant">
      <h3>Ajouter un participant ({countOf(MAX_PARTICIPANTS - e.activeParticipantCount, 'place libre', 'places libres')})</h3>
      <ErrorSummary messages={form.formError} />
      <PersonFields form={form} />
      <SubmitButton busy={form.submitting}>Ajouter</SubmitButton>
    </Form>
  );
}

function ReplaceParticipant(props: { essaime: EssaimeView; participant: Participant; onClose: () => void; onDone: (m: string) => void }) {
  const p = props.participant;
  const form = useForm(`replace-participant-${p.participantId}`, blank);
  const [asking, setAsking] = useState(false);
  const confirm = async () => {
    const result = await form.submit(() => post<ParticipantReplacement>(`/essaimes/${props.essaime.essaimeId}/participants/${p.participantId}/replace`, form.values), personFields);
    setAsking(false);
    if (result) {
      form.clear();
      props.onDone(`${result.participant.name} remplace désormais ${result.replaced.name}.`);
    }
  };
  return (
    <>
      <Form onSubmit={() => setAsking(true)} label={`Remplacer ${p.name}`}>
        <h3>Remplacer {p.name}</h3>
        <ErrorSummary messages={form.formError} />
        <PersonFields form={form} />
        <p class="actions">
          <SubmitButton busy={form.submitting}>Remplacer</SubmitButton>
          <button type="button" class="button secondary" onClick={props.onClose}>
            Fermer
          </button>
        </p>
      </Form>
      <ConfirmDialog open={asking} title={`Remplacer ${p.name} par ${form.values.name.trim() || 'la nouvelle personne'} ?`} confirmLabel="Remplacer" busy={form.submitting} onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>
          {p.name} quittera la formation aujourd’hui ; ses présences passées restent dans les feuilles de présence. {form.values.name.trim() || 'La nouvelle personne'} suivra les séances suivantes. Le remplacement ne s’annule pas.
        </p>
      </ConfirmDialog>
    </>
  );
}

function WithdrawParticipant(props: { essaime: EssaimeView; participant: Participant; onClose: () => void; onDone: (m: string) => void }) {
  const p = props.participant;
  const form = useForm(`withdraw-participant-${p.participantId}`, { reason: '' });
  const [asking, setAsking] = useState(false);
  const remaining = props.essaime.activeParticipantCount - 1;
  const confirm = async () => {
    const result = await form.submit(() => post<Participant>(`/essaimes/${props.essaime.essaimeId}/participants/${p.participantId}/withdraw`, { reason: form.values.reason }), ['reason']);
    setAsking(false);
    if (result) {
      form.clear();
      props.onDone(`${p.name} ne suit plus la formation.`);
    }
  };
  return (
    <>
      <Form onSubmit={() => setAsking(true)} label={`Retirer ${p.name}`}>
        <h3>Retirer {p.name} de la formation</h3>
        <ErrorSummary messages={form.formError} />
        <TextArea name="reason" label="Motif du retrait" required rows={2} value={form.values.reason} onInput={(v) => form.set('reason', v)} errors={form.errors} />
        <p class="actions">
          <SubmitButton busy={form.submitting}>Retirer</SubmitButton>
          <button type="button" class="button secondary" onClick={props.onClose}>
            Fermer
          </button>
        </p>
      </Form>
      <ConfirmDialog open={asking} title={`Retirer ${p.name} de la formation ?`} confirmLabel="Retirer" danger busy={form.submitting} onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>
          La structure comptera {formatNumber(remaining)} participant{remaining > 1 ? 's' : ''} sur {MAX_PARTICIPANTS}. Les présences passées de {p.name} restent enregistrées ; le retrait ne s’annule pas (une nouvelle personne peut être ajoutée).
        </p>
      </ConfirmDialog>
    </>
  );
}
