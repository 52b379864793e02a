import { frenchTypography } from '../i18n/french';
import type { PdfReport, PdfSection } from './pdf';

/**
 * A report with French typography in every text it prints: a no-break space before ; : ! ? » and after «, so
 * that wrapping (which breaks at ordinary spaces only) never leaves « : » or « » » alone at a line's start.
 */
export function withFrenchTypography(report: PdfReport): PdfReport {
  const t = frenchTypography;
  const section = (s: PdfSection): PdfSection => ({
    ...s,
    ...(s.heading ? { heading: t(s.heading) } : {}),
    ...(s.paragraphs ? { paragraphs: s.paragraphs.map(t) } : {}),
    ...(s.table ? { table: { header: s.table.header.map(t), rows: s.table.rows.map((row) => row.map(t)) } } : {}),
  });
  return { ...report, title: t(report.title), ...(report.subtitle ? { subtitle: t(report.subtitle) } : {}), sections: report.sections.map(section) };
}
