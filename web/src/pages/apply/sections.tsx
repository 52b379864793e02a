import type { CallView } from '../../../../shared/calls/schemas';
import type { Hypothesis } from '../../../../shared/seasons/schemas';
import { Checkbox, NumberField, RadioGroup, Select, TextArea, TextField } from '../../components/form';
import { Section } from '../../components/page';
import { axisLabels, budgetLabels, hypothesisLabels, prescriberKindLabels, regions, settingLabels } from '../../i18n/labels';
import { SectionErrors } from './criterion-input';
import { axes, type FieldErrors, linkedField, str, type Values } from './values';

/** Sections 1 to 4 of the draft: the structure, the territory and hypothesis, the people, the needs. */
export function DraftSections(props: { call: CallView; values: Values; set: (k: string, value: string | boolean) => void; errors: FieldErrors }) {
  const v = props.values;
  const set = props.set;
  const E = props.errors;
  const hypothesis = (str(v, 'hypothesis') || null) as Hypothesis | null;
  // The criteria that take their answer from a structure field say so at that field.
  const usedBy = (field: string) => {
    const ids = props.call.criteria.filter((c) => linkedField(c) === field).map((c) => c.criterionId);
    return ids.length ? `Sert aussi de réponse au critère ${ids.join(', ')} : à saisir ici seulement.` : undefined;
  };
  return (
    <>
      <Section title="1. La structure">
        <SectionErrors name="structure" errors={E} />
        <div class="grid">
          <TextField name="structure.name" label="Nom" required value={str(v, 'structure.name')} onInput={(x) => set('structure.name', x)} errors={E} />
          <TextField name="structure.legalForm" label="Forme juridique" required value={str(v, 'structure.legalForm')} onInput={(x) => set('structure.legalForm', x)} errors={E} hint="Association loi 1901, SCIC, collectivité…" />
          <TextField name="structure.address" label="Adresse" required value={str(v, 'structure.address')} onInput={(x) => set('structure.address', x)} errors={E} wide />
          <NumberField name="structure.staffFte" label="Effectif (ETP)" required value={str(v, 'structure.staffFte')} onInput={(x) => set('structure.staffFte', x)} errors={E} hint={usedBy('structure.staffFte')} suffix="ETP" />
          <Select name="structure.budgetSituation" label="Situation budgétaire" required value={str(v, 'structure.budgetSituation')} onChange={(x) => set('structure.budgetSituation', x)} errors={E} hint={usedBy('structure.budgetSituation')} placeholder="Choisir" options={Object.entries(budgetLabels).map(([value, l]) => ({ value, label: l }))} />
          <TextArea name="structure.missions" label="Missions" required value={str(v, 'structure.missions')} onInput={(x) => set('structure.missions', x)} errors={E} rows={2} />
          <TextArea name="structure.publicServed" label="Public accompagné" required value={str(v, 'structure.publicServed')} onInput={(x) => set('structure.publicServed', x)} errors={E} rows={2} />
          <TextArea name="structure.speRelations" label="Relations avec le service public de l’emploi" required value={str(v, 'structure.speRelations')} onInput={(x) => set('structure.speRelations', x)} errors={E} rows={2} />
        </div>
      </Section>
      <Section title="2. Le territoire et l’hypothèse">
        <SectionErrors name="territory" errors={E} />
        <div class="grid">
          <TextField name="territory.name" label="Territoire" required value={str(v, 'territory.name')} onInput={(x) => set('territory.name', x)} errors={E} hint="Par exemple : Pays des Six Vallées" />
          <Select name="territory.region" label="Région" required value={str(v, 'territory.region')} onChange={(x) => set('territory.region', x)} errors={E} placeholder="Choisir" options={regions.map((r) => ({ value: r, label: r }))} />
          <TextField name="territory.departement" label="Département" required value={str(v, 'territory.departement')} onInput={(x) => set('territory.departement', x)} errors={E} />
          <TextField name="territory.departementCode" label="Code du département" required value={str(v, 'territory.departementCode')} onInput={(x) => set('territory.departementCode', x)} errors={E} hint="Par exemple : 86, 2A ou 971" />
          <Select name="territory.setting" label="Milieu" required value={str(v, 'territory.setting')} onChange={(x) => set('territory.setting', x)} errors={E} placeholder="Choisir" options={Object.entries(settingLabels).map(([value, l]) => ({ value, label: l }))} />
          <NumberField name="territory.population" label="Population" required value={str(v, 'territory.population')} onInput={(x) => set('territory.population', x)} errors={E} suffix="habitants" />
        </div>
        <RadioGroup name="hypothesis" label="Hypothèse de candidature" required value={str(v, 'hypothesis')} onChange={(x) => set('hypothesis', x)} errors={E} options={props.call.hypotheses.map((h) => ({ value: h, label: hypothesisLabels[h] }))} />
        {hypothesis === 'A' && (
          <>
            <h3>Prescripteur public</h3>
            <SectionErrors name="prescriber" errors={E} />
            <div class="grid">
              <TextField name="prescriber.name" label="Nom du prescripteur" required value={str(v, 'prescriber.name')} onInput={(x) => set('prescriber.name', x)} errors={E} />
              <Select name="prescriber.kind" label="Type" required value={str(v, 'prescriber.kind')} onChange={(x) => set('prescriber.kind', x)} errors={E} placeholder="Choisir" options={Object.entries(prescriberKindLabels).map(([value, l]) => ({ value, label: l }))} />
              <TextField name="prescriber.contactName" label="Contact" value={str(v, 'prescriber.contactName')} onInput={(x) => set('prescriber.contactName', x)} errors={E} />
              <TextField name="prescriber.contactEmail" type="email" label="Courriel du contact" value={str(v, 'prescriber.contactEmail')} onInput={(x) => set('prescriber.contactEmail', x)} errors={E} />
            </div>
          </>
        )}
      </Section>
      <Section title="3. Les personnes">
        <SectionErrors name="people" errors={E} />
        <p class="hint">Trois personnes au plus suivent la formation-action.</p>
        {[0, 1, 2].map((i) => (
          <fieldset class="fieldset person" key={i}>
            <legend>Personne {i + 1}</legend>
            <div class="grid">
              <TextField name={`people.${i}.name`} label="Nom" value={str(v, `people.${i}.name`)} onInput={(x) => set(`people.${i}.name`, x)} errors={E} />
              <TextField name={`people.${i}.role`} label="Fonction" value={str(v, `people.${i}.role`)} onInput={(x) => set(`people.${i}.role`, x)} errors={E} />
              <TextField name={`people.${i}.email`} type="email" label="Courriel" value={str(v, `people.${i}.email`)} onInput={(x) => set(`people.${i}.email`, x)} errors={E} />
            </div>
          </fieldset>
        ))}
        <fieldset class="fieldset person">
          <legend>Référent ou référente (directeur général ou délégué)</legend>
          <SectionErrors name="referent" errors={E} />
          <div class="grid">
            <TextField name="referent.name" label="Nom" value={str(v, 'referent.name')} onInput={(x) => set('referent.name', x)} errors={E} />
            <TextField name="referent.role" label="Fonction" value={str(v, 'referent.role')} onInput={(x) => set('referent.role', x)} errors={E} />
            <TextField name="referent.email" type="email" label="Courriel" value={str(v, 'referent.email')} onInput={(x) => set('referent.email', x)} errors={E} />
          </div>
        </fieldset>
      </Section>
      <Section title="4. Les besoins du territoire">
        <SectionErrors name="needs" errors={E} />
        <p class="hint">Cochez les axes sur lesquels le territoire a besoin d’appui (1 = priorité la plus haute) : ils orientent le choix du tuteur.</p>
        {axes.map((axis) => (
          <div key={axis} class="need">
            <Checkbox name={`need.${axis}`} label={axisLabels[axis]} checked={v[`need.${axis}`] === true} onChange={(x) => set(`need.${axis}`, x)} />
            {v[`need.${axis}`] === true && (
              <div class="grid">
                <Select name={`need.${axis}.priority`} label="Priorité" value={str(v, `need.${axis}.priority`) || '3'} onChange={(x) => set(`need.${axis}.priority`, x)} options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))} />
                <TextField name={`need.${axis}.description`} label="Précisions" value={str(v, `need.${axis}.description`)} onInput={(x) => set(`need.${axis}.description`, x)} wide />
              </div>
            )}
          </div>
        ))}
      </Section>
    </>
  );
}
