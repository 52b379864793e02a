import { formatNumber, formatPercent } from '../i18n/format';

/**
 * Simple SVG charts (no chart library). Each chart has a text alternative: a title, a description and the
 * same data as a table for screen readers.
 */
export interface Bar {
  label: string;
  value: number | null;
  /** A second value drawn as a marker, e.g. the A.CO.R. reference. */
  reference?: number | null;
}

const palette = ['#000091', '#6a6af4', '#009081', '#c9191e', '#b34000', '#716043'];

function fmt(value: number | null | undefined, unit: 'number' | 'percent'): string {
  return unit === 'percent' ? formatPercent(value) : formatNumber(value);
}

export function BarChart(props: { title: string; bars: Bar[]; unit?: 'number' | 'percent'; max?: number; referenceLabel?: string; id: string }) {
  const unit = props.unit ?? 'number';
  const values = props.bars.flatMap((b) => [b.value ?? 0, b.reference ?? 0]);
  const max = props.max ?? Math.max(1e-9, ...values);
  const rowH = 30;
  const labelW = 260;
  const chartW = 360;
  const valueW = 70;
  const height = props.bars.length * rowH + 24;
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg viewBox={`0 0 ${labelW + chartW + valueW} ${height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title>{props.title}</title>
        <desc id={`${props.id}-desc`}>
          {props.bars.map((b) => `${b.label} : ${fmt(b.value, unit)}${b.reference !== undefined && b.reference !== null ? ` (${props.referenceLabel ?? 'référence'} ${fmt(b.reference, unit)})` : ''}`).join(' ; ')}
        </desc>
        {props.bars.map((b, i) => {
          const y = i * rowH + 4;
          const w = b.value === null ? 0 : Math.max(1, (b.value / max) * chartW);
          const ref = b.reference !== undefined && b.reference !== null ? labelW + (b.reference / max) * chartW : null;
          return (
            <g key={b.label}>
              <text x={labelW - 8} y={y + 15} text-anchor="end" class="chart-label">
                {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
              </text>
              <rect x={labelW} y={y} width={chartW} height={20} fill="#eef" />
              <rect x={labelW} y={y} width={w} height={20} fill={palette[0]} />
              {ref !== null && <line x1={ref} x2={ref} y1={y - 3} y2={y + 23} stroke="#c9191e" stroke-width={3} />}
              <text x={labelW + chartW + 6} y={y + 15} class="chart-value">
                {fmt(b.value, unit)}
              </text>
            </g>
          );
        })}
        {props.bars.some((b) => b.reference !== undefined && b.reference !== null) && (
          <g>
            <line x1={labelW} x2={labelW + 14} y1={height - 8} y2={height - 8} stroke="#c9191e" stroke-width={3} />
            <text x={labelW + 20} y={height - 4} class="chart-legend">
              {props.referenceLabel ?? 'Référence'}
            </text>
          </g>
        )}
      </svg>
      <DataTable id={props.id} title={props.title} rows={props.bars.map((b) => [b.label, fmt(b.value, unit), ...(props.referenceLabel ? [fmt(b.reference, unit)] : [])])} headers={['', 'Valeur', ...(props.referenceLabel ? [props.referenceLabel] : [])]} />
    </figure>
  );
}

export interface Series {
  name: string;
  values: (number | null)[];
}

/** Vertical grouped columns: one group per category, one column per series. */
export function ColumnChart(props: { title: string; categories: string[]; series: Series[]; unit?: 'number' | 'percent'; id: string }) {
  const unit = props.unit ?? 'number';
  const max = Math.max(1e-9, ...props.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const groupW = Math.max(props.series.length > 1 ? 120 : 64, 34 * props.series.length + 40);
  const top = 22;
  const plotH = 170;
  const left = 10;
  const baseline = top + plotH;
  const width = Math.max(left + props.categories.length * groupW + 10, 320);
  const height = baseline + 40 + (props.series.length > 1 ? 24 : 0);
  const colW = (groupW - 28) / props.series.length;
  const maxChars = Math.floor(groupW / 7.5);
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} width={width} height={height} style={{ maxWidth: '100%', height: 'auto' }}>
        <title>{props.title}</title>
        <desc id={`${props.id}-desc`}>
          {props.categories
            .map((c, ci) => `${c} : ${props.series.map((s) => `${props.series.length > 1 ? `${s.name} ` : ''}${fmt(s.values[ci], unit)}`).join(', ')}`)
            .join(' ; ')}
        </desc>
        <line x1={left} x2={width - 10} y1={baseline} y2={baseline} stroke="#666" />
        {props.categories.map((c, ci) => (
          <g key={c}>
            {props.series.map((s, si) => {
              const v = s.values[ci] ?? 0;
              const h = (v / max) * plotH;
              const x = left + ci * groupW + 14 + si * colW;
              return (
                <g key={s.name}>
                  <rect x={x} y={baseline - h} width={colW - 4} height={h} fill={palette[si % palette.length]} />
                  <text x={x + (colW - 4) / 2} y={baseline - h - 5} text-anchor="middle" class="chart-value">
                    {fmt(s.values[ci], unit)}
                  </text>
                </g>
              );
            })}
            <text x={left + ci * groupW + groupW / 2} y={baseline + 18} text-anchor="middle" class="chart-label">
              {c.length > maxChars ? `${c.slice(0, maxChars - 1)}…` : c}
            </text>
          </g>
        ))}
        {props.series.length > 1 &&
          props.series.map((s, si) => (
            <g key={s.name}>
              <rect x={left + si * 150} y={baseline + 32} width={12} height={12} fill={palette[si % palette.length]} />
              <text x={left + si * 150 + 18} y={baseline + 42} class="chart-legend">
                {s.name}
              </text>
            </g>
          ))}
      </svg>
      <DataTable
        id={props.id}
        title={props.title}
        headers={['', ...props.series.map((s) => s.name)]}
        rows={props.categories.map((c, ci) => [c, ...props.series.map((s) => fmt(s.values[ci], unit))])}
      />
    </figure>
  );
}

function DataTable(props: { id: string; title: string; headers: string[]; rows: string[][] }) {
  return (
    <details class="chart-data">
      <summary>Voir les données du graphique</summary>
      <table>
        <caption class="sr-only">{props.title}</caption>
        <thead>
          <tr>
            {props.headers.map((h, i) => (
              <th key={i} scope="col">
                {h || 'Élément'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, ri) => (
            <tr key={ri}>
              {r.map((cell, ci) => (ci === 0 ? <th key={ci} scope="row">{cell}</th> : <td key={ci} class="num">{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
