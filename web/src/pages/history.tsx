import { get, type Page as ApiPage } from '../api/client';
import type { AuditEntryView } from '../../../shared/platform/api';
import { Loaded, Page, Section } from '../components/page';
import { Pager } from '../components/widgets';
import { usePagedApi } from '../hooks';
import { formatDateTime } from '../i18n/format';
import { describeChanges } from '../i18n/history';
import { actionLabel, label, roleLabels } from '../i18n/labels';

/** The audit trail of one record (who did what, when). */
export function AuditList(props: { entityType: string; entityId: string; limit?: number; refresh?: unknown }) {
  const list = usePagedApi(
    (cursor, signal) => get<ApiPage<AuditEntryView>>(`/audit/${encodeURIComponent(props.entityType)}/${encodeURIComponent(props.entityId)}`, { cursor, limit: props.limit ?? 10 }, signal),
    [props.entityType, props.entityId, props.refresh],
  );
  return (
    <Loaded resource={list} inline>
      {(page) => (
        <>
          {page.items.length === 0 && <p class="empty">Aucun événement enregistré.</p>}
          <ol class="timeline">
            {page.items.map((a, i) => (
              <li key={`${a.at}-${i}`}>
                <p>
                  <strong>{actionLabel(a.action)}</strong>
                </p>
                <p class="muted">
                  {formatDateTime(a.at)} · {a.actorName ?? (a.actorId.startsWith('system') ? 'Traitement automatique' : 'Personne non identifiée')} ({label(roleLabels, a.actorRole)})
                </p>
                {describeChanges(a.changes).length > 0 && (
                  <ul class="plain changes">
                    {describeChanges(a.changes).map((sentence) => (
                      <li key={sentence}>{sentence}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} label="Pagination de l’historique" />
        </>
      )}
    </Loaded>
  );
}

export function HistoryPage(props: { entityType: string; entityId: string }) {
  return (
    <Page title="Historique" subtitle="Qui a fait quoi, et quand">
      <Section title="Événements, du plus récent au plus ancien">
        <AuditList entityType={props.entityType} entityId={props.entityId} />
      </Section>
    </Page>
  );
}
