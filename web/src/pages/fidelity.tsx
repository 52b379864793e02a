import { useState } from 'preact/hooks';
import type { Stage } from '../../../shared/evaluation/schemas';
import type { EssaimeReportsView as EssaimeReports } from '../../../shared/evaluation/views';
import type { EssaimeFidelityView as Governance, FidelityLevel, PrincipleTrend } from '../../../shared/governance/fidelity-schemas';
import { get, post, put } from '../api/client';
import type { Principle } from '../api/types';
import { ErrorSummary, Form, RadioGroup, Select, SubmitButton, TextArea, TextField } from '../components/form';
import { Badge, Empty, Loaded, Page, Section } from '../components/page';
import { Notice, Table } from '../components/widgets';
import { useApi, useForm, useMe } from '../hooks';
import { formatDate } from '../i18n/format';
import { principleLabels } from '../i18n/labels';

/** Fidelity to the four principles at any date (history and trend per principle) and A.CO.R.'s label. */

export const fidelityLabels: Record<FidelityLevel, string> = {
  'not-started': 'Pas encore engagé',
  emerging: 'En cours d’appropriation',
  substantial: 'Largement appliqué',
  faithful: 'Pleinement fidèle',
};
export const fidelityTone = (level: FidelityLevel | null) => (level === 'faithful' ? 'success' : level === 'substantial' ? 'info' : level === null ? 'neutral' : 'warning');
export const labelDecisionLabels: Record<string, string> = { labelled: 'Labellisée', conditional: 'Labellisée sous conditions', 'not-yet': 'Pas encore labellisée' };
const trendLabels: Record<PrincipleTrend['trend'], string> = { improving: 'En progrès', declining: 'En recul', stable: 'Stable', single: 'Une seule évaluation', none: 'Pas encore évalué' };
const trendTone: Record<PrincipleTrend['trend'], 'success' | 'danger' | 'neutral' | 'info'> = { improving: 'success', declining: 'danger', stable: 'neutral', single: 'info', none: 'neutral' };
const principles: Principle[] = ['go-towards-companies', 'one-offer-one-candidate', 'realistic-achievable', 'cre-team'];
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

