import { get, type Page as ApiPage } from '../api/client';
import type { OutboxMessageView } from '../../../shared/platform/api';
import { Loaded, Page, Section } from '../components/page';
import { Pager } from '../components/widgets';
import { useMe, usePagedApi } from '../hooks';
import { formatDateTime } from '../i18n/format';
import { ThreadsList } from './threads';

/** The threads with Ansa (staff and referents), then the messages the programme sent (decisions, reminders; in AWS also by e-mail). */
export function MessagesPage() {
  const me = useMe();
  const list = usePagedApi((cursor, signal) => get<ApiPage<OutboxMessageView>>('/outbox', { cursor, limit: 10 }, signal), []);
  return (
    <Page
      title={me.role === 'staff' ? 'Messages' : 'Mes messages'}
      subtitle={me.role === 'staff' ? 'Les échanges avec les structures, puis tous les courriels envoyés par le programme.' : me.role === 'referent' ? 'Vos échanges avec l’équipe Ansa, puis les courriels que le programme vous a envoyés.' : 'Les messages que le programme vous a envoyés.'}
    >
      {me.role !== 'tutor' && <ThreadsList />}
      <Section title={me.role === 'tutor' ? 'Messages' : 'Courriels envoyés par le programme'}>
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
                      {me.role === 'staff' ? ` · à ${m.recipientName ?? 'destinataire non identifié'}` : ''}
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
