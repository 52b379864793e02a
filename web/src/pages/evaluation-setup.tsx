import { useState } from 'preact/hooks';
import { get, patch, post, put, type Page as ApiPage } from '../api/client';
import type { IndicatorDef, QuestionDef, QuestionnaireQuestion, QuestionnaireResponse, Stage, StageKind, Template } from '../../../shared/evaluation/schemas';
import type { StageView } from '../../../shared/evaluation/views';
import { Checkbox, ErrorSummary, Form, Select, SubmitButton, TextArea, TextField } from '../components/form';
import { DescriptionList, Empty, Loaded, Page, Section } from '../components/page';
import { Notice, Table } from '../components/widgets';
import { useApi, useForm, useMe } from '../hooks';
import { countOf, formatDate, formatDateTime } from '../i18n/format';
import { Link } from '../router';

export const stageKindLabels: Record<StageKind, string> = { 'first-return': 'Premier retour', intermediate: 'Bilan intermédiaire', final: 'Bilan final' };
const unitLabels: Record<IndicatorDef['unit'], string> = { count: 'Nombre', fte: 'ETP', days: 'Jours', euros: 'Euros' };
const scaleLabels = ['1 — pas du tout', '2 — plutôt non', '3 — plutôt oui', '4 — tout à fait'];
const roleLabels = { director: 'Direction', professional: 'Professionnel·le' };

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The stages of a season: the three default ones in one step when there is none, another one, and a link to set each up. */
export function StagesSetup(props: { seasonId: string; stages: Stage[]; onChanged: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Section title="Étapes d’évaluation">
      <Notice message={notice} />
      {props.stages.length === 0 ? (
        <>
          <Empty>Aucune étape d’évaluation pour cette saison : créez les trois étapes par défaut (premier retour, bilan intermédiaire, bilan final) avec leurs dates.</Empty>
          <DefaultStages
            seasonId={props.seasonId}
            onCreated={(n) => {
              setNotice(`${countOf(n, 'étape créée avec son modèle', 'étapes créées avec leurs modèles')} de rapport par défaut.`);
              props.onChanged();
            }}
          />
        </>
      ) : (
        <Table
          caption="Étapes de la saison"
          captionHidden
          rows={props.stages}
          rowKey={(s) => s.stageId}
          columns={[
            { key: 'name', label: 'Étape', render: (s) => <Link href={`/evaluation/etapes/${s.stageId}`}>{s.name}</Link> },
            { key: 'dates', label: 'Période', render: (s) => `du ${formatDate(s.opensOn)} au ${formatDate(s.dueOn)}` },
            { key: 'template', label: 'Modèle', render: (s) => `version ${s.templateVersion}` },
          ]}
        />
      )}
      {props.stages.length > 0 && (
        <AddStage
          seasonId={props.seasonId}
          nextOrder={Math.max(0, ...props.stages.map((s) => s.order)) + 1}
          onCreated={(s) => {
            setNotice(`Étape « ${s.name} » créée.`);
            props.onChanged();
          }}
        />
      )}
    </Section>
  );
}

function DefaultStages(props: { seasonId: string; onCreated: (n: number) => void }) {
  const form = useForm(`default-stages-${props.seasonId}`, {
    firstReturnOpens: inDays(30),
    firstReturnDue: inDays(45),
    intermediateOpens: inDays(90),
    intermediateDue: inDays(105),
    finalOpens: inDays(150),
    finalDue: inDays(165),
  });
  const v = form.values;
  const onSubmit = async () => {
    const page = await form.submit(
      () =>
        post<ApiPage<Stage>>(`/seasons/${props.seasonId}/stages/defaults`, {
          firstReturn: { opensOn: v.firstReturnOpens, dueOn: v.firstReturnDue },
          intermediate: { opensOn: v.intermediateOpens, dueOn: v.intermediateDue },
          final: { opensOn: v.finalOpens, dueOn: v.finalDue },
        }),
      ['firstReturn.opensOn', 'firstReturn.dueOn', 'intermediate.opensOn', 'intermediate.dueOn', 'final.opensOn', 'final.dueOn'],
    );
    if (page) {
      form.clear();
      props.onCreated(page.items.length);
    }
  };
  const pair = (key: 'firstReturn' | 'intermediate' | 'final', label: string) => (
    <fieldset class="fieldset">
      <legend>{label}</legend>
      <div class="grid">
        <TextField name={`${key}.opensOn`} type="date" label="Ouverture" required value={v[`${key}Opens`]} onInput={(x) => form.set(`${key}Opens`, x)} errors={form.errors} />
        <TextField name={`${key}.dueOn`} type="date" label="À rendre avant le" required value={v[`${key}Due`]} onInput={(x) => form.set(`${key}Due`, x)} errors={form.errors} />
      </div>
    </fieldset>
  );
  return (
    <Form onSubmit={onSubmit} label="Créer les étapes par défaut">
      <ErrorSummary messages={form.formError} errors={form.errors} />
      {pair('firstReturn', stageKindLabels['first-return'])}
      {pair('intermediate', stageKindLabels.intermediate)}
      {pair('final', stageKindLabels.final)}
      <SubmitButton busy={form.submitting}>Créer les trois étapes</SubmitButton>
    </Form>
  );
}

