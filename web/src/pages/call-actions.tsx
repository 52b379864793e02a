import { useState } from 'preact/hooks';
import { ApiError, get, post, type Page as ApiPage } from '../api/client';
import type { ApplicationSummary } from '../../../shared/applications/views';
import type { CallView, PublicationReport } from '../../../shared/calls/schemas';
import { ConfirmButton, ConfirmDialog } from '../components/confirm';
import { Checkbox } from '../components/form';
import { DownloadButton, Notice } from '../components/widgets';
import { countOf, formatDate, formatDateTime, formatNumber } from '../i18n/format';
import { messageOf } from '../i18n/errors';
import { Link } from '../router';

const DAY = 86_400_000;

/** "1 candidature", "3 candidatures". */
export const plural = countOf;

/** Every application of the call (a call has tens of them: a few pages at most). */
async function allApplications(callId: string): Promise<ApplicationSummary[]> {
  const items: ApplicationSummary[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await get<ApiPage<ApplicationSummary>>(`/calls/${callId}/applications`, { cursor, limit: 100 });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

const undecided = (a: ApplicationSummary) => a.status === 'submitted' || a.status === 'under_review';

/** Opening, closing and publishing a call: each irreversible, each behind a dialog that says what it does. */
export function CallActions(props: { call: CallView; onChange: (c: CallView) => void }) {
  const c = props.call;
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => (result: CallView) => {
    props.onChange(result);
    setNotice(message);
  };
  // Whole days cut from the call (closing 31 days and some hours early says 31).
  const daysEarly = Math.floor((new Date(c.closesAt).getTime() - Date.now()) / DAY);
  return (
    <div class="card">
      <Notice message={notice} />
      <div class="actions">
        {c.status === 'draft' && (
          <ConfirmButton
            label="Ouvrir l’appel"
            title="Ouvrir l’appel ?"
            confirmLabel="Ouvrir l’appel"
            consequence={
              <>
                <p>
                  Les {plural(c.criteria.length, 'critère', 'critères')} et la grille d’évaluation seront figés : une modification demandera une nouvelle version des critères.
                </p>
                <p>
                  Les structures pourront candidater {new Date(c.opensAt).getTime() > Date.now() ? `à partir du ${formatDateTime(c.opensAt)}` : 'dès maintenant'}, jusqu’au {formatDateTime(c.closesAt)}.
                </p>
              </>
            }
            action={async () => done('Appel ouvert : les critères sont figés.')(await post<CallView>(`/calls/${c.callId}/open`))}
          />
        )}
        {c.status === 'open' && (
          <ConfirmButton
            label="Clore l’appel"
            class="button secondary"
            danger
            title={daysEarly > 0 ? `Clore l’appel maintenant, ${plural(daysEarly, 'jour', 'jours')} avant la date prévue ?` : 'Clore l’appel maintenant ?'}
            confirmLabel="Clore l’appel"
            consequence={async () => {
              const apps = await allApplications(c.callId);
              const drafts = apps.filter((a) => a.status === 'draft').length;
              return (
                <>
                  <p>La clôture était prévue le {formatDate(c.closesAt)}. Aucune candidature ne pourra plus être déposée.</p>
                  <p>
                    {plural(apps.filter((a) => a.status !== 'draft' && a.status !== 'withdrawn').length, 'candidature déposée', 'candidatures déposées')} ;{' '}
                    {drafts > 0 ? `${plural(drafts, 'brouillon ne pourra', 'brouillons ne pourront')} plus être déposé${drafts > 1 ? 's' : ''}.` : 'aucun brouillon en cours.'}
                  </p>
                </>
              );
            }}
            action={async () => done('Appel clos.')(await post<CallView>(`/calls/${c.callId}/close`))}
          />
        )}
        {c.status !== 'draft' && <PublishButton call={c} onPublished={(call, message) => { props.onChange(call); setNotice(message); }} />}
        <DownloadButton path={`/calls/${c.callId}/applications/export`} label="Exporter les candidatures" format="CSV" />
      </div>
    </div>
  );
}

/**
 * Publishing notifies every applicant. The dialog gives the figures against the capacity and refuses while
 * an application is undecided, unless staff explicitly waitlist the undecided ones (the API refuses too).
 */
function PublishButton(props: { call: CallView; onPublished: (c: CallView, message: string) => void }) {
  const c = props.call;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [apps, setApps] = useState<ApplicationSummary[] | null>(null);
  const [waitlist, setWaitlist] = useState(false);
  const start = async () => {
    setOpen(true);
    setError(null);
    setWaitlist(false);
    setApps(null);
    try {
      setApps(await allApplications(c.callId));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const pending = (apps ?? []).filter(undecided);
  const unpublished = (apps ?? []).filter((a) => a.decision && !a.decisionPublishedAt);
  const count = (outcome: string) => unpublished.filter((a) => a.status === outcome).length;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await post<PublicationReport>(`/calls/${c.callId}/publish-decisions`, pending.length ? { waitlistUndecided: true } : {});
      const call = await get<CallView>(`/calls/${c.callId}`);
      setOpen(false);
      props.onPublished(
        call,
        `Décisions publiées : ${plural(report.published.selected, 'sélection', 'sélections')}, ${formatNumber(report.published.waitlisted)} en liste d’attente, ${plural(report.published.rejected, 'refus', 'refus')} ; ${plural(report.essaimeIds.length, 'structure essaimée créée', 'structures essaimées créées')}.${report.failures.length ? ` ${plural(report.failures.length, 'candidature n’a pas pu être publiée', 'candidatures n’ont pas pu être publiées')} (conflit d’intérêts déclaré ou changement entre-temps) : rouvrez-les.` : ''}`,
      );
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'DECISIONS_PENDING' ? `${messageOf(e)} (${plural(e.details.length, 'candidature', 'candidatures')})` : messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="button secondary" onClick={start}>
        Publier les décisions
      </button>
      <ConfirmDialog
        open={open}
        title={apps ? `Publier : ${plural(c.selectedCount, 'retenue', 'retenues')} sur ${formatNumber(c.capacity.min)} à ${formatNumber(c.capacity.max)}, ${plural(pending.length, 'candidature sans décision', 'candidatures sans décision')}` : 'Publier les décisions'}
        confirmLabel={pending.length ? 'Placer en liste d’attente et publier' : 'Publier et notifier'}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
        busy={busy || (open && !apps)}
        error={error}
        confirmDisabled={!apps || (pending.length > 0 && !waitlist) || unpublished.length + pending.length === 0}
        danger
      >
        {!apps ? (
          <p>Calcul des décisions à publier…</p>
        ) : (
          <>
            <p>
              Chaque candidat recevra sa décision par message : {plural(count('selected'), 'sélection', 'sélections')}, {formatNumber(count('waitlisted'))} en liste d’attente, {plural(count('rejected'), 'refus', 'refus')}.
              Les structures sélectionnées deviendront des structures essaimées.
            </p>
            {c.selectedCount < c.capacity.min && (
              <p>
                <strong>
                  {plural(c.selectedCount, 'territoire retenu', 'territoires retenus')}, sous le minimum de {formatNumber(c.capacity.min)}.
                </strong>
              </p>
            )}
            {unpublished.length + pending.length === 0 && <p>Aucune décision nouvelle à publier.</p>}
            {pending.length > 0 && (
              <>
                <p>
                  <strong>{plural(pending.length, 'candidature déposée n’a', 'candidatures déposées n’ont')} pas de décision.</strong> Décidez-les avant de publier, ou placez-les explicitement en liste d’attente :
                </p>
                <ul>
                  {pending.map((a) => (
                    <li key={a.applicationId}>
                      <Link href={`/candidatures/${a.applicationId}`}>{a.structureName}</Link>
                    </li>
                  ))}
                </ul>
                <Checkbox name="waitlist-undecided" checked={waitlist} onChange={setWaitlist} label={`Placer ${pending.length > 1 ? `ces ${formatNumber(pending.length)} candidatures` : 'cette candidature'} en liste d’attente`} />
              </>
            )}
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
