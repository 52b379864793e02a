import { renderPdf } from '../documents/pdf';
import { notFound } from '../errors';
import type { Deps } from '../runtime';
import { getSeason } from '../seasons/repository';
import { listAllReviewedGuideEntries } from './repository';
import { buildGuide, guideToMarkdown, guideToPdfReport } from './rules';

// Apart from shared/tutoring/guide.ts so that only the export function bundles the PDF writer.

/** The guide of a season, as Markdown or PDF: reviewed entries only, grouped by the five axes. */
export async function exportGuide(deps: Deps, seasonId: string, format: 'markdown' | 'pdf') {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  const guide = buildGuide(await listAllReviewedGuideEntries(deps.db, seasonId), season.name);
  const filename = `guide-essaimage-${season.year}`;
  if (format === 'markdown') {
    return { contentType: 'text/markdown; charset=utf-8', content: guideToMarkdown(guide), filename: `${filename}.md` };
  }
  const bytes = await renderPdf(guideToPdfReport(guide));
  return { contentType: 'application/pdf', content: Buffer.from(bytes).toString('base64'), filename: `${filename}.pdf`, base64: true };
}
