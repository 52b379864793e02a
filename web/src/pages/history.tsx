import { get, type Page as ApiPage } from '../api/client';
import type { AuditRecord } from '../../../shared/db/audit-record';
import { Loaded, Page, Section } from '../components/page';
import { Pager } from '../components/widgets';
import { usePagedApi } from '../hooks';
import { formatDateTime } from '../i18n/format';
import { actionLabel, label, roleLabels } from '../i18n/labels';

/** The audit trail of one record (who did what, when). */
export function AuditList(props: { entityType: string; entityId: string; limit?: number; refresh?: unknown }) {
  const list = usePagedApi(
    (cursor, signal) => get<ApiPage<AuditRecord>>(`/audit/${encodeURIComponent(props.entityType)}/${encodeURIComponent(props.entityId)}`, { cursor, limit: props.limit ?? 10 }, signal),
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
                  {formatDateTime(a.at)} · {a.actorId} ({label(roleLabels, a.actorRole)})
                </p>
                {Object.keys(a.changes).length > 0 && (
                  <details>
                    <summary>Détail</summary>
                    <pre>{JSON.stringify(a.changes, null, 2)}</pre>
                  </details>
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
    <Page title="Historique" subtitle={`${props.entityType} ${props.entityId}`}>
      <Section title="Événements, du plus récent au plus ancien">
        <AuditList entityType={props.entityType} entityId={props.entityId} />
      </Section>
    </Page>
  );
}
