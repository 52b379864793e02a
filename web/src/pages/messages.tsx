import { get, type Page as ApiPage } from '../api/client';
import type { OutboxMessage } from '../../../shared/notifications/schemas';
import { Loaded, Page, Section } from '../components/page';
import { Pager } from '../components/widgets';
import { useMe, usePagedApi } from '../hooks';
import { formatDateTime } from '../i18n/format';

/** Messages sent by the programme (decisions, reminders); in AWS they also leave by e-mail. */
export function MessagesPage() {
  const me = useMe();
  const list = usePagedApi((cursor, signal) => get<ApiPage<OutboxMessage>>('/outbox', { cursor, limit: 10 }, signal), []);
  return (
    <Page title={me.role === 'staff' ? 'Messages envoyés' : 'Mes messages'} subtitle={me.role === 'staff' ? 'Tous les messages envoyés par le programme, du plus récent au plus ancien.' : 'Les messages que le programme vous a envoyés.'}>
      <Section title="Messages">
        <Loaded resource={list} inline>
          {(page) => (
            <>
              {page.items.length === 0 && <p class="empty">Aucun message.</p>}
              <ul class="messages">
                {page.items.map((m) => (
                  <li key={m.messageId} class="message">
                    <h3>{m.subject}</h3>
                    <p class="muted">
                      {formatDateTime(m.createdAt)}
                      {me.role === 'staff' ? ` · à ${m.recipientUserId}` : ''}
                    </p>
                    <p class="message-body">{m.body}</p>
                  </li>
                ))}
              </ul>
              <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
            </>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}
