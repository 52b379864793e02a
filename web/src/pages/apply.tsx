import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, patch, post } from '../api/client';
import type { ApplicantView as Application } from '../../../shared/applications/views';
import type { Answer, CallView, Criterion, EligibilityResult } from '../../../shared/calls/schemas';
import type { Axis } from '../../../shared/programme/axes';
import type { Hypothesis } from '../../../shared/seasons/schemas';
import { Checkbox, ErrorSummary, Form, NumberField, RadioGroup, Select, SubmitButton, TextArea, TextField, toNumber } from '../components/form';
import { Badge, Loaded, Page, Section } from '../components/page';
import { Notice } from '../components/widgets';
import { useApi, useForm } from '../hooks';
import { formatDate, formatDateTime } from '../i18n/format';
import {
  applicationStatusLabels,
  applicationStatusTone,
  axisLabels,
  budgetLabels,
  criterionStatusLabels,
  decisionLabels,
  eligibilityLabels,
  eligibilityTone,
  hypothesisLabels,
  prescriberKindLabels,
  regions,
  settingLabels,
} from '../i18n/labels';
import { navigate } from '../router';
import { SavedEligibility, WithdrawApplication } from './application-review';
import { ConfirmDialog } from '../components/confirm';
import { Attachments } from '../components/attachments';
import { DossierFiles } from '../components/dossier-files';
import { ThreadPanel } from './threads';
import { ApplicationDetails, EligibilityList } from './applications';

/** Starting an application: the structure's name and the hypothesis; the rest is filled in the draft. */
export function StartApplicationPage(props: { callId: string }) {
  const call = useApi((signal) => get<CallView>(`/calls/${encodeURIComponent(props.callId)}`, undefined, signal), [props.callId]);
  const form = useForm(`start-application-${props.callId}`, { name: '', hypothesis: '' });
  const onSubmit = async () => {
    const app = await form.submit(
      () => post<Application>(`/calls/${props.callId}/applications`, { structure: { name: form.values.name }, hypothesis: (form.values.hypothesis || null) as Hypothesis | null }),
      ['structure.name', 'hypothesis'],
    );
    if (app) {
      form.clear();
      navigate(`/candidatures/${app.applicationId}`);
    }
  };
  return (
    <Loaded resource={call}>
      {(c) => (
        <Page title="Candidater" subtitle={c.title} trail={[{ href: '/appels', label: 'Appels' }, { href: `/appels/${c.callId}`, label: c.title }]}>
          <Section title="Votre structure">
            <Form onSubmit={onSubmit} label="Commencer une candidature">
              <ErrorSummary messages={form.formError} errors={form.errors} labels={{ 'structure.name': 'Nom de la structure', hypothesis: 'Hypothèse' }} />
              <TextField name="structure.name" label="Nom de la structure" required value={form.values.name} onInput={(v) => form.set('name', v)} errors={form.errors} autoComplete="organization" />
              <RadioGroup
                name="hypothesis"
                label="Hypothèse de candidature"
                value={form.values.hypothesis}
                onChange={(v) => form.set('hypothesis', v)}
                errors={form.errors}
                options={c.hypotheses.map((h) => ({ value: h, label: hypothesisLabels[h] }))}
                hint="Vous pourrez la modifier dans le brouillon."
              />
              <SubmitButton busy={form.submitting}>Commencer la candidature</SubmitButton>
            </Form>
          </Section>
        </Page>
      )}
    </Loaded>
  );
}