function AddStage(props: { seasonId: string; nextOrder: number; onCreated: (s: Stage) => void }) {
  const form = useForm(`add-stage-${props.seasonId}`, { kind: 'intermediate', name: '', opensOn: '', dueOn: '' });
  const v = form.values;
  const onSubmit = async () => {
    const stage = await form.submit(
      () => post<Stage>(`/seasons/${props.seasonId}/stages`, { kind: v.kind, order: Math.min(props.nextOrder, 9), ...(v.name.trim() ? { name: v.name } : {}), opensOn: v.opensOn, dueOn: v.dueOn }),
      ['kind', 'name', 'opensOn', 'dueOn'],
    );
    if (stage) {
      form.clear();
      props.onCreated(stage);
    }
  };
  return (
    <details>
      <summary>Ajouter une étape</summary>
      <Form onSubmit={onSubmit} label="Ajouter une étape">
        <ErrorSummary messages={form.formError} />
        <div class="grid">
          <Select name="kind" label="Type d’étape" value={v.kind} onChange={(x) => form.set('kind', x)} options={Object.entries(stageKindLabels).map(([value, label]) => ({ value, label }))} errors={form.errors} />
          <TextField name="name" label="Intitulé (facultatif)" value={v.name} onInput={(x) => form.set('name', x)} errors={form.errors} />
          <TextField name="opensOn" type="date" label="Ouverture" required value={v.opensOn} onInput={(x) => form.set('opensOn', x)} errors={form.errors} />
          <TextField name="dueOn" type="date" label="À rendre avant le" required value={v.dueOn} onInput={(x) => form.set('dueOn', x)} errors={form.errors} />
        </div>
        <SubmitButton busy={form.submitting}>Ajouter l’étape</SubmitButton>
      </Form>
    </details>
  );
}

/** One stage: its name and dates, its report template (editable until it opens) and the template's versions. */
export function StageSetupPage(props: { stageId: string }) {
  const stage = useApi((signal) => get<StageView>(`/stages/${encodeURIComponent(props.stageId)}`, undefined, signal), [props.stageId]);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Loaded resource={stage}>
      {(s) => (
        <Page title={s.name} subtitle={`${stageKindLabels[s.kind]} · du ${formatDate(s.opensOn)} au ${formatDate(s.dueOn)}${s.open ? ' · ouverte' : ''}`} trail={[{ href: '/evaluation', label: 'Évaluation' }]}>
          <Notice message={notice} />
          <StageDates
            key={`d${s.version}`}
            stage={s}
            onSaved={() => {
              setNotice('Étape enregistrée.');
              stage.reload();
            }}
          />
          <TemplateEditor
            key={`t${s.version}-${s.templateVersion}`}
            stage={s}
            onSaved={(saved) => {
              stage.set(saved);
              setNotice(`Modèle enregistré : version ${saved.templateVersion}.`);
            }}
          />
          <TemplateVersions key={s.templateVersion} stage={s} />
        </Page>
      )}
    </Loaded>
  );
}

