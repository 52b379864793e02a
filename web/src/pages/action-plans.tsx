import { useState } from 'preact/hooks';
import { get, put, type Page as ApiPage } from '../api/client';
import type { Essaime } from '../api/types';
import type { ActionPlan } from '../../../shared/governance/action-plan-schemas';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../components/form';
import { Badge, DescriptionList, Empty, Loaded, Page, Section } from '../components/page';
import { Notice } from '../components/widgets';
import { useApi, useForm, useMe } from '../hooks';
import { formatDate } from '../i18n/format';

/**
 * An essaimé's yearly action plan with its two named referents (one for the structure, one for the
 * programme), as in the AFPA partnership agreements; a steering meeting validates it, a revision makes it a
 * draft again. Staff and the structure's referent write it; its tutor reads it.
 */
interface ReferentDraft {
  name: string;
  position: string;
  organisation: string;
}
interface ActionDraft {
  objective: string;
  actions: string;
  indicators: string;
}
const emptyAction = (): ActionDraft => ({ objective: '', actions: '', indicators: '' });
const referentOf = (r?: { name: string; position: string; organisation: string }): ReferentDraft => ({ name: r?.name ?? '', position: r?.position ?? '', organisation: r?.organisation ?? '' });

const labels: Record<string, string> = {
  'referents.structure': 'Référent·e de la structure',
  'referents.structure.name': 'Nom du ou de la référent·e de la structure',
  'referents.structure.position': 'Fonction du ou de la référent·e de la structure',
  'referents.structure.organisation': 'Organisation du ou de la référent·e de la structure',
  'referents.programme': 'Référent·e du programme',
  'referents.programme.name': 'Nom du ou de la référent·e du programme',
  'referents.programme.position': 'Fonction du ou de la référent·e du programme',
  'referents.programme.organisation': 'Organisation du ou de la référent·e du programme',
  actions: 'Actions',
  expectedVersion: 'Version',
};

export function ActionPlanPage(props: { essaimeId: string }) {
  const me = useMe();
  const year = new Date().getFullYear();
  const [tick, setTick] = useState(0);
  const essaime = useApi((signal) => get<Essaime>(`/essaimes/${props.essaimeId}`, undefined, signal), [props.essaimeId]);
  const plans = useApi((signal) => get<ApiPage<ActionPlan>>(`/essaimes/${props.essaimeId}/action-plans`, { limit: 10 }, signal), [props.essaimeId, tick]);
  return (
    <Loaded resource={essaime}>
      {(e) => (
        <Page title={`Plan d’action — ${e.structureName}`} trail={[{ href: `/structure-essaimee/${e.essaimeId}`, label: e.structureName }]} subtitle="Un plan d’actions opérationnel chaque année, suivi par deux référent·es nommé·es et validé par le comité de pilotage.">
          <Loaded resource={plans}>
            {(page) => {
              const current = page.items.find((p) => p.year === year);
              return (
                <>
                  {page.items.length === 0 && <Empty>Aucun plan d’action pour l’instant.</Empty>}
                  {page.items.map((p) => (
                    <PlanView key={p.year} plan={p} />
                  ))}
                  {me.role !== 'tutor' && <PlanForm essaimeId={e.essaimeId} year={year} plan={current} onSaved={() => setTick((t) => t + 1)} />}
                </>
              );
            }}
          </Loaded>
        </Page>
      )}
    </Loaded>
  );
}