/** The applicant's application: the draft editor, or a read-only view once submitted. */
export function ReferentApplicationPage(props: { applicationId: string }) {
  const app = useApi((signal) => get<Application>(`/applications/${encodeURIComponent(props.applicationId)}`, undefined, signal), [props.applicationId]);
  const call = useApi(async (signal) => (app.data ? get<CallView>(`/calls/${app.data.callId}`, undefined, signal) : undefined), [app.data?.callId]);
  return (
    <Loaded resource={app}>
      {(a) => (
        <Page
          title={`Candidature de ${a.structure.name}`}
          subtitle={
            <>
              <Badge tone={applicationStatusTone[a.status]}>{applicationStatusLabels[a.status]}</Badge>
              {call.data && <> · {call.data.title}</>}
              {a.submittedAt && <> · déposée le {formatDateTime(a.submittedAt)}</>}
            </>
          }
          trail={[{ href: '/appels', label: 'Appels et candidatures' }]}
        >
          {a.correction && a.status === 'draft' && (
            <div class="alert alert-info" role="status">
              <p>
                <strong>Correction demandée par l’équipe Ansa</strong> (à rendre avant le {formatDate(a.correction.dueAt)}) : {a.correction.message}
              </p>
            </div>
          )}
          {a.decision && (
            <Section title="Décision">
              <p>
                <Badge tone={applicationStatusTone[a.decision.outcome]}>{decisionLabels[a.decision.outcome]}</Badge> — {a.decision.rationale}
              </p>
            </Section>
          )}
          {a.dossierNumber && (
            <Section title={a.decision ? 'Dossier et courriers' : 'Dossier déposé'}>
              <DossierFiles app={a} />
            </Section>
          )}
          {a.status === 'draft' ? (
            <Loaded resource={call} inline label="les critères de l’appel">
              {(c) => (c ? <ApplicationEditor app={a} call={c} onSaved={app.set} /> : null)}
            </Loaded>
          ) : (
            <>
              <Section title="Éligibilité par critère">
                <p>
                  <Badge tone={eligibilityTone[a.eligibility.status]}>{eligibilityLabels[a.eligibility.status]}</Badge>
                </p>
                <EligibilityList results={a.eligibility.results} criteria={call.data?.criteria} />
              </Section>
              <SavedEligibility applicationId={a.applicationId} version={a.version} />
              <ApplicationDetails app={a} />
            </>
          )}
          <WithdrawApplication app={a} onDone={app.set} />
          <ThreadPanel threadId={a.applicationId} />
        </Page>
      )}
    </Loaded>
  );
}

type Values = Record<string, string | boolean>;

const sectionFields = ['structure', 'territory', 'hypothesis', 'prescriber', 'people', 'referent', 'needs', 'answers'];

const axes: Axis[] = ['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation'];

function fromApplication(a: Application): Values {
  const v: Values = {
    'structure.name': a.structure.name,
    'structure.legalForm': a.structure.legalForm ?? '',
    'structure.address': a.structure.address ?? '',
    'structure.staffFte': a.structure.staffFte !== undefined ? String(a.structure.staffFte).replace('.', ',') : '',
    'structure.budgetSituation': a.structure.budgetSituation ?? '',
    'structure.missions': a.structure.missions ?? '',
    'structure.publicServed': a.structure.publicServed ?? '',
    'structure.speRelations': a.structure.speRelations ?? '',
    'territory.name': a.territory?.name ?? '',
    'territory.region': a.territory?.region ?? '',
    'territory.departement': a.territory?.departement ?? '',
    'territory.departementCode': a.territory?.departementCode ?? '',
    'territory.setting': a.territory?.setting ?? '',
    'territory.population': a.territory ? String(a.territory.population) : '',
    hypothesis: a.hypothesis ?? '',
    'prescriber.name': a.prescriber?.name ?? '',
    'prescriber.kind': a.prescriber?.kind ?? '',
    'prescriber.contactName': a.prescriber?.contactName ?? '',
    'prescriber.contactEmail': a.prescriber?.contactEmail ?? '',
    'referent.name': a.referent?.name ?? '',
    'referent.role': a.referent?.role ?? '',
    'referent.email': a.referent?.email ?? '',
  };
  for (let i = 0; i < 3; i++) {
    v[`people.${i}.name`] = a.people[i]?.name ?? '';
    v[`people.${i}.role`] = a.people[i]?.role ?? '';
    v[`people.${i}.email`] = a.people[i]?.email ?? '';
  }
  for (const axis of axes) {
    const need = a.needs.find((n) => n.axis === axis);
    v[`need.${axis}`] = Boolean(need);
    v[`need.${axis}.priority`] = need ? String(need.priority) : '';
    v[`need.${axis}.description`] = need?.description ?? '';
  }
  for (const [id, answer] of Object.entries(a.answers)) {
    switch (answer.kind) {
      case 'number':
        v[`answers.${id}`] = String(answer.value).replace('.', ',');
        break;
      case 'yes_no':
        v[`answers.${id}`] = answer.value ? 'oui' : 'non';
        break;
      case 'choice':
        v[`answers.${id}`] = answer.value;
        break;
      case 'document':
        v[`answers.${id}`] = answer.documentRef;
        break;
      case 'alternative':
        v[`answers.${id}.alternative`] = true;
        v[`answers.${id}.alternativeDescription`] = answer.description;
        v[`answers.${id}.alternativeDocument`] = answer.documentRef ?? '';
        break;
      case 'signed_attestation':
        v[`answers.${id}`] = answer.signed;
        v[`answers.${id}.signerName`] = answer.signerName ?? '';
        v[`answers.${id}.signerRole`] = answer.signerRole ?? '';
        v[`answers.${id}.signedOn`] = answer.signedOn ?? '';
        break;
    }
  }
  return v;
}