export function FidelityPage(props: { essaimeId: string }) {
  const me = useMe();
  const gov = useApi((signal) => get<Governance>(`/essaimes/${encodeURIComponent(props.essaimeId)}/fidelity`, undefined, signal), [props.essaimeId]);
  const stages = useApi(
    async (signal) => (me.role === 'referent' ? [] : (await get<EssaimeReports>(`/essaimes/${encodeURIComponent(props.essaimeId)}/reports`, undefined, signal).catch(() => ({ stages: [] as Stage[] }))).stages),
    [props.essaimeId],
  );
  const stageName = (stageId: string | null) => stages.data?.find((s) => s.stageId === stageId)?.name ?? 'Étape';
  return (
    <Loaded resource={gov}>
      {(g) => (
        <Page
          title={`Fidélité à la méthode — ${g.structureName}`}
          subtitle="Les quatre principes d’action, évalués par le tuteur A.CO.R. à tout moment et à chaque étape, avant la décision de label d’A.CO.R."
          trail={[{ href: `/structure-essaimee/${props.essaimeId}`, label: g.structureName }]}
        >
          <div class="alert alert-info" data-testid="current-label">
            <p>
              Label A.CO.R. :{' '}
              {g.currentLabel ? (
                <>
                  <strong>{labelDecisionLabels[g.currentLabel.decision]}</strong> (décision du {formatDate(g.currentLabel.decidedAt)})
                </>
              ) : (
                <strong>aucune décision pour l’instant</strong>
              )}
            </p>
          </div>
          <Section title="Tendance par principe">
            <Table
              caption="Tendance par principe"
              captionHidden
              rows={g.trend}
              rowKey={(t) => t.principle}
              columns={[
                { key: 'p', label: 'Principe', render: (t) => principleLabels[t.principle] },
                { key: 'l', label: 'Dernier niveau', render: (t) => (t.latest ? <Badge tone={fidelityTone(t.latest)}>{fidelityLabels[t.latest]}</Badge> : '—') },
                { key: 'pr', label: 'Niveau précédent', render: (t) => (t.previous ? fidelityLabels[t.previous] : '—') },
                { key: 't', label: 'Tendance', render: (t) => <Badge tone={trendTone[t.trend]}>{trendLabels[t.trend]}</Badge> },
                { key: 's', label: 'Historique', render: (t) => t.series.map((s) => `${formatDate(s.assessedOn)} : ${fidelityLabels[s.level]}`).join(' ; ') || '—' },
              ]}
            />
          </Section>
          <Section title="Historique des évaluations">
            {g.assessments.length === 0 && <Empty>Aucune évaluation de fidélité pour l’instant.</Empty>}
            {[...g.assessments].reverse().map((a) => (
              <div class="card" key={`${a.assessmentId}-${a.version}`}>
                <h3>{a.kind === 'checkpoint' ? `${stageName(a.stageId)} — point d’étape du ${formatDate(a.assessedOn)}` : `Évaluation du ${formatDate(a.assessedOn)}`}</h3>
                <Table
                  caption="Niveau par principe"
                  captionHidden
                  rows={a.principles}
                  rowKey={(p) => p.principle}
                  columns={[
                    { key: 'p', label: 'Principe', render: (p) => principleLabels[p.principle] },
                    { key: 'l', label: 'Niveau', render: (p) => <Badge tone={fidelityTone(p.level)}>{fidelityLabels[p.level]}</Badge> },
                    { key: 'e', label: 'Constats', render: (p) => p.evidence },
                  ]}
                />
                {a.summary && <p>{a.summary}</p>}
              </div>
            ))}
          </Section>
          {(g.canAssess || me.role === 'staff') && (
            <Loaded resource={stages} inline>
              {(list) => <AssessFidelity essaimeId={props.essaimeId} stages={list} governance={g} atDate={g.canAssess} onSaved={gov.reload} />}
            </Loaded>
          )}
          {g.canDecideLabel && <LabelDecision essaimeId={props.essaimeId} hasAssessment={g.assessments.length > 0} onSaved={gov.reload} />}
        </Page>
      )}
    </Loaded>
  );
}