function StageDates(props: { stage: StageView; onSaved: () => void }) {
  const s = props.stage;
  const form = useForm(`stage-${s.stageId}-${s.version}`, { name: s.name, opensOn: s.opensOn, dueOn: s.dueOn });
  const onSubmit = async () => {
    const v = form.values;
    const saved = await form.submit(
      () => patch<Stage>(`/stages/${s.stageId}`, { expectedVersion: s.version, ...(v.name !== s.name ? { name: v.name } : {}), ...(v.opensOn !== s.opensOn ? { opensOn: v.opensOn } : {}), ...(v.dueOn !== s.dueOn ? { dueOn: v.dueOn } : {}) }),
      ['name', 'opensOn', 'dueOn'],
    );
    if (saved) {
      form.clear();
      props.onSaved();
    }
  };
  return (
    <Section title="Intitulé et dates">
      <Form onSubmit={onSubmit} label="Intitulé et dates de l’étape">
        <ErrorSummary messages={form.formError} />
        <div class="grid">
          <TextField name="name" label="Intitulé" required value={form.values.name} onInput={(x) => form.set('name', x)} errors={form.errors} />
          <TextField name="opensOn" type="date" label="Ouverture" required value={form.values.opensOn} onInput={(x) => form.set('opensOn', x)} errors={form.errors} />
          <TextField name="dueOn" type="date" label="À rendre avant le" required value={form.values.dueOn} onInput={(x) => form.set('dueOn', x)} errors={form.errors} />
        </div>
        <SubmitButton busy={form.submitting}>Enregistrer l’étape</SubmitButton>
      </Form>
    </Section>
  );
}

type TemplateValues = { indicators: IndicatorDef[]; questions: QuestionDef[]; questionnaire: QuestionnaireQuestion[] | null };

function TemplateEditor(props: { stage: StageView; onSaved: (s: StageView) => void }) {
  const s = props.stage;
  const t = s.template;
  const form = useForm<TemplateValues>(`template-${s.stageId}-${s.templateVersion}`, { indicators: t.indicators, questions: t.questions, questionnaire: t.questionnaire?.questions ?? null });
  const v = form.values;
  const setRow = <K extends 'indicators' | 'questions'>(list: K, i: number, change: Partial<TemplateValues[K][number]>) =>
    form.set(list, v[list].map((row, j) => (j === i ? { ...row, ...change } : row)) as TemplateValues[K]);
  const setQ = (i: number, change: Partial<QuestionnaireQuestion>) => form.set('questionnaire', (v.questionnaire ?? []).map((row, j) => (j === i ? { ...row, ...change } : row)));
  const fields = [
    'indicators',
    'questions',
    'questionnaire',
    ...v.indicators.flatMap((_, i) => ['key', 'label', 'unit', 'help'].map((f) => `indicators.${i}.${f}`)),
    ...v.questions.flatMap((_, i) => ['key', 'label'].map((f) => `questions.${i}.${f}`)),
    ...(v.questionnaire ?? []).flatMap((_, i) => ['key', 'label'].map((f) => `questionnaire.questions.${i}.${f}`)),
  ];
  const onSubmit = async () => {
    const saved = await form.submit(
      () => put<StageView>(`/stages/${s.stageId}/template`, { expectedVersion: s.version, indicators: v.indicators, questions: v.questions, questionnaire: v.questionnaire ? { questions: v.questionnaire } : null }),
      fields,
    );
    if (saved) {
      form.clear();
      props.onSaved(saved);
    }
  };
  const E = form.errors;
  return (
    <Section title={`Modèle de rapport (version ${s.templateVersion})`}>
      {s.open && <p class="hint">L’étape est ouverte : son modèle ne peut plus changer.</p>}
      <Form onSubmit={onSubmit} label="Modèle de rapport">
        <ErrorSummary messages={form.formError} errors={E} />
        <h3>Indicateurs chiffrés</h3>
        {v.indicators.map((ind, i) => (
          <fieldset class="fieldset" key={i}>
            <legend>Indicateur {i + 1}</legend>
            <div class="grid">
              <TextField name={`indicators.${i}.label`} label="Intitulé" required value={ind.label} onInput={(x) => setRow('indicators', i, { label: x })} errors={E} />
              <TextField name={`indicators.${i}.key`} label="Clé technique" hint="Par exemple : retourEmploi" required value={ind.key} onInput={(x) => setRow('indicators', i, { key: x })} errors={E} />
              <Select name={`indicators.${i}.unit`} label="Unité" value={ind.unit} onChange={(x) => setRow('indicators', i, { unit: x as IndicatorDef['unit'] })} options={Object.entries(unitLabels).map(([value, label]) => ({ value, label }))} errors={E} />
              <Checkbox name={`indicators.${i}.required`} label="Obligatoire" checked={ind.required} onChange={(x) => setRow('indicators', i, { required: x })} />
            </div>
            <button type="button" class="button small secondary" onClick={() => form.set('indicators', v.indicators.filter((_, j) => j !== i))}>
              Retirer l’indicateur « {ind.label || i + 1} »
            </button>
          </fieldset>
        ))}
        <p>
          <button type="button" class="button small secondary" onClick={() => form.set('indicators', [...v.indicators, { key: '', label: '', unit: 'count', required: false }])}>
            Ajouter un indicateur
          </button>
        </p>
        <h3>Questions ouvertes</h3>
        {v.questions.length === 0 && <Empty>Aucune question ouverte.</Empty>}
        {v.questions.map((q, i) => (
          <fieldset class="fieldset" key={i}>
            <legend>Question {i + 1}</legend>
            <div class="grid">
              <TextArea name={`questions.${i}.label`} label="Question" required rows={2} value={q.label} onInput={(x) => setRow('questions', i, { label: x })} errors={E} />
              <TextField name={`questions.${i}.key`} label="Clé technique" required value={q.key} onInput={(x) => setRow('questions', i, { key: x })} errors={E} />
              <Checkbox name={`questions.${i}.required`} label="Obligatoire" checked={q.required} onChange={(x) => setRow('questions', i, { required: x })} />
            </div>
            <button type="button" class="button small secondary" onClick={() => form.set('questions', v.questions.filter((_, j) => j !== i))}>
              Retirer la question {i + 1}
            </button>
          </fieldset>
        ))}
        <p>
          <button type="button" class="button small secondary" onClick={() => form.set('questions', [...v.questions, { key: '', label: '', required: false }])}>
            Ajouter une question
          </button>
        </p>
        <h3>Questionnaire aux équipes</h3>
        <Checkbox name="questionnaire" label="Cette étape comporte un questionnaire (direction et professionnels)" checked={v.questionnaire !== null} onChange={(on) => form.set('questionnaire', on ? [{ key: 'satisfaction', label: '', kind: 'scale' }] : null)} errors={E} />
        {(v.questionnaire ?? []).map((q, i) => (
          <div class="grid" key={i}>
            <TextField name={`questionnaire.questions.${i}.label`} label={`Question ${i + 1} du questionnaire`} required value={q.label} onInput={(x) => setQ(i, { label: x })} errors={E} />
            <TextField name={`questionnaire.questions.${i}.key`} label="Clé technique" required value={q.key} onInput={(x) => setQ(i, { key: x })} errors={E} />
            <Select name={`questionnaire.questions.${i}.kind`} label="Réponse" value={q.kind} onChange={(x) => setQ(i, { kind: x as QuestionnaireQuestion['kind'] })} options={[{ value: 'scale', label: 'Échelle de 1 à 4' }, { value: 'text', label: 'Texte libre' }]} />
          </div>
        ))}
        {v.questionnaire && (
          <p>
            <button type="button" class="button small secondary" onClick={() => form.set('questionnaire', [...(v.questionnaire ?? []), { key: '', label: '', kind: 'scale' }])}>
              Ajouter une question au questionnaire
            </button>
          </p>
        )}
        <SubmitButton busy={form.submitting} disabled={s.open}>
          Enregistrer une nouvelle version du modèle
        </SubmitButton>
      </Form>
    </Section>
  );
}