const str = (v: Values, k: string) => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
const opt = (v: Values, k: string) => str(v, k) || undefined;

/** The answer typed for a criterion, or null when nothing is typed (removes it). Invalid numbers are sent as typed so the API reports them at the field. */
function answerOf(c: Criterion, v: Values): Answer | null {
  const key = `answers.${c.criterionId}`;
  switch (c.kind) {
    case 'number': {
      const raw = str(v, key);
      if (!raw) return null;
      return { kind: 'number', value: toNumber(raw) as number };
    }
    case 'yes_no':
      return v[key] === 'oui' ? { kind: 'yes_no', value: true } : v[key] === 'non' ? { kind: 'yes_no', value: false } : null;
    case 'choice':
      return str(v, key) ? { kind: 'choice', value: str(v, key) } : null;
    case 'document':
      return str(v, key) ? { kind: 'document', documentRef: str(v, key) } : null;
    case 'signed_attestation': {
      // The study gives the signature as an example: an equivalent, verified by staff, may replace it.
      if (c.alternativeEvidence && v[`${key}.alternative`] === true) {
        return { kind: 'alternative', description: str(v, `${key}.alternativeDescription`), documentRef: opt(v, `${key}.alternativeDocument`) };
      }
      const signed = v[key] === true;
      const signerName = opt(v, `${key}.signerName`);
      const signedOn = opt(v, `${key}.signedOn`);
      if (!signed && !signerName && !signedOn) return null;
      return { kind: 'signed_attestation', signed, signerName, signerRole: opt(v, `${key}.signerRole`) ?? c.signerRole, signedOn };
    }
  }
}

