import { useState } from 'preact/hooks';
import { get, patch, type Page as ApiPage } from '../api/client';
import type { Axis } from '../../../shared/programme/axes';
import type { CurrentAssignment, Tutor } from '../../../shared/tutoring/schemas';
import { Checkbox, ErrorSummary, Form, NumberField, Select, SubmitButton, TextField, toNumber } from '../components/form';
import { DescriptionList, Loaded, Page, Section } from '../components/page';
import { Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { countOf, formatDate } from '../i18n/format';
import { axisLabels } from '../i18n/labels';
import { Link } from '../router';

const levelLabels = ['0 — aucune', '1 — notions', '2 — solide', '3 — référence'];
const axes = Object.keys(axisLabels) as Axis[];

/** A tutor's directory entry: capacity, availability and expertise (staff edit them), and the essaimés followed. */
export function TutorPage(props: { tutorUserId: string }) {
  const me = useMe();
  const tutor = useApi((signal) => get<Tutor>(`/tutors/${encodeURIComponent(props.tutorUserId)}`, undefined, signal), [props.tutorUserId]);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Loaded resource={tutor}>
      {(t) => (
        <Page title={t.displayName} subtitle={t.organisation} trail={me.role === 'staff' ? [{ href: '/tutorat', label: 'Tutorat' }] : undefined}>
          <Notice message={notice} />
          <Section title="Disponibilité et expertise">
            <DescriptionList
              items={[
                ['Essaimés suivis', `${t.load} sur ${t.capacity} au plus`],
                ['Disponible', t.available ? 'Oui' : `Non${t.availabilityNote ? ` (${t.availabilityNote})` : ''}`],
                ...axes.map((a) => [axisLabels[a], levelLabels[t.expertise[a]] ?? String(t.expertise[a])] as [string, string]),
              ]}
            />
            {me.role === 'staff' && (
              <EditTutor
                key={t.version}
                tutor={t}
                onSaved={(saved) => {
                  tutor.set(saved);
                  setNotice('Fiche du tuteur enregistrée.');
                }}
              />
            )}
          </Section>
          <TutorEssaimes tutorUserId={t.userId} />
        </Page>
      )}
    </Loaded>
  );
}

function EditTutor(props: { tutor: Tutor; onSaved: (t: Tutor) => void }) {
  const t = props.tutor;
  const form = useForm(`edit-tutor-${t.userId}-${t.version}`, {
    capacity: String(t.capacity),
    available: t.available as boolean,
    availabilityNote: t.availabilityNote,
    ...(Object.fromEntries(axes.map((a) => [a, String(t.expertise[a])])) as Record<Axis, string>),
  });
  const v = form.values;
  const onSubmit = async () => {
    const saved = await form.submit(
      () =>
        patch<Tutor>(`/tutors/${t.userId}`, {
          expectedVersion: t.version,
          capacity: toNumber(v.capacity),
          available: v.available,
          availabilityNote: v.availabilityNote,
          expertise: Object.fromEntries(axes.map((a) => [a, Number(v[a])])),
        }),
      ['capacity', 'available', 'availabilityNote', ...axes.map((a) => `expertise.${a}`)],
    );
    if (saved) {
      form.clear();
      props.onSaved(saved);
    }
  };
  return (
    <Form onSubmit={onSubmit} label="Modifier la fiche du tuteur">
      <h3>Modifier la fiche</h3>
      <ErrorSummary messages={form.formError} />
      <div class="grid">
        <NumberField name="capacity" label="Capacité (essaimés suivis au plus)" min={1} max={20} value={v.capacity} onInput={(x) => form.set('capacity', x)} errors={form.errors} hint={`Actuellement ${countOf(t.load, 'essaimé suivi', 'essaimés suivis')} : la capacité ne peut pas descendre en dessous.`} />
        <Checkbox name="available" label="Disponible pour de nouvelles structures" checked={v.available} onChange={(x) => form.set('available', x)} />
        <TextField name="availabilityNote" label="Précision sur la disponibilité" value={v.availabilityNote} onInput={(x) => form.set('availabilityNote', x)} errors={form.errors} hint="Par exemple : congé jusqu’au 15 janvier" />
        {axes.map((a) => (
          <Select key={a} name={`expertise.${a}`} label={`Expertise : ${axisLabels[a]}`} value={v[a]} onChange={(x) => form.set(a, x)} errors={form.errors} options={levelLabels.map((l, i) => ({ value: String(i), label: l }))} />
        ))}
      </div>
      <SubmitButton busy={form.submitting}>Enregistrer</SubmitButton>
    </Form>
  );
}

function TutorEssaimes(props: { tutorUserId: string }) {
  const list = usePagedApi((cursor, signal) => get<ApiPage<CurrentAssignment>>(`/tutors/${encodeURIComponent(props.tutorUserId)}/essaimes`, { cursor, limit: 20 }, signal), [props.tutorUserId]);
  return (
    <Section title="Structures suivies">
      <Loaded resource={list} inline>
        {(page) => (
          <>
            <Table
              caption="Structures suivies"
              captionHidden
              rows={page.items}
              rowKey={(a) => a.essaimeId}
              empty="Aucune structure suivie pour l’instant."
              columns={[
                { key: 'name', label: 'Structure', render: (a) => <Link href={`/structure-essaimee/${a.essaimeId}`}>{a.structureName}</Link> },
                { key: 'since', label: 'Depuis le', render: (a) => formatDate(a.since) },
              ]}
            />
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
    </Section>
  );
}