function TemplateVersions(props: { stage: StageView }) {
  const s = props.stage;
  const [chosen, setChosen] = useState(String(s.templateVersion));
  const version = useApi((signal) => get<Template>(`/stages/${s.stageId}/template/versions/${chosen}`, undefined, signal), [s.stageId, chosen]);
  return (
    <Section title="Versions du modèle">
      <Select name="templateVersion" label="Version" value={chosen} onChange={setChosen} options={Array.from({ length: s.templateVersion }, (_, i) => ({ value: String(i + 1), label: `Version ${i + 1}` }))} />
      <Loaded resource={version} inline label="la version du modèle">
        {(t) => (
          <DescriptionList
            items={[
              ['Créée le', formatDateTime(t.createdAt)],
              ['Indicateurs', t.indicators.map((i) => `${i.label} (${unitLabels[i.unit]}${i.required ? ', obligatoire' : ''})`).join(' ; ')],
              ['Questions', t.questions.length ? t.questions.map((q) => q.label).join(' ; ') : 'aucune'],
              ['Questionnaire', t.questionnaire ? countOf(t.questionnaire.questions.length, 'question', 'questions') : 'aucun'],
            ]}
          />
        )}
      </Loaded>
    </Section>
  );
}

/** The stage's questionnaire to the structure's director and professionals: answers so far, and a new answer (referent). */
export function QuestionnaireSection(props: { stage: StageView; essaimeId: string }) {
  const me = useMe();
  const questions = props.stage.template.questionnaire?.questions;
  const [tick, setTick] = useState(0);
  const list = useApi((signal) => get<ApiPage<QuestionnaireResponse>>(`/stages/${props.stage.stageId}/reports/${props.essaimeId}/questionnaires`, undefined, signal), [props.stage.stageId, props.essaimeId, tick]);
  if (!questions) return null;
  return (
    <Section title="Questionnaire aux équipes">
      <Loaded resource={list} inline label="les réponses au questionnaire">
        {(page) => (
          <Table
            caption="Réponses au questionnaire (anonymes)"
            rows={page.items}
            rowKey={(r) => r.responseId}
            empty="Aucune réponse pour l’instant."
            columns={[
              { key: 'who', label: 'Répondant', render: (r) => `${roleLabels[r.respondentRole]}${r.respondentFunction ? ` (${r.respondentFunction})` : ''}` },
              ...questions.map((q) => ({ key: q.key, label: q.label, render: (r: QuestionnaireResponse) => String(r.answers[q.key] ?? '—') })),
              { key: 'at', label: 'Le', render: (r) => formatDate(r.createdAt) },
            ]}
          />
        )}
      </Loaded>
      {me.role === 'referent' && props.stage.open && <QuestionnaireForm stage={props.stage} essaimeId={props.essaimeId} questions={questions} onAdded={() => setTick((t) => t + 1)} />}
    </Section>
  );
}

