import { useState } from 'preact/hooks';
import { get, patch, post, put, type Page as ApiPage } from '../api/client';
import type { ApplicantView } from '../../../shared/applications/views';
import type { CallSummary, CallView, CriteriaVersionsView, Criterion } from '../../../shared/calls/schemas';
import { CallActions } from './call-actions';
import type { Hypothesis, Season } from '../../../shared/seasons/schemas';
import { Checkbox, CheckboxGroup, ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, toNumber } from '../components/form';
import { Badge, DescriptionList, Empty, Loaded, Page, Section } from '../components/page';
import { Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format';
import { applicationStatusLabels, applicationStatusTone, callStatusLabels, callStatusTone, criterionKindLabels, hypothesisLabels, hypothesisShort } from '../i18n/labels';
import { Link, navigate } from '../router';

/** '2019-10-01T10:00' (local, from an <input type="datetime-local">) → ISO with offset, or the raw text if invalid. */
export function localToIso(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export function isoToLocal(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function CallsPage() {
  const me = useMe();
  const list = usePagedApi((cursor, signal) => get<ApiPage<CallSummary>>('/calls', { cursor, limit: 10 }, signal), []);
  return (
    <Page
      title={me.role === 'staff' ? 'Appels à territoires candidats' : 'Appels à candidatures'}
      subtitle={me.role === 'staff' ? 'Préparez les critères, ouvrez l’appel, instruisez et sélectionnez entre 5 et 10 territoires.' : 'Les appels ouverts de l’essaimage de la méthode A.CO.R. Candidatez au nom de votre structure.'}
    >
      <Section title={me.role === 'staff' ? 'Appels' : 'Appels publiés'}>
        <Loaded resource={list} inline>
          {(page) => (
            <>
              <Table
                caption="Appels"
                captionHidden
                rows={page.items}
                rowKey={(c) => c.callId}
                empty="Aucun appel pour l’instant."
                columns={[
                  { key: 'title', label: 'Appel', render: (c) => <Link href={`/appels/${c.callId}`}>{c.title}</Link> },
                  { key: 'hyp', label: 'Hypothèses', render: (c) => c.hypotheses.map((h) => hypothesisShort[h]).join(', ') },
                  { key: 'opens', label: 'Ouverture', render: (c) => formatDate(c.opensAt) },
                  { key: 'closes', label: 'Clôture', render: (c) => formatDate(c.closesAt) },
                  { key: 'capacity', label: 'Territoires visés', render: (c) => `${c.capacity.min} à ${c.capacity.max}` },
                  { key: 'status', label: 'Statut', render: (c) => <Badge tone={callStatusTone[c.status]}>{callStatusLabels[c.status]}</Badge> },
                ]}
              />
              <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
            </>
          )}
        </Loaded>
      </Section>
      {me.role === 'staff' && <CreateCall />}
      {me.role === 'referent' && <MyApplications />}
    </Page>
  );
}

const callLabels: Record<string, string> = {
  seasonId: 'Saison',
  title: 'Titre',
  description: 'Présentation',
  hypotheses: 'Hypothèses acceptées',
  opensAt: 'Ouverture',
  closesAt: 'Clôture',
  'capacity.min': 'Minimum de territoires',
  'capacity.max': 'Maximum de territoires',
  capacity: 'Territoires visés',
};

function CreateCall() {
  const seasons = useApi((signal) => get<ApiPage<Season>>('/seasons', { limit: 20 }, signal), []);
  const now = new Date();
  const inMonth = new Date(now.getTime() + 30 * 86_400_000);
  const form = useForm('create-call', {
    seasonId: '',
    title: '',
    description: '',
    hypotheses: ['A', 'B'] as string[],
    opensAt: isoToLocal(now.toISOString()),
    closesAt: isoToLocal(inMonth.toISOString()),
    min: '5',
    max: '10',
  });
  const { values, set, errors } = form;
  const onSubmit = async () => {
    const call = await form.submit(
      () =>
        post<CallView>('/calls', {
          seasonId: values.seasonId || undefined,
          title: values.title,
          description: values.description,
          hypotheses: values.hypotheses,
          opensAt: localToIso(values.opensAt),
          closesAt: localToIso(values.closesAt),
          capacity: { min: toNumber(values.min), max: toNumber(values.max) },
        }),
      Object.keys(callLabels),
    );
    if (call) {
      form.clear();
      navigate(`/appels/${call.callId}`);
    }
  };
  return (
    <Section title="Préparer un appel">
      <p class="hint">L’appel est créé en brouillon avec les critères d’entrée de l’étude de faisabilité et la grille d’évaluation par défaut ; vous les relirez avant de l’ouvrir.</p>
      <Form onSubmit={onSubmit} label="Préparer un appel">
        <ErrorSummary messages={form.formError} errors={errors} labels={callLabels} />
        <div class="grid">
          <Loaded resource={seasons} inline>
            {(page) => (
              <Select
                name="seasonId"
                label="Saison"
                required
                value={values.seasonId}
                onChange={(v) => set('seasonId', v)}
                errors={errors}
                placeholder="Choisir une saison"
                options={page.items.map((s) => ({ value: s.seasonId, label: s.name }))}
              />
            )}
          </Loaded>
          <TextField name="title" label="Titre" required value={values.title} onInput={(v) => set('title', v)} errors={errors} wide />
          <TextArea name="description" label="Présentation" value={values.description} onInput={(v) => set('description', v)} errors={errors} rows={3} />
          <CheckboxGroup
            name="hypotheses"
            label="Hypothèses acceptées"
            values={values.hypotheses}
            onChange={(v) => set('hypotheses', v)}
            errors={errors}
            options={(['A', 'B'] as const).map((h) => ({ value: h, label: hypothesisLabels[h] }))}
          />
          <TextField name="opensAt" type={'datetime-local' as 'text'} label="Ouverture" required value={values.opensAt} onInput={(v) => set('opensAt', v)} errors={errors} />
          <TextField name="closesAt" type={'datetime-local' as 'text'} label="Clôture" required value={values.closesAt} onInput={(v) => set('closesAt', v)} errors={errors} />
          <TextField name="capacity.min" label="Minimum de territoires" value={values.min} onInput={(v) => set('min', v)} errors={errors} />
          <TextField name="capacity.max" label="Maximum de territoires" value={values.max} onInput={(v) => set('max', v)} errors={errors} />
        </div>
        <SubmitButton busy={form.submitting}>Créer l’appel (brouillon)</SubmitButton>
      </Form>
    </Section>
  );
}

function MyApplications() {
  const list = usePagedApi((cursor, signal) => get<ApiPage<ApplicantView>>('/me/applications', { cursor, limit: 10 }, signal), []);
  return (
    <Section title="Mes candidatures">
      <Loaded resource={list} inline>
        {(page) => (
          <>
            <Table
              caption="Mes candidatures"
              captionHidden
              rows={page.items}
              rowKey={(a) => a.applicationId}
              empty="Vous n’avez pas encore candidaté."
              columns={[
                { key: 'structure', label: 'Structure', render: (a) => <Link href={`/candidatures/${a.applicationId}`}>{a.structure.name}</Link> },
                { key: 'hyp', label: 'Hypothèse', render: (a) => (a.hypothesis ? hypothesisShort[a.hypothesis] : '—') },
                { key: 'status', label: 'Statut', render: (a) => <Badge tone={applicationStatusTone[a.status]}>{applicationStatusLabels[a.status]}</Badge> },
                { key: 'updated', label: 'Mise à jour', render: (a) => formatDateTime(a.updatedAt) },
              ]}
            />
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

export function criterionRule(c: Criterion): string {
  switch (c.kind) {
    case 'number':
      return [c.min !== undefined ? `au moins ${formatNumber(c.min)} ${c.unit}` : '', c.max !== undefined ? `au plus ${formatNumber(c.max)} ${c.unit}` : ''].filter(Boolean).join(' et ');
    case 'yes_no':
      return `Réponse attendue : ${c.expected ? 'oui' : 'non'}`;
    case 'signed_attestation':
      return `Signée par : ${c.signerRole}${c.alternativeEvidence ? ` — ou équivalent vérifié par l’équipe Ansa : ${c.alternativeEvidence}` : ''}`;
    case 'document':
      return `Document : ${c.documentLabel}`;
    case 'choice':
      return `Accepté : ${c.options.filter((o) => c.accepted.includes(o.value)).map((o) => o.label).join(' ; ')}`;
  }
}

export function CriteriaTable(props: { criteria: Criterion[]; hypothesis: Hypothesis }) {
  const rows = props.criteria.filter((c) => c.hypothesis === props.hypothesis);
  return (
    <Table
      caption={`Critères — ${hypothesisLabels[props.hypothesis]}`}
      rows={rows}
      rowKey={(c) => c.criterionId}
      columns={[
        { key: 'id', label: 'N°', render: (c) => c.criterionId },
        { key: 'label', label: 'Critère', render: (c) => (<>{c.label}{c.description && <p class="hint">{c.description}</p>}</>) },
        { key: 'kind', label: 'Type', render: (c) => criterionKindLabels[c.kind] },
        { key: 'rule', label: 'Condition', render: criterionRule },
        { key: 'evidence', label: 'Justificatif', render: (c) => (c.requiresEvidence ? <Badge tone="warning">Vérifié sur pièces</Badge> : '—') },
      ]}
    />
  );
}

export function CallPage(props: { callId: string }) {
  const me = useMe();
  const [criteriaNotice, setCriteriaNotice] = useState<string | null>(null);
  const call = useApi((signal) => get<CallView>(`/calls/${encodeURIComponent(props.callId)}`, undefined, signal), [props.callId]);
  // An applicant who already has an application to this call is taken to it, not offered to apply again.
  const mine = useApi(
    (signal) => (me.role === 'referent' ? get<ApiPage<ApplicantView>>('/me/applications', { limit: 100 }, signal) : Promise.resolve({ items: [], nextCursor: null })),
    [me.role],
  );
  const existing = mine.data?.items.find((a) => a.callId === props.callId && a.status !== 'withdrawn');
  return (
    <Loaded resource={call}>
      {(c) => (
        <Page
          title={c.title}
          trail={[{ href: '/appels', label: 'Appels' }]}
          subtitle={
            <>
              <Badge tone={callStatusTone[c.status]}>{callStatusLabels[c.status]}</Badge> du {formatDateTime(c.opensAt)} au {formatDateTime(c.closesAt)}
            </>
          }
          actions={
            me.role === 'staff' ? (
              <>
                <Link class="button" href={`/appels/${c.callId}/candidatures`}>
                  Candidatures (classement)
                </Link>
                <Link class="button secondary" href={`/historique/call/${c.callId}`}>
                  Historique
                </Link>
              </>
            ) : me.role === 'referent' && existing ? (
              <Link class="button" href={`/candidatures/${existing.applicationId}`}>
                {existing.status === 'draft' ? 'Reprendre mon brouillon de candidature' : 'Voir ma candidature'}
              </Link>
            ) : me.role === 'referent' && c.acceptingApplications && mine.data ? (
              <Link class="button" href={`/candidater/${c.callId}`}>
                Candidater
              </Link>
            ) : undefined
          }
        >
          {me.role === 'staff' && <CallActions call={c} onChange={call.set} />}
          <Section title="L’appel">
            {c.description && <p class="prewrap">{c.description}</p>}
            <DescriptionList
              items={[
                ['Hypothèses acceptées', c.hypotheses.map((h) => hypothesisLabels[h]).join(' ; ')],
                ['Ouverture', formatDateTime(c.opensAt)],
                ['Clôture', formatDateTime(c.closesAt)],
                ['Territoires visés', `entre ${c.capacity.min} et ${c.capacity.max}`],
                ...(me.role === 'staff'
                  ? ([
                      [
                        'Territoires sélectionnés',
                        <>
                          {formatNumber(c.selectedCount)} sur {formatNumber(c.capacity.max)} {c.belowMinimum && <Badge tone="warning">Sous le minimum ({c.capacity.min})</Badge>}
                        </>,
                      ],
                      ['Version des critères en vigueur', c.criteriaVersion],
                      ['Décisions publiées', c.decisionsPublishedAt ? formatDateTime(c.decisionsPublishedAt) : 'Non'],
                    ] as [string, preact.ComponentChildren][])
                  : []),
                ['Candidatures', c.acceptingApplications ? <Badge tone="success">Ouvertes</Badge> : <Badge>Fermées</Badge>],
              ]}
            />
          </Section>
          <Section title="Critères d’entrée">
            {c.hypotheses.map((h) => (
              <CriteriaTable key={h} criteria={c.criteria} hypothesis={h} />
            ))}
          </Section>
          {me.role === 'staff' && (
            <>
              <Section title="Grille d’évaluation">
                <Table
                  caption="Éléments notés de 0 à 5 par chaque évaluateur"
                  rows={c.rubric}
                  rowKey={(r) => r.itemId}
                  columns={[
                    { key: 'label', label: 'Élément', render: (r) => (<>{r.label}{r.description && <p class="hint">{r.description}</p>}</>) },
                    { key: 'weight', label: 'Poids', numeric: true, render: (r) => r.weight },
                  ]}
                />
              </Section>
              {/* A closed call's closing date and capacity are settled: the form is offered until it closes. */}
              {c.status !== 'closed' && <EditCall call={c} onSaved={call.set} />}
              <Notice message={criteriaNotice} />
              {c.status !== 'closed' && (
                <EditCriteria
                  key={`${c.version}-${c.criteriaVersion}`}
                  call={c}
                  onStart={() => setCriteriaNotice(null)}
                  onSaved={(saved, message) => {
                    setCriteriaNotice(message);
                    call.set(saved);
                  }}
                />
              )}
              <CriteriaVersions callId={c.callId} />
            </>
          )}
        </Page>
      )}
    </Loaded>
  );
}

function EditCall(props: { call: CallView; onSaved: (c: CallView) => void }) {
  const c = props.call;
  const form = useForm(`edit-call-${c.callId}-${c.version}`, {
    title: c.title,
    description: c.description,
    closesAt: isoToLocal(c.closesAt),
    min: String(c.capacity.min),
    max: String(c.capacity.max),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const { values, set, errors } = form;
  const onSubmit = async () => {
    setNotice(null);
    const saved = await form.submit(
      () =>
        patch<CallView>(`/calls/${c.callId}`, {
          expectedVersion: c.version,
          title: values.title,
          description: values.description,
          closesAt: localToIso(values.closesAt),
          capacity: { min: toNumber(values.min), max: toNumber(values.max) },
        }),
      Object.keys(callLabels),
    );
    if (saved) {
      form.clear({ title: saved.title, description: saved.description, closesAt: isoToLocal(saved.closesAt), min: String(saved.capacity.min), max: String(saved.capacity.max) });
      props.onSaved(saved);
      setNotice('Appel enregistré.');
    }
  };
  return (
    <Section title="Modifier l’appel">
      <Notice message={notice} />
      <Form onSubmit={onSubmit} label="Modifier l’appel">
        <ErrorSummary messages={form.formError} errors={errors} labels={callLabels} />
        <div class="grid">
          <TextField name="title" label="Titre" required value={values.title} onInput={(v) => set('title', v)} errors={errors} wide />
          <TextArea name="description" label="Présentation" value={values.description} onInput={(v) => set('description', v)} errors={errors} rows={3} />
          <TextField name="closesAt" type={'datetime-local' as 'text'} label="Clôture" value={values.closesAt} onInput={(v) => set('closesAt', v)} errors={errors} />
          <TextField name="capacity.min" label="Minimum de territoires" value={values.min} onInput={(v) => set('min', v)} errors={errors} />
          <TextField name="capacity.max" label="Maximum de territoires" value={values.max} onInput={(v) => set('max', v)} errors={errors} />
        </div>
        <SubmitButton busy={form.submitting}>Enregistrer</SubmitButton>
      </Form>
    </Section>
  );
}

function CriteriaVersions(props: { callId: string }) {
  const versions = useApi((signal) => get<CriteriaVersionsView>(`/calls/${props.callId}/criteria-versions`, undefined, signal), [props.callId]);
  return (
    <Section title="Versions des critères">
      <Loaded resource={versions} inline>
        {(v) =>
          v.versions.length ? (
            <Table
              caption="Versions des critères"
              captionHidden
              rows={[...v.versions].reverse()}
              rowKey={(x) => String(x.version)}
              columns={[
                { key: 'v', label: 'Version', render: (x) => <>{x.version} {x.version === v.currentVersion && <Badge tone="success">En vigueur</Badge>}</> },
                { key: 'reason', label: 'Motif', render: (x) => x.reason },
                { key: 'count', label: 'Critères', numeric: true, render: (x) => x.criteria.length },
                { key: 'at', label: 'Créée le', render: (x) => formatDateTime(x.createdAt) },
              ]}
            />
          ) : (
            <Empty>Aucune version.</Empty>
          )
        }
      </Loaded>
    </Section>
  );
}

/**
 * Staff adjust the criteria: labels, thresholds, expected answers, evidence. A draft call's criteria are
 * replaced in place; an open call's are frozen, so the change creates a new version (with its reason):
 * submitted applications keep the version they were checked against.
 */
function EditCriteria(props: { call: CallView; onSaved: (c: CallView, message: string) => void; onStart: () => void }) {
  const c = props.call;
  const draft = c.status === 'draft';
  const initial: Record<string, string | boolean> = { reason: '' };
  c.criteria.forEach((k, i) => {
    initial[`criteria.${i}.label`] = k.label;
    initial[`criteria.${i}.requiresEvidence`] = k.requiresEvidence;
    if (k.kind === 'number') {
      initial[`criteria.${i}.min`] = k.min !== undefined ? String(k.min) : '';
      initial[`criteria.${i}.max`] = k.max !== undefined ? String(k.max) : '';
    }
    if (k.kind === 'yes_no') initial[`criteria.${i}.expected`] = k.expected ? 'oui' : 'non';
  });
  const form = useForm(`criteria-${c.callId}-${c.version}`, initial);
  const [open, setOpen] = useState(false);
  const v = form.values;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const onSubmit = async () => {
    props.onStart();
    const criteria = c.criteria.map((k, i) => {
      const base = { ...k, label: str(`criteria.${i}.label`), requiresEvidence: v[`criteria.${i}.requiresEvidence`] === true };
      if (k.kind === 'number') {
        const { min: _min, max: _max, ...rest } = base as typeof k;
        const min = toNumber(str(`criteria.${i}.min`));
        const max = toNumber(str(`criteria.${i}.max`));
        return { ...rest, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
      }
      if (k.kind === 'yes_no') return { ...base, expected: v[`criteria.${i}.expected`] === 'oui' };
      return base;
    });
    const fields = [...c.criteria.flatMap((_, i) => [`criteria.${i}.label`, `criteria.${i}.min`, `criteria.${i}.max`, `criteria.${i}.expected`, `criteria.${i}`]), 'criteria', 'reason'];
    const saved = await form.submit(
      () =>
        draft
          ? put<CallView>(`/calls/${c.callId}/criteria`, { expectedVersion: c.version, criteria })
          : post<CallView>(`/calls/${c.callId}/criteria-versions`, { expectedVersion: c.version, criteria, reason: str('reason') }),
      fields,
    );
    if (saved) {
      form.clear();
      props.onSaved(saved, draft ? 'Critères enregistrés.' : `Version ${saved.criteriaVersion} des critères en vigueur.`);
    }
  };
  return (
    <Section title={draft ? 'Modifier les critères' : 'Nouvelle version des critères'}>
      {!open ? (
        <>
          <p class="hint">
            {draft
              ? 'Tant que l’appel est en brouillon, les critères se modifient directement.'
              : 'L’appel est ouvert : les critères sont figés. Une modification crée une nouvelle version ; les candidatures déposées gardent la leur.'}
          </p>
          <button type="button" class="button secondary" onClick={() => setOpen(true)}>
            {draft ? 'Modifier les critères' : 'Créer une nouvelle version'}
          </button>
        </>
      ) : (
        <Form onSubmit={() => void onSubmit()} label="Critères de l’appel">
          <ErrorSummary messages={form.formError} errors={form.errors} />
          {c.criteria.map((k, i) => (
            <fieldset class="fieldset person" key={k.criterionId}>
              <legend>
                {k.criterionId} ({hypothesisShort[k.hypothesis]}, {criterionKindLabels[k.kind]})
              </legend>
              <div class="grid">
                <TextField name={`criteria.${i}.label`} label="Libellé" value={str(`criteria.${i}.label`)} onInput={(x) => form.set(`criteria.${i}.label`, x)} errors={form.errors} wide />
                {k.kind === 'number' && (
                  <>
                    <TextField name={`criteria.${i}.min`} label={`Minimum (${k.unit})`} value={str(`criteria.${i}.min`)} onInput={(x) => form.set(`criteria.${i}.min`, x)} errors={form.errors} />
                    <TextField name={`criteria.${i}.max`} label={`Maximum (${k.unit})`} value={str(`criteria.${i}.max`)} onInput={(x) => form.set(`criteria.${i}.max`, x)} errors={form.errors} />
                  </>
                )}
                {k.kind === 'yes_no' && (
                  <Select name={`criteria.${i}.expected`} label="Réponse attendue" value={str(`criteria.${i}.expected`)} onChange={(x) => form.set(`criteria.${i}.expected`, x)} errors={form.errors} options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} />
                )}
                <Checkbox name={`criteria.${i}.requiresEvidence`} label="Vérifié sur pièces" checked={v[`criteria.${i}.requiresEvidence`] === true} onChange={(x) => form.set(`criteria.${i}.requiresEvidence`, x)} />
              </div>
            </fieldset>
          ))}
          {!draft && <TextArea name="reason" label="Motif de la nouvelle version" required value={str('reason')} onInput={(x) => form.set('reason', x)} errors={form.errors} rows={2} />}
          <SubmitButton busy={form.submitting}>{draft ? 'Enregistrer les critères' : 'Créer la nouvelle version'}</SubmitButton>
        </Form>
      )}
    </Section>
  );
}
