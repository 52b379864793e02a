import { useState } from 'preact/hooks';
import { get, put } from '../api/client';
import type { ResponseTarget, TutoringSettings } from '../../../shared/tutoring/schemas';
import { ErrorSummary, Form, NumberField, RadioGroup, SubmitButton, toNumber } from '../components/form';
import { DescriptionList, Loaded, Page, Section } from '../components/page';
import { Notice } from '../components/widgets';
import { useApi, useForm } from '../hooks';
import { formatDateTime } from '../i18n/format';

/** The target in French (the server's wording lives in shared/tutoring/schemas.ts; the web imports types only). */
export function responseTargetText(target: ResponseTarget): string {
  if (target.rule === 'same-day') return `dans la journée ouvrée si la demande arrive avant ${target.cutoffHour} h, sinon le jour ouvré suivant`;
  return target.workingDays === 1 ? 'en 1 jour ouvré' : `en ${target.workingDays} jours ouvrés`;
}

const labels: Record<string, string> = { 'responseTarget.rule': 'Règle', 'responseTarget.cutoffHour': 'Heure limite', 'responseTarget.workingDays': 'Nombre de jours ouvrés' };

/**
 * Staff choose the tutors' first-answer target: the study's "dans la journée" (same working day before a
 * cut-off hour, then the next working day) or N working days. Requests already made keep their own target.
 */
export function ResponseTargetPage() {
  const settings = useApi((signal) => get<TutoringSettings>('/tutoring/settings', undefined, signal), []);
  return (
    <Page
      title="Objectif de réponse des tuteurs"
      trail={[{ href: '/tutorat', label: 'Tutorat' }]}
      subtitle="L’étude de faisabilité note qu’A.CO.R. répond « dans la journée » aux questions des structures."
    >
      <Loaded resource={settings}>{(s) => <ResponseTargetForm settings={s} onSaved={settings.set} />}</Loaded>
    </Page>
  );
}

function ResponseTargetForm(props: { settings: TutoringSettings; onSaved: (s: TutoringSettings) => void }) {
  const s = props.settings;
  const current = s.responseTarget;
  const form = useForm(`response-target-${s.version}`, {
    rule: current.rule as string,
    cutoffHour: String(current.rule === 'same-day' ? current.cutoffHour : 12),
    workingDays: String(current.rule === 'working-days' ? current.workingDays : 1),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const { values, set, errors } = form;
  const onSubmit = async () => {
    setNotice(null);
    const responseTarget =
      values.rule === 'same-day' ? { rule: 'same-day', cutoffHour: toNumber(values.cutoffHour) } : { rule: 'working-days', workingDays: toNumber(values.workingDays) };
    const saved = await form.submit(() => put<TutoringSettings>('/tutoring/settings', { expectedVersion: s.version, responseTarget }), Object.keys(labels));
    if (saved) {
      form.clear();
      props.onSaved(saved);
      setNotice(`Objectif enregistré : première réponse ${responseTargetText(saved.responseTarget)}. Les demandes déjà reçues gardent leur échéance.`);
    }
  };
  return (
    <>
      <Section title="Objectif en vigueur">
        <DescriptionList
          items={[
            ['Première réponse attendue', responseTargetText(current)],
            ['Dernière modification', s.updatedAt ? formatDateTime(s.updatedAt) : 'valeur par défaut'],
          ]}
        />
      </Section>
      <Section title="Changer l’objectif">
        <Notice message={notice} />
        <Form onSubmit={onSubmit} label="Changer l’objectif de réponse">
          <ErrorSummary messages={form.formError} errors={errors} labels={labels} />
          <RadioGroup
            name="responseTarget.rule"
            label="Règle"
            value={values.rule}
            onChange={(v) => set('rule', v)}
            errors={errors}
            options={[
              { value: 'same-day', label: 'Le jour ouvré même (« dans la journée »), avant une heure limite' },
              { value: 'working-days', label: 'En un nombre de jours ouvrés' },
            ]}
          />
          {values.rule === 'same-day' ? (
            <NumberField
              key="cutoffHour"
              name="responseTarget.cutoffHour"
              label="Heure limite"
              suffix="h"
              min={1}
              max={23}
              value={values.cutoffHour}
              onInput={(v) => set('cutoffHour', v)}
              errors={errors}
              hint="Une demande reçue avant cette heure (heure de Paris) un jour ouvré attend une réponse le jour même ; après, le jour ouvré suivant. Week-ends et jours fériés exclus."
            />
          ) : (
            <NumberField
              key="workingDays"
              name="responseTarget.workingDays"
              label="Nombre de jours ouvrés"
              min={1}
              max={10}
              value={values.workingDays}
              onInput={(v) => set('workingDays', v)}
              errors={errors}
              hint="Compté à la minute : une demande du lundi 10 h avec 1 jour ouvré est attendue le mardi 10 h."
            />
          )}
          <p class="hint">Le nouvel objectif vaut pour les demandes reçues à partir de maintenant ; les demandes déjà reçues gardent leur échéance.</p>
          <SubmitButton busy={form.submitting}>Enregistrer l’objectif</SubmitButton>
        </Form>
      </Section>
    </>
  );
}
