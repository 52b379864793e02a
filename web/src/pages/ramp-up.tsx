import { useState } from 'preact/hooks';
import type { AcorLead } from '../../../shared/governance/fidelity-schemas';
import type { RampUp } from '../../../shared/read-models/dashboards/ramp-up';
import type { Tutor } from '../../../shared/tutoring/schemas';
import { get, put, type Page as ApiPage } from '../api/client';
import { ErrorSummary, Form, RadioGroup, Select, SubmitButton } from '../components/form';
import { Badge, Empty, Loaded, Page, Section } from '../components/page';
import { Notice, Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { formatDate, formatNumber } from '../i18n/format';
import { hypothesisShort } from '../i18n/labels';
import { Link } from '../router';
import { fidelityLabels, fidelityTone, labelDecisionLabels } from './fidelity';

/** The ramp-up across seasons: essaimés against the 5–10 target, hypothesis mix, fidelity and label per structure. */

const statusLabels = { 'below-target': 'En dessous de l’objectif', 'within-target': 'Dans l’objectif', 'above-target': 'Au-delà de l’objectif' } as const;
const statusTone = { 'below-target': 'warning', 'within-target': 'success', 'above-target': 'info' } as const;
const labelTone = { labelled: 'success', conditional: 'info', 'not-yet': 'warning' } as const;

export function RampUpPage() {
  const me = useMe();
  const paged = usePagedApi((cursor, signal) => get<RampUp>('/programme/ramp-up', { limit: 5, cursor }, signal), []);
  return (
    <Page title="Montée en charge du programme" subtitle="Structures essaimées par saison face à l’objectif de 5 à 10 territoires, hypothèses retenues, fidélité et label de chaque structure.">
      <Loaded resource={paged}>
        {(page) => (
          <>
            <p class="hint">Objectif : de {page.target.min} à {page.target.max} nouveaux territoires. Source : {page.target.source}.</p>
            {page.items.length === 0 && <Empty>Aucune saison.</Empty>}
            {page.items.map((season) => (
              <Section key={season.seasonId} title={season.name} actions={<Badge tone={statusTone[season.status]}>{statusLabels[season.status]}</Badge>}>
                <ul class="kpis" data-testid={`ramp-up-${season.year}`}>
                  <li class="kpi">
                    <span class="kpi-value">{formatNumber(season.essaimes)}</span>
                    <span class="kpi-label">structures essaimées (objectif {page.target.min} à {page.target.max})</span>
                  </li>
                  <li class="kpi">
                    <span class="kpi-value">{formatNumber(season.byHypothesis.A)}</span>
                    <span class="kpi-label">{hypothesisShort.A}</span>
                  </li>
                  <li class="kpi">
                    <span class="kpi-value">{formatNumber(season.byHypothesis.B)}</span>
                    <span class="kpi-label">{hypothesisShort.B}</span>
                  </li>
                  <li class="kpi">
                    <span class="kpi-value">{formatNumber(season.labels.labelled + season.labels.conditional)}</span>
                    <span class="kpi-label">labellisées (dont {formatNumber(season.labels.conditional)} sous conditions)</span>
                  </li>
                </ul>
                <p>Hypothèses retenues : {season.retainedHypotheses.map((h) => hypothesisShort[h]).join(' et ') || '—'}.</p>
                <Table
                  caption={`Structures de la saison ${season.name}`}
                  captionHidden
                  rows={season.structures}
                  rowKey={(s) => s.essaimeId}
                  empty="Aucune structure essaimée pour cette saison."
                  columns={[
                    { key: 'name', label: 'Structure', render: (s) => <Link href={`/structure-essaimee/${s.essaimeId}/fidelite`}>{s.structureName}</Link> },
                    { key: 'territory', label: 'Territoire', render: (s) => s.territoryName },
                    { key: 'hypothesis', label: 'Hypothèse', render: (s) => s.hypothesis },
                    { key: 'fidelity', label: 'Fidélité (niveau le plus bas)', render: (s) => (s.fidelity ? <Badge tone={fidelityTone(s.fidelity)}>{fidelityLabels[s.fidelity]}</Badge> : 'Pas encore évaluée') },
                    { key: 'assessed', label: 'Dernière évaluation', render: (s) => (s.lastAssessedOn ? `${formatDate(s.lastAssessedOn)} (${formatNumber(s.assessments)} au total)` : '—') },
                    { key: 'label', label: 'Label', render: (s) => (s.label ? <Badge tone={labelTone[s.label]}>{labelDecisionLabels[s.label]}</Badge> : 'Aucune décision') },
                  ]}
                />
              </Section>
            ))}
          </>
        )}
      </Loaded>
      {me.role === 'staff' && <AcorLeadDesignation />}
      <Pager pageNumber={paged.pageNumber} hasPrevious={paged.hasPrevious} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={() => void paged.next()} label="Saisons" />
    </Page>
  );
}

/** Staff say which A.CO.R. tutor decides the label (the study: A.CO.R., as network head, labels the structures). */
function AcorLeadDesignation() {
  const tutors = useApi((signal) => get<ApiPage<Tutor>>('/tutors', { limit: 100 }, signal), []);
  const form = useForm(null, { tutorUserId: '', acorLead: 'true' });
  const [notice, setNotice] = useState<string | null>(null);
  const onSubmit = async () => {
    setNotice(null);
    const saved = await form.submit(() => put<AcorLead>(`/tutors/${encodeURIComponent(form.values.tutorUserId)}/acor-lead`, { acorLead: form.values.acorLead === 'true' }), ['tutorUserId', 'acorLead']);
    if (saved) setNotice(saved.acorLead ? 'Tuteur désigné comme référent A.CO.R. pour le label.' : 'Désignation retirée.');
  };
  return (
    <Section title="Référent A.CO.R. pour le label">
      <p class="hint">Le label est la décision d’A.CO.R., tête de réseau : seul un tuteur désigné ici peut l’enregistrer.</p>
      <Notice message={notice} />
      <Loaded resource={tutors} inline>
        {(page) => (
          <Form onSubmit={() => void onSubmit()} label="Désigner le référent A.CO.R.">
            <ErrorSummary messages={form.formError} />
            <Select name="tutorUserId" label="Tuteur" required value={form.values.tutorUserId} onChange={(x) => form.set('tutorUserId', x)} errors={form.errors} placeholder="Choisir" options={page.items.map((t) => ({ value: t.userId, label: t.displayName }))} />
            <RadioGroup name="acorLead" label="Décide du label" inline value={form.values.acorLead} onChange={(x) => form.set('acorLead', x)} options={[{ value: 'true', label: 'Oui' }, { value: 'false', label: 'Non' }]} />
            <SubmitButton busy={form.submitting}>Enregistrer</SubmitButton>
          </Form>
        )}
      </Loaded>
    </Section>
  );
}