function PlanView(props: { plan: ActionPlan }) {
  const p = props.plan;
  const r = p.referents;
  return (
    <Section title={`Plan d’action ${p.year}`}>
      <p>
        {p.status === 'validated' ? <Badge tone="success">Validé le {formatDate(p.validation?.date)}</Badge> : <Badge tone="info">À valider par le comité</Badge>}
      </p>
      <DescriptionList
        items={[
          ['Référent·e de la structure', `${r.structure.name}, ${r.structure.position} (${r.structure.organisation})`],
          ['Référent·e du programme', `${r.programme.name}, ${r.programme.position} (${r.programme.organisation})`],
        ]}
      />
      <ol>
        {p.actions.map((a, i) => (
          <li key={i}>
            <strong>{a.objective}</strong> — {a.actions} <span class="hint">Indicateurs : {a.indicators}</span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function PlanForm(props: { essaimeId: string; year: number; plan?: ActionPlan; onSaved: () => void }) {
  const p = props.plan;
  const form = useForm(`action-plan-${props.essaimeId}-${props.year}-${p?.version ?? 0}`, {
    structure: referentOf(p?.referents.structure),
    programme: referentOf(p?.referents.programme),
    actions: p?.actions.map((a) => ({ objective: a.objective, actions: a.actions, indicators: a.indicators })) ?? [emptyAction()],
  });
  const [notice, setNotice] = useState<string | null>(null);
  const { values, set, errors } = form;
  const setAction = (i: number, change: Partial<ActionDraft>) => set('actions', values.actions.map((a, j) => (i === j ? { ...a, ...change } : a)));
  const onSubmit = async () => {
    setNotice(null);
    const saved = await form.submit(
      () =>
        put<ActionPlan>(`/essaimes/${props.essaimeId}/action-plans/${props.year}`, {
          expectedVersion: p?.version ?? 0,
          referents: { structure: values.structure, programme: values.programme },
          actions: values.actions,
        }),
      [...Object.keys(labels), ...values.actions.flatMap((_, i) => [`actions.${i}.objective`, `actions.${i}.actions`, `actions.${i}.indicators`])],
    );
    if (saved) {
      form.clear();
      setNotice(p?.status === 'validated' ? 'Plan révisé : il devra être validé à nouveau par le comité.' : 'Plan d’action enregistré.');
      props.onSaved();
    }
  };
  const referent = (side: 'structure' | 'programme', legend: string) => (
    <fieldset class="fieldset" data-field={`referents.${side}`}>
      <legend>{legend}</legend>
      <div class="grid">
        <TextField name={`referents.${side}.name`} label="Nom" required value={values[side].name} onInput={(v) => set(side, { ...values[side], name: v })} errors={errors} />
        <TextField name={`referents.${side}.position`} label="Fonction" required value={values[side].position} onInput={(v) => set(side, { ...values[side], position: v })} errors={errors} />
        <TextField name={`referents.${side}.organisation`} label="Organisation" required value={values[side].organisation} onInput={(v) => set(side, { ...values[side], organisation: v })} errors={errors} />
      </div>
    </fieldset>
  );
  return (
    <Section title={p ? `Réviser le plan d’action ${props.year}` : `Établir le plan d’action ${props.year}`}>
      <Notice message={notice} />
      <Form onSubmit={onSubmit} label={`Plan d’action ${props.year}`}>
        <ErrorSummary messages={form.formError} errors={errors} labels={labels} />
        {referent('structure', 'Référent·e de la structure essaimée')}
        {referent('programme', 'Référent·e du programme (Ansa ou A.CO.R.)')}
        {values.actions.map((a, i) => (
          <fieldset class="fieldset" key={i} data-field={`actions.${i}`}>
            <legend>Action {i + 1}</legend>
            <TextField name={`actions.${i}.objective`} label="Objectif" required value={a.objective} onInput={(v) => setAction(i, { objective: v })} errors={errors} wide />
            <TextArea name={`actions.${i}.actions`} label="Ce que fait chaque partie" required value={a.actions} onInput={(v) => setAction(i, { actions: v })} errors={errors} rows={2} />
            <TextField name={`actions.${i}.indicators`} label="Indicateurs" required value={a.indicators} onInput={(v) => setAction(i, { indicators: v })} errors={errors} wide />
          </fieldset>
        ))}
        <p>
          <button type="button" class="button secondary" onClick={() => set('actions', [...values.actions, emptyAction()])}>
            Ajouter une action
          </button>
        </p>
        <SubmitButton busy={form.submitting}>Enregistrer le plan</SubmitButton>
      </Form>
    </Section>
  );
}
