import type { Principal } from '../access/principal';
import { listReadyAttachmentsOfParent, parentKeyOf, type Attachment } from '../attachments';
import { isStaff } from '../access/policy';
import { formatBytes, formatDate, formatDateTime, quoted } from '../i18n/french';
import type { Call, Criterion } from '../calls/schemas';
import { criteriaOf, loadCall } from '../calls/use-cases';
import { renderPdf, type PdfSection } from '../documents/pdf';
import { conflict } from '../errors';
import { axisLabels } from '../programme/axes';
import type { Deps } from '../runtime';
import { answerText } from './export';
import { decisionMessage } from './messages';
import type { Application } from './schemas';
import { loadApplicationFor } from './use-cases';

/**
 * The PDFs an applicant keeps: the receipt of a submitted dossier and the decision letter. Both are drawn
 * on demand from the stored application (nothing stored besides it), for staff, the applicant and the
 * structure's referents; the applicant gets the letter only once the decision is published.
 */
export interface PdfFile {
  filename: string;
  bytes: Uint8Array;
}

const hypothesisLabels = { A: 'A — opérateur au service d’une collectivité', B: 'B — collectivité faisant évoluer ses équipes' } as const;
const SIGNATURE = "L'équipe de l'Accélérateur d'innovation sociale (Ansa)";

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-');

function structureSection(app: Application): PdfSection {
  const s = app.structure;
  const rows: [string, string | undefined][] = [
    ['Structure', s.name],
    ['Forme juridique', s.legalForm],
    ['Adresse', s.address],
    ['Territoire', app.territory ? `${app.territory.name} (${app.territory.departement}, ${app.territory.region})` : undefined],
    ['Hypothèse', app.hypothesis ? hypothesisLabels[app.hypothesis] : undefined],
    ['Prescripteur', app.prescriber?.name],
    ['Directeur général ou délégué', app.referent ? `${app.referent.name} (${app.referent.role})` : undefined],
  ];
  return { heading: 'La structure', table: { header: ['Rubrique', 'Réponse'], rows: rows.filter(([, v]) => v).map(([k, v]) => [k, v!]) } };
}

function criteriaSection(app: Application, criteria: readonly Criterion[]): PdfSection {
  const applicable = criteria.filter((c) => c.hypothesis === app.hypothesis);
  return {
    heading: 'Réponses aux critères',
    table: {
      header: ['Critère', 'Intitulé', 'Réponse'],
      rows: applicable.map((c) => [c.criterionId, c.label, answerText(app.answers[c.criterionId], c) || 'Non renseigné']),
    },
  };
}

/** The checked documents of the dossier, beside the criterion each is evidence for. */
function documentsSection(documents: readonly Attachment[]): PdfSection {
  if (!documents.length) return { heading: 'Pièces jointes', paragraphs: ['Aucune pièce jointe.'] };
  const rows = [...documents]
    .sort((a, b) => a.slot.localeCompare(b.slot) || a.fileName.localeCompare(b.fileName))
    .map((d) => [d.fileName, d.slot === 'dossier' ? 'Pièce du dossier' : `Critère ${d.slot}`, formatBytes(d.size)]);
  return { heading: 'Pièces jointes', table: { header: ['Document', 'Pour', 'Taille'], rows } };
}

export function receiptReport(app: Application, call: Pick<Call, 'title'>, criteria: readonly Criterion[], documents: readonly Attachment[]) {
  const sections: PdfSection[] = [
    {
      paragraphs: [
        `L'Accélérateur d'innovation sociale (Ansa) accuse réception de la candidature de ${app.structure.name} à l'appel ${quoted(call.title)}.`,
        `Dossier déposé le ${formatDateTime(app.submittedAt!)}.`,
        'Ce document atteste le dépôt du dossier ; il ne préjuge pas de la décision, qui vous sera notifiée par courrier.',
      ],
    },
    structureSection(app),
    {
      heading: 'Personnes à former',
      ...(app.people.length
        ? { table: { header: ['Nom', 'Fonction'], rows: app.people.map((p) => [p.name, p.role]) } }
        : { paragraphs: ['Aucune personne désignée.'] }),
    },
    {
      heading: 'Besoins du territoire',
      paragraphs: app.needs.length ? app.needs.map((n) => `${n.priority}. ${axisLabels[n.axis]}${n.description ? ` : ${n.description}` : ''}`) : ['Aucun besoin déclaré.'],
    },
    criteriaSection(app, criteria),
    documentsSection(documents),
    { paragraphs: [SIGNATURE] },
  ];
  return { title: 'Accusé de réception', subtitle: `Dossier n° ${app.dossierNumber}`, sections };
}

export async function receiptPdf(deps: Deps, principal: Principal, applicationId: string): Promise<PdfFile> {
  const app = await loadApplicationFor(deps, principal, applicationId, 'read');
  if (!app.dossierNumber || !app.submittedAt) throw conflict('APPLICATION_NOT_SUBMITTED', 'The application has not been submitted: it has no receipt yet');
  const [bundle, documents] = await Promise.all([
    loadCall(deps, app.callId),
    listReadyAttachmentsOfParent(deps.db, parentKeyOf({ kind: 'application', applicationId, criterionId: null })),
  ]);
  const bytes = await renderPdf(receiptReport(app, bundle.call, criteriaOf(bundle, app.criteriaVersion), documents));
  return { filename: `accuse-reception-${fileSafe(app.dossierNumber)}.pdf`, bytes };
}

const outcomeTitles = { selected: 'Candidature retenue', waitlisted: "Candidature sur liste d'attente", rejected: 'Candidature non retenue' } as const;

export function decisionLetterReport(app: Application, call: Pick<Call, 'title'>) {
  const decision = app.decision!;
  const draft = app.decisionPublishedAt === null;
  const { body } = decisionMessage(call, app, decision.outcome, decision.rationale, app.referent?.name);
  return {
    title: outcomeTitles[decision.outcome],
    subtitle: `Dossier n° ${app.dossierNumber ?? '—'} · appel ${quoted(call.title)}${draft ? ' · projet : décision non publiée' : ''}`,
    sections: [
      { paragraphs: [`Paris, le ${formatDate(app.decisionPublishedAt ?? decision.decidedAt)}`, `${app.structure.name}${app.structure.address ? `\n${app.structure.address}` : ''}`] },
      { paragraphs: body.split('\n\n') },
    ],
  };
}

/** Staff may read the letter as soon as there is a decision (a draft until published); the applicant once published. */
export async function decisionLetterPdf(deps: Deps, principal: Principal, applicationId: string): Promise<PdfFile> {
  const app = await loadApplicationFor(deps, principal, applicationId, 'read');
  const visible = app.decision !== null && (isStaff(principal) || app.decisionPublishedAt !== null);
  if (!visible) throw conflict('DECISION_NOT_PUBLISHED', 'There is no published decision on this application yet');
  const bundle = await loadCall(deps, app.callId);
  const bytes = await renderPdf(decisionLetterReport(app, bundle.call));
  return { filename: `decision-${fileSafe(app.dossierNumber ?? app.applicationId)}.pdf`, bytes };
}
