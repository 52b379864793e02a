import type { Principal } from '../access/principal';
import { assertRole } from '../access/policy';
import { listReadyAttachmentsOfParent } from '../attachments/repository';
import { parentKeyOf, type Attachment } from '../attachments/schemas';
import type { Answer, Criterion } from '../calls/schemas';
import { loadCall } from '../calls/use-cases';
import { formatDate } from '../i18n/french';
import { toCsv, type CsvValue } from '../documents/csv';
import { fileSlug } from '../documents/file-names';
import { axisLabels } from '../programme/axes';
import type { Deps } from '../runtime';
import { listAllApplicationsOfCall } from './repository';
import type { Application, ApplicationStatus } from './schemas';

/**
 * The applications of a call as CSV (French headings), one row per application: the structure, the
 * territory, the answers and the eligibility of each criterion, the score and the decision. Private notes
 * and reviewers' comments are not exported.
 */
const statusLabels: Record<ApplicationStatus, string> = {
  draft: 'Brouillon',
  submitted: 'Déposée',
  under_review: "En cours d'examen",
  selected: 'Retenue',
  waitlisted: "Liste d'attente",
  rejected: 'Non retenue',
  withdrawn: 'Retirée',
};
const eligibilityLabels = { eligible: 'Éligible', ineligible: 'Non éligible', incomplete: 'Incomplète' } as const;
const criterionStatusLabels = { met: 'Rempli', unmet: 'Non rempli', missing: 'Non renseigné' } as const;
const settingLabels = { urban: 'Urbain', rural: 'Rural', 'semi-rural': 'Semi-rural' } as const;
const budgetLabels = { surplus: 'Excédentaire', balanced: "À l'équilibre", 'occasional-deficit': 'Déficit ponctuel', 'structural-deficit': 'Déficit structurel' } as const;

export function answerText(answer: Answer | undefined, criterion: Criterion | undefined): string {
  if (!answer) return '';
  switch (answer.kind) {
    case 'number':
      return String(answer.value).replace('.', ',');
    case 'yes_no':
      return answer.value ? 'Oui' : 'Non';
    case 'signed_attestation':
      return answer.signed ? `Signé par ${answer.signerName ?? 'un signataire non nommé'}${answer.signedOn ? ` le ${formatDate(answer.signedOn)}` : ''}` : 'Non signé';
    case 'document':
      return answer.documentRef;
    case 'choice': {
      const option = criterion?.kind === 'choice' ? criterion.options.find((o) => o.value === answer.value) : undefined;
      return option?.label ?? answer.value;
    }
    case 'alternative':
      return `Justificatif équivalent : ${answer.description}${answer.documentRef ? ` (${answer.documentRef})` : ''}`;
  }
}

/** The documents attached to an application, by slot: "A1.2 : comptes.pdf ; Dossier : statuts.pdf". */
export function documentsText(documents: readonly Attachment[]): string {
  return documents.map((d) => `${d.slot === 'dossier' ? 'Dossier' : d.slot} : ${d.fileName}`).join(' ; ');
}

export function applicationsCsv(apps: Application[], criteria: Criterion[], documents: ReadonlyMap<string, readonly Attachment[]> = new Map()): string {
  const criterionIds = [...new Set([...criteria.map((c) => c.criterionId), ...apps.flatMap((a) => Object.keys(a.answers))])];
  const header = [
    'N° de dossier',
    'Structure',
    'Forme juridique',
    'Adresse',
    'Effectif (ETP)',
    'Situation budgétaire',
    'Missions',
    'Public accompagné',
    'Relations avec le SPE',
    'Territoire',
    'Région',
    'Département',
    'Code département',
    'Milieu',
    'Population',
    'Hypothèse',
    'Prescripteur',
    'Référent',
    'Personnes à former',
    'Besoins du territoire',
    'Statut',
    'Éligibilité',
    'Version des critères',
    'Score (sur 100)',
    "Nombre d'évaluations",
    'Décision',
    'Motif de la décision',
    'Décision publiée le',
    'Déposée le',
    'Pièces jointes',
    ...criterionIds.flatMap((id) => [`${id} — réponse`, `${id} — résultat`, `${id} — explication`]),
  ];
  const rows: CsvValue[][] = apps.map((app) => {
    const results = new Map(app.eligibility.results.map((r) => [r.criterionId, r]));
    return [
      app.dossierNumber ?? '',
      app.structure.name,
      app.structure.legalForm,
      app.structure.address,
      app.structure.staffFte,
      app.structure.budgetSituation ? budgetLabels[app.structure.budgetSituation] : '',
      app.structure.missions,
      app.structure.publicServed,
      app.structure.speRelations,
      app.territory?.name,
      app.territory?.region,
      app.territory?.departement,
      app.territory?.departementCode,
      app.territory ? settingLabels[app.territory.setting] : '',
      app.territory?.population,
      app.hypothesis,
      app.prescriber?.name,
      app.referent ? `${app.referent.name} (${app.referent.role})` : '',
      app.people.map((p) => `${p.name} (${p.role})`).join(' ; '),
      [...app.needs].sort((a, b) => a.priority - b.priority).map((n) => `${n.priority}. ${axisLabels[n.axis]}`).join(' ; '),
      statusLabels[app.status],
      eligibilityLabels[app.eligibility.status],
      app.criteriaVersion,
      app.score,
      Object.keys(app.reviewScores).length,
      app.decision ? statusLabels[app.decision.outcome] : '',
      app.decision?.rationale,
      app.decisionPublishedAt,
      app.submittedAt,
      documentsText(documents.get(app.applicationId) ?? []),
      ...criterionIds.flatMap((id) => {
        const result = results.get(id);
        return [answerText(app.answers[id], criteria.find((c) => c.criterionId === id)), result ? criterionStatusLabels[result.status] : 'Sans objet', result?.reason ?? ''];
      }),
    ];
  });
  return toCsv(header, rows);
}

export async function exportApplicationsCsv(deps: Deps, principal: Principal, callId: string) {
  assertRole(principal, ['staff']);
  const bundle = await loadCall(deps, callId);
  const apps = await listAllApplicationsOfCall(deps.db, callId);
  const documents = new Map<string, Attachment[]>();
  // one Query per application, 25 at a time (a call holds tens to about a thousand applications)
  for (let i = 0; i < apps.length; i += 25) {
    const batch = apps.slice(i, i + 25);
    const found = await Promise.all(batch.map((a) => listReadyAttachmentsOfParent(deps.db, parentKeyOf({ kind: 'application', applicationId: a.applicationId, criterionId: null }))));
    batch.forEach((a, j) => {
      documents.set(a.applicationId, found[j]!);
    });
  }
  // Latest version first: its labels win for a criterion present in several versions.
  const criteria = [...bundle.versions].reverse().flatMap((v) => v.criteria).filter((c, i, all) => all.findIndex((o) => o.criterionId === c.criterionId) === i);
  return {
    contentType: 'text/csv; charset=utf-8',
    content: applicationsCsv(apps, criteria, documents),
    filename: `candidatures-${fileSlug(bundle.call.title)}.csv`,
  };
}