function bodyOf(v: Values, criteria: Criterion[]) {
  const hypothesis = (str(v, 'hypothesis') || null) as Hypothesis | null;
  const territoryFilled = ['name', 'region', 'departement', 'departementCode', 'setting', 'population'].some((k) => str(v, `territory.${k}`));
  const people = [0, 1, 2]
    .map((i) => ({ name: str(v, `people.${i}.name`), role: str(v, `people.${i}.role`), email: str(v, `people.${i}.email`) }))
    .filter((p) => p.name || p.role || p.email);
  const referentFilled = ['name', 'role', 'email'].some((k) => str(v, `referent.${k}`));
  const answers: Record<string, Answer | null> = {};
  for (const c of criteria.filter((c) => c.hypothesis === hypothesis)) answers[c.criterionId] = answerOf(c, v);
  return {
    structure: {
      name: str(v, 'structure.name'),
      legalForm: opt(v, 'structure.legalForm'),
      address: opt(v, 'structure.address'),
      staffFte: str(v, 'structure.staffFte') ? toNumber(str(v, 'structure.staffFte')) : undefined,
      budgetSituation: opt(v, 'structure.budgetSituation'),
      missions: opt(v, 'structure.missions'),
      publicServed: opt(v, 'structure.publicServed'),
      speRelations: opt(v, 'structure.speRelations'),
    },
    territory: territoryFilled
      ? {
          name: str(v, 'territory.name'),
          region: str(v, 'territory.region'),
          departement: str(v, 'territory.departement'),
          departementCode: str(v, 'territory.departementCode'),
          setting: str(v, 'territory.setting') || undefined,
          population: toNumber(str(v, 'territory.population')),
        }
      : null,
    hypothesis,
    prescriber:
      hypothesis === 'A' && str(v, 'prescriber.name')
        ? { name: str(v, 'prescriber.name'), kind: opt(v, 'prescriber.kind'), contactName: opt(v, 'prescriber.contactName'), contactEmail: opt(v, 'prescriber.contactEmail') }
        : null,
    people,
    referent: referentFilled ? { name: str(v, 'referent.name'), role: str(v, 'referent.role'), email: str(v, 'referent.email') } : null,
    needs: axes.filter((axis) => v[`need.${axis}`] === true).map((axis) => ({ axis, priority: toNumber(str(v, `need.${axis}.priority`) || '3'), description: str(v, `need.${axis}.description`) })),
    answers,
  };
}

/** Maps an error path of the API to the editor's field: 'needs.1.priority' → the need of that axis, 'people' → the section. */
function fieldNames(criteria: Criterion[]): string[] {
  const names = [...sectionFields, 'structure.name', 'structure.legalForm', 'structure.address', 'structure.staffFte', 'structure.budgetSituation', 'structure.missions', 'structure.publicServed', 'structure.speRelations'];
  for (const k of ['name', 'region', 'departement', 'departementCode', 'setting', 'population']) names.push(`territory.${k}`);
  for (const k of ['name', 'kind', 'contactName', 'contactEmail']) names.push(`prescriber.${k}`);
  for (const k of ['name', 'role', 'email']) names.push(`referent.${k}`);
  for (let i = 0; i < 3; i++) for (const k of ['name', 'role', 'email']) names.push(`people.${i}.${k}`);
  for (const c of criteria) names.push(`answers.${c.criterionId}`);
  return names;
}