/** The tutor's assessment: at any date, or as the checkpoint of a stage (replacing that stage's one). */
function AssessFidelity(props: { essaimeId: string; stages: Stage[]; governance: Governance; atDate: boolean; onSaved: () => void }) {
  const initial: Record<string, string> = { stageId: props.atDate ? '' : (props.stages[0]?.stageId ?? ''), assessedOn: today(), summary: '' };
  for (const p of principles) {
    initial[`${p}.level`] = '';
    initial[`${p}.evidence`] = '';
  }
  const form = useForm(`fidelity-${props.essaimeId}`, initial);
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const existing = props.governance.assessments.find((a) => a.kind === 'checkpoint' && a.stageId === v.stageId);
  const onSubmit = async () => {
    setNotice(null);
    const content = {
      principles: principles.map((p) => ({ principle: p, level: v[`${p}.level`] || undefined, evidence: v[`${p}.evidence`] ?? '' })),
      ...(v.summary?.trim() ? { summary: v.summary } : {}),
    };
    const ok = await form.submit(
      () =>
        v.stageId
          ? put(`/essaimes/${props.essaimeId}/fidelity/${v.stageId}`, { expectedVersion: existing?.version ?? 0, ...content })
          : post(`/essaimes/${props.essaimeId}/fidelity-assessments`, { ...(v.assessedOn ? { assessedOn: v.assessedOn } : {}), ...content }),
      ['principles', 'assessedOn', ...principles.flatMap((_, i) => [`principles.${i}.level`, `principles.${i}.evidence`])],
    );
    if (ok) {
      form.clear();
      setNotice('Évaluation de fidélité enregistrée.');
      props.onSaved();
    }
  };
  const errors: Record<string, string[]> = { ...(form.errors.assessedOn ? { assessedOn: form.errors.assessedOn } : {}) };
  principles.forEach((p, i) => {
    for (const f of ['level', 'evidence']) {
      const e = form.errors[`principles.${i}.${f}`];
      if (e) errors[`${p}.${f}`] = e;
    }
  });
  const stageOptions = [...(props.atDate ? [{ value: '', label: 'Aucune : évaluation à une date' }] : []), ...props.stages.map((s) => ({ value: s.stageId, label: `Point d’étape : ${s.name}` }))];
  return (
    <Section title="Évaluer la fidélité">
      <Notice message={notice} />
      <Form onSubmit={() => void onSubmit()} label="Évaluer la fidélité">
        <ErrorSummary messages={form.formError} />
        <Select name="stageId" label="Étape" value={v.stageId ?? ''} onChange={(x) => form.set('stageId', x)} options={stageOptions} hint={existing ? 'Une évaluation existe pour cette étape : elle sera remplacée.' : 'Sans étape, l’évaluation s’ajoute à l’historique à la date choisie.'} />
        {!v.stageId && <TextField name="assessedOn" type="date" label="Date de l’évaluation" required value={v.assessedOn ?? ''} onInput={(x) => form.set('assessedOn', x)} errors={errors} />}
        {principles.map((p) => (
          <fieldset class="fieldset person" key={p}>
            <legend>{principleLabels[p]}</legend>
            <div class="grid">
              <Select name={`${p}.level`} label="Niveau" required value={v[`${p}.level`] ?? ''} onChange={(x) => form.set(`${p}.level`, x)} errors={errors} placeholder="Choisir" options={Object.entries(fidelityLabels).map(([value, l]) => ({ value, label: l }))} />
              <TextArea name={`${p}.evidence`} label="Constats (faits, chiffres, pratiques observées)" required value={v[`${p}.evidence`] ?? ''} onInput={(x) => form.set(`${p}.evidence`, x)} errors={errors} rows={2} />
            </div>
          </fieldset>
        ))}
        <TextArea name="summary" label="Synthèse" value={v.summary ?? ''} onInput={(x) => form.set('summary', x)} rows={2} />
        <SubmitButton busy={form.submitting}>Enregistrer l’évaluation</SubmitButton>
      </Form>
    </Section>
  );
}

/** The A.CO.R. lead's label decision, with its reasons and, for a conditional label, its conditions. */
function LabelDecision(props: { essaimeId: string; hasAssessment: boolean; onSaved: () => void }) {
  const form = useForm(`label-${props.essaimeId}`, { decision: '', reasons: '', conditions: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const v = form.values;
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  const onSubmit = async () => {
    setNotice(null);
    const ok = await form.submit(
      () => post(`/essaimes/${props.essaimeId}/label-decisions`, { decision: v.decision || undefined, reasons: lines(v.reasons), ...(v.decision === 'conditional' ? { conditions: lines(v.conditions) } : {}) }),
      ['decision', 'reasons', 'conditions'],
    );
    if (ok) {
      form.clear();
      setNotice('Décision de label enregistrée ; le référent de la structure en est informé.');
      props.onSaved();
    }
  };
  return (
    <Section title="Décision de label (A.CO.R.)">
      <Notice message={notice} />
      {!props.hasAssessment && <p class="hint">Sans évaluation de fidélité, seule la décision « Pas encore labellisée » est possible.</p>}
      <Form onSubmit={() => void onSubmit()} label="Décider du label">
        <ErrorSummary messages={form.formError} />
        <RadioGroup name="decision" label="Décision" required value={v.decision} onChange={(x) => form.set('decision', x)} errors={form.errors} options={Object.entries(labelDecisionLabels).map(([value, label]) => ({ value, label }))} />
        <TextArea name="reasons" label="Motifs (un par ligne)" required value={v.reasons} onInput={(x) => form.set('reasons', x)} errors={form.errors} rows={3} />
        {v.decision === 'conditional' && <TextArea name="conditions" label="Conditions (une par ligne)" required value={v.conditions} onInput={(x) => form.set('conditions', x)} errors={form.errors} rows={3} />}
        <SubmitButton busy={form.submitting}>Enregistrer la décision</SubmitButton>
      </Form>
    </Section>
  );
}
