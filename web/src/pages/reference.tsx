import type { ComparisonView as Comparison, EssaimeDashboard } from '../../../shared/read-models/dashboards/schemas';
import { Badge, Section } from '../components/page';
import { Table } from '../components/widgets';
import { formatDecimal, formatEuros, formatPercent } from '../i18n/format';

/** The study's reference figures with their sources, and every comparison with them, in the dashboards. */

type ReferenceFigure = EssaimeDashboard['reference'][number];

const statusLabels: Record<Comparison['status'], string> = {
  'at-or-above': 'Atteint',
  below: 'En dessous',
  'within-range': 'Dans la fourchette',
  'above-range': 'Au-dessus de la fourchette',
  'no-data': 'Pas de donnée',
};
const statusTone: Record<Comparison['status'], 'success' | 'warning' | 'neutral' | 'info'> = {
  'at-or-above': 'success',
  below: 'warning',
  'within-range': 'success',
  'above-range': 'info',
  'no-data': 'neutral',
};

/** A compared value in its unit. */
export function comparedValue(indicator: Comparison['indicator'], value: number | null, high: number | null = null): string {
  if (value === null) return '—';
  switch (indicator) {
    case 'monthsToFirstContract':
      return `${formatDecimal(value)} mois`;
    case 'peoplePerCre':
    case 'contactsPerCrePerMonth':
      return high === null ? formatDecimal(value) : `${formatDecimal(value)} à ${formatDecimal(high)}`;
    case 'costPerPersonPerYear':
      return formatEuros(value);
    default:
      return formatPercent(value);
  }
}

export function ComparisonTable(props: { comparison: Comparison[]; caption: string }) {
  return (
    <div data-testid="comparison-table">
      <Table
        caption={props.caption}
        rows={props.comparison}
        rowKey={(c) => c.indicator}
        columns={[
          { key: 'label', label: 'Indicateur', render: (c) => (c.note ? <span title={c.note}>{c.label}</span> : c.label) },
          { key: 'value', label: 'Valeur', numeric: true, render: (c) => comparedValue(c.indicator, c.value) },
          { key: 'reference', label: 'Référence A.CO.R.', numeric: true, render: (c) => comparedValue(c.indicator, c.reference, c.referenceHigh) },
          { key: 'status', label: 'Situation', render: (c) => <Badge tone={statusTone[c.status]}>{statusLabels[c.status]}</Badge> },
          { key: 'source', label: 'Source', render: (c) => <small>{c.source}</small> },
        ]}
      />
    </div>
  );
}

export function ReferenceFigures(props: { reference: ReferenceFigure[] }) {
  return (
    <Section title="Référence A.CO.R. : chiffres de l’étude et leurs sources" id="reference">
      <p class="hint">L’objectif d’équipe de 60 % se mesure sur les douze premiers mois de chaque structure, à compter de sa première période déclarée.</p>
      <div data-testid="reference-figures">
        <Table
          caption="Chiffres de référence de l’étude de faisabilité"
          captionHidden
          rows={props.reference}
          rowKey={(f) => f.key}
          columns={[
            { key: 'label', label: 'Chiffre', render: (f) => f.label },
            { key: 'value', label: 'Valeur', numeric: true, render: (f) => f.display },
            { key: 'period', label: 'Période', render: (f) => f.period },
            { key: 'source', label: 'Source', render: (f) => <small>{f.source}</small> },
          ]}
        />
      </div>
    </Section>
  );
}
