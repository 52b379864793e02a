import type { ApplicantView, StaffApplicationView } from '../../../shared/applications/views';
import { DownloadButton } from './widgets';

/**
 * The dossier's number with its receipt, and the decision letter: the applicant gets the letter once the
 * decision is published, staff as soon as it is decided (a draft until published).
 */
export function DossierFiles(props: { app: ApplicantView | StaffApplicationView; staff?: boolean }) {
  const a = props.app;
  const letter = a.decision !== null && (props.staff || a.decisionPublishedAt !== null);
  if (!a.dossierNumber && !letter) return null;
  return (
    <div class="dossier-files" data-dossier-number={a.dossierNumber ?? undefined}>
      {a.dossierNumber && (
        <>
          <p>
            Dossier n° <strong>{a.dossierNumber}</strong>
          </p>
          <DownloadButton path={`/applications/${a.applicationId}/receipt.pdf`} label="Télécharger l’accusé de réception" format="PDF" />
        </>
      )}
      {letter && (
        <DownloadButton
          path={`/applications/${a.applicationId}/decision-letter.pdf`}
          label={a.decisionPublishedAt ? 'Télécharger le courrier de décision' : 'Aperçu du courrier de décision (non publié)'}
          format="PDF"
        />
      )}
    </div>
  );
}