function QuestionnaireForm(props: { stage: StageView; essaimeId: string; questions: QuestionnaireQuestion[]; onAdded: () => void }) {
  const initial = { respondentRole: 'director', respondentFunction: '', ...Object.fromEntries(props.questions.map((q) => [q.key, ''])) } as Record<string, string>;
  const form = useForm(`questionnaire-${props.stage.stageId}-${props.essaimeId}`, initial);
  const [notice, setNotice] = useState<string | null>(null);
  const onSubmit = async () => {
    setNotice(null);
    const answers = Object.fromEntries(props.questions.filter((q) => form.values[q.key]?.trim()).map((q) => [q.key, q.kind === 'scale' ? Number(form.values[q.key]) : form.values[q.key]]));
    const done = await form.submit(
      () =>
        post<QuestionnaireResponse>(`/stages/${props.stage.stageId}/reports/${props.essaimeId}/questionnaires`, {
          respondentRole: form.values.respondentRole,
          ...(form.values.respondentFunction?.trim() ? { respondentFunction: form.values.respondentFunction } : {}),
          answers,
        }),
      ['respondentRole', 'respondentFunction', 'answers', ...props.questions.map((q) => `answers.${q.key}`)],
    );
    if (done) {
      form.clear();
      setNotice('Réponse enregistrée.');
      props.onAdded();
    }
  };
  const E = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k.replace(/^answers\./, ''), v]));
  return (
    <Form onSubmit={onSubmit} label="Saisir une réponse au questionnaire">
      <h3>Saisir une réponse</h3>
      <Notice message={notice} />
      <ErrorSummary messages={form.formError} />
      <div class="grid">
        <Select name="respondentRole" label="Répondant" value={form.values.respondentRole ?? 'director'} onChange={(x) => form.set('respondentRole', x)} options={Object.entries(roleLabels).map(([value, label]) => ({ value, label }))} errors={E} />
        <TextField name="respondentFunction" label="Fonction (jamais le nom)" value={form.values.respondentFunction ?? ''} onInput={(x) => form.set('respondentFunction', x)} errors={E} />
        {props.questions.map((q) =>
          q.kind === 'scale' ? (
            <Select key={q.key} name={q.key} label={q.label} value={form.values[q.key] ?? ''} onChange={(x) => form.set(q.key, x)} placeholder="Choisir" options={scaleLabels.map((l, i) => ({ value: String(i + 1), label: l }))} errors={E} />
          ) : (
            <TextArea key={q.key} name={q.key} label={q.label} rows={2} value={form.values[q.key] ?? ''} onInput={(x) => form.set(q.key, x)} errors={E} />
          ),
        )}
      </div>
      <SubmitButton busy={form.submitting}>Enregistrer la réponse</SubmitButton>
    </Form>
  );
}