function ApplicationEditor(props: { app: Application; call: CallView; onSaved: (a: Application) => void }) {
  const a = props.app;
  const criteria = props.call.criteria;
  const form = useForm<Values>(`application-${a.applicationId}`, fromApplication(a));
  const v = form.values;
  const set = (k: string, value: string | boolean) => form.set(k, value);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(a.version);
  const [confirming, setConfirming] = useState(false);
  const hypothesis = (str(v, 'hypothesis') || null) as Hypothesis | null;
  const applicable = criteria.filter((c) => c.hypothesis === hypothesis);
  const live = useLiveEligibility(props.call.callId, hypothesis, applicable, v, a.eligibility);
  const fields = fieldNames(criteria);

  const save = async (): Promise<Application | undefined> => {
    const saved = await form.submit(() => patch<Application>(`/applications/${a.applicationId}`, { expectedVersion: version, ...bodyOf(v, criteria) }), fields);
    if (saved) setVersion(saved.version);
    return saved;
  };
  const onSave = async () => {
    setNotice(null);
    const saved = await save();
    if (saved) setNotice(`Brouillon enregistré. Éligibilité : ${eligibilityLabels[saved.eligibility.status]}.`);
  };
  const onSubmitApplication = async () => {
    setNotice(null);
    const saved = await save();
    if (!saved) return;
    const submitted = await form.submit(() => post<Application>(`/applications/${a.applicationId}/submit`), fields);
    if (submitted) {
      form.clear(fromApplication(submitted));
      props.onSaved(submitted);
    }
  };
  const E = form.errors;

  return (
    <>
      <Notice message={notice} />
      <Form onSubmit={() => void onSave()} label="Brouillon de candidature">
        <ErrorSummary messages={form.formError} errors={E} labels={fieldLabels(criteria)} />
        <Section title="1. La structure">
          <SectionErrors name="structure" errors={E} />
          <div class="grid">
            <TextField name="structure.name" label="Nom" required value={str(v, 'structure.name')} onInput={(x) => set('structure.name', x)} errors={E} />
            <TextField name="structure.legalForm" label="Forme juridique" required value={str(v, 'structure.legalForm')} onInput={(x) => set('structure.legalForm', x)} errors={E} hint="Association loi 1901, SCIC, collectivité…" />
            <TextField name="structure.address" label="Adresse" required value={str(v, 'structure.address')} onInput={(x) => set('structure.address', x)} errors={E} wide />
            <NumberField name="structure.staffFte" label="Effectif (ETP)" required value={str(v, 'structure.staffFte')} onInput={(x) => set('structure.staffFte', x)} errors={E} suffix="ETP" />
            <Select name="structure.budgetSituation" label="Situation budgétaire" required value={str(v, 'structure.budgetSituation')} onChange={(x) => set('structure.budgetSituation', x)} errors={E} placeholder="Choisir" options={Object.entries(budgetLabels).map(([value, l]) => ({ value, label: l }))} />
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
        <Section title="5. Les critères d’entrée">
          <SectionErrors name="answers" errors={E} />
          <div aria-live="polite" class="live-eligibility" data-testid="live-eligibility">
            {live.result ? (
              <p>
                Éligibilité en direct : <Badge tone={eligibilityTone[live.result.status]}>{eligibilityLabels[live.result.status]}</Badge>
                {live.result.results.filter((r) => r.status === 'unmet').length > 0 && <> — {live.result.results.filter((r) => r.status === 'unmet').length} critère(s) non rempli(s)</>}
              </p>
            ) : (
              <p class="hint">Choisissez l’hypothèse pour voir les critères.</p>
            )}
          </div>
          {applicable.map((c) => (
            <CriterionInput key={c.criterionId} applicationId={a.applicationId} criterion={c} values={v} set={set} errors={E} result={live.result?.results.find((r) => r.criterionId === c.criterionId)} />
          ))}
        </Section>
        <Section title="6. Les pièces du dossier">
          <Attachments
            parent={{ kind: 'application', applicationId: a.applicationId, pieces: 'dossier' }}
            name="dossier"
            label="Autres pièces (statuts, présentation de la structure, lettres de soutien…)"
            hint="Les pièces propres à un critère se déposent sous ce critère, à la section 5."
            editable
          />
        </Section>
        <div class="card sticky-actions">
          <div class="actions">
            <SubmitButton busy={form.submitting} class="button secondary">
              Enregistrer le brouillon
            </SubmitButton>
            <button type="button" class="button" disabled={form.submitting} onClick={() => setConfirming(true)}>
              Déposer la candidature
            </button>
          </div>
        </div>
      </Form>
      <ConfirmDialog
        open={confirming}
        title={`Déposer la candidature de ${str(v, 'structure.name') || a.structure.name} ?`}
        confirmLabel="Déposer"
        busy={form.submitting}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void onSubmitApplication();
        }}
      >
        <p>
          Une fois déposée, la candidature ne peut plus être modifiée, sauf si l’équipe Ansa vous la renvoie pour correction. Éligibilité calculée : {eligibilityLabels[(live.result ?? a.eligibility).status]}
          {(live.result ?? a.eligibility).reasons.length > 0 ? ` (${(live.result ?? a.eligibility).reasons.length} critère${(live.result ?? a.eligibility).reasons.length > 1 ? 's' : ''} à revoir)` : ''}. L’appel ferme le {formatDateTime(props.call.closesAt)}.
        </p>
      </ConfirmDialog>
    </>
  );
}

function fieldLabels(criteria: Criterion[]): Record<string, string> {
  const labels: Record<string, string> = {
    structure: 'Structure',
    territory: 'Territoire',
    hypothesis: 'Hypothèse',
    prescriber: 'Prescripteur',
    people: 'Personnes à former',
    referent: 'Référent',
    needs: 'Besoins du territoire',
    answers: 'Critères',
    'structure.name': 'Nom de la structure',
    'structure.legalForm': 'Forme juridique',
    'structure.address': 'Adresse',
    'structure.staffFte': 'Effectif (ETP)',
    'structure.budgetSituation': 'Situation budgétaire',
    'structure.missions': 'Missions',
    'structure.publicServed': 'Public accompagné',
    'structure.speRelations': 'Relations avec le SPE',
    'territory.name': 'Territoire',
    'territory.region': 'Région',
    'territory.departement': 'Département',
    'territory.departementCode': 'Code du département',
    'territory.setting': 'Milieu',
    'territory.population': 'Population',
    'prescriber.name': 'Nom du prescripteur',
    'prescriber.kind': 'Type de prescripteur',
    'prescriber.contactEmail': 'Courriel du contact',
    'referent.name': 'Nom du référent',
    'referent.role': 'Fonction du référent',
    'referent.email': 'Courriel du référent',
  };
  for (let i = 0; i < 3; i++) {
    labels[`people.${i}.name`] = `Nom (personne ${i + 1})`;
    labels[`people.${i}.role`] = `Fonction (personne ${i + 1})`;
    labels[`people.${i}.email`] = `Courriel (personne ${i + 1})`;
  }
  for (const c of criteria) labels[`answers.${c.criterionId}`] = `Critère ${c.criterionId}`;
  return labels;
}

function SectionErrors(props: { name: string; errors: Record<string, string[]> }) {
  const errs = props.errors[props.name];
  if (!errs?.length) return null;
  return (
    <p class="field-message" data-field={props.name}>
      {errs.join(' ')}
    </p>
  );
}

/** Asks the API for the eligibility of what is typed (nothing saved), a moment after the user stops typing. */
function useLiveEligibility(callId: string, hypothesis: Hypothesis | null, criteria: Criterion[], values: Values, initial: EligibilityResult) {
  const [result, setResult] = useState<EligibilityResult | null>(initial.hypothesis ? initial : null);
  const answers: Record<string, Answer> = {};
  for (const c of criteria) {
    const answer = answerOf(c, values);
    if (answer && !(answer.kind === 'number' && typeof answer.value !== 'number')) answers[c.criterionId] = answer;
  }
  const key = JSON.stringify([hypothesis, answers]);
  const seq = useRef(0);
  useEffect(() => {
    if (!hypothesis) {
      setResult(null);
      return;
    }
    const n = ++seq.current;
    const timer = setTimeout(() => {
      post<EligibilityResult>(`/calls/${callId}/eligibility-preview`, { hypothesis, answers }).then(
        (r) => n === seq.current && setResult(r),
        () => undefined,
      );
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { result };
}

function CriterionInput(props: { applicationId: string; criterion: Criterion; values: Values; set: (k: string, v: string | boolean) => void; errors: Record<string, string[]>; result?: EligibilityResult['results'][number] }) {
  const c = props.criterion;
  const key = `answers.${c.criterionId}`;
  const v = props.values;
  const label = `${c.criterionId} — ${c.label}`;
  let input: ComponentChildren;
  switch (c.kind) {
    case 'number':
      input = <NumberField name={key} label={label} value={str(v, key)} onInput={(x) => props.set(key, x)} errors={props.errors} suffix={c.unit} hint={c.description || undefined} />;
      break;
    case 'yes_no':
      input = (
        <RadioGroup name={key} label={label} inline value={typeof v[key] === 'string' ? (v[key] as string) : ''} onChange={(x) => props.set(key, x)} errors={props.errors} hint={c.description || undefined} options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} />
      );
      break;
    case 'choice':
      input = <RadioGroup name={key} label={label} value={str(v, key)} onChange={(x) => props.set(key, x)} errors={props.errors} hint={c.description || undefined} options={c.options} />;
      break;
    case 'document':
      input = (
        <>
          <TextField name={key} label={label} value={str(v, key)} onInput={(x) => props.set(key, x)} errors={props.errors} hint={`${c.documentLabel} : joignez le fichier ci-dessous (son nom s’inscrit ici), ou donnez le nom ou le lien du document`} wide />
          <Attachments
            parent={{ kind: 'application', applicationId: props.applicationId, criterionId: c.criterionId }}
            name={`document-${c.criterionId}`}
            label={`Fichier : ${c.documentLabel}`}
            editable
            onChange={(docs) => props.set(key, docs.map((d) => d.fileName).join(' ; '))}
          />
        </>
      );
      break;
    case 'signed_attestation':
      input = (
        <fieldset class="fieldset" data-field={key}>
          <legend>{label}</legend>
          <Checkbox name={key} label={`Signé par : ${c.signerRole}`} checked={v[key] === true} onChange={(x) => props.set(key, x)} errors={props.errors} />
          <div class="grid">
            <TextField name={`${key}.signerName`} label="Nom du ou de la signataire" value={str(v, `${key}.signerName`)} onInput={(x) => props.set(`${key}.signerName`, x)} errors={props.errors} />
            <TextField name={`${key}.signedOn`} type="date" label="Date de signature" value={str(v, `${key}.signedOn`)} onInput={(x) => props.set(`${key}.signedOn`, x)} errors={props.errors} />
          </div>
          {c.alternativeEvidence && (
            <>
              <Checkbox
                name={`${key}.alternative`}
                label="Je fournis un justificatif équivalent à la signature"
                hint={`Accepté une fois vérifié par l’équipe Ansa : ${c.alternativeEvidence}.`}
                checked={v[`${key}.alternative`] === true}
                onChange={(x) => props.set(`${key}.alternative`, x)}
                errors={props.errors}
              />
              {v[`${key}.alternative`] === true && (
                <div class="grid">
                  <TextField name={`${key}.alternativeDescription`} label="Justificatif fourni" value={str(v, `${key}.alternativeDescription`)} onInput={(x) => props.set(`${key}.alternativeDescription`, x)} errors={props.errors} wide />
                  <TextField name={`${key}.alternativeDocument`} label="Nom ou lien du document (facultatif)" value={str(v, `${key}.alternativeDocument`)} onInput={(x) => props.set(`${key}.alternativeDocument`, x)} errors={props.errors} wide />
                </div>
              )}
            </>
          )}
        </fieldset>
      );
      break;
  }
  const r = props.result;
  return (
    <div class={`criterion-input ${r?.status ?? ''}`} data-criterion={c.criterionId}>
      {input}
      {r && (
        <p class={`criterion-feedback ${r.status}`} data-testid={`feedback-${c.criterionId}`}>
          <Badge tone={r.status === 'met' ? 'success' : r.status === 'unmet' ? 'danger' : 'warning'}>{criterionStatusLabels[r.status]}</Badge> {r.reason}
        </p>
      )}
      {c.requiresEvidence && c.kind !== 'document' && (
        <Attachments
          parent={{ kind: 'application', applicationId: props.applicationId, criterionId: c.criterionId }}
          name={`evidence-${c.criterionId}`}
          label={`Pièces justificatives du critère ${c.criterionId}`}
          hint="Ce critère sera vérifié sur pièces par l’équipe Ansa : joignez ici les justificatifs."
          editable
        />
      )}
    </div>
  );
}

