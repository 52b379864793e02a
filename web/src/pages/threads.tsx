import { useEffect, useState } from 'preact/hooks';
import { get, post, type Page as ApiPage } from '../api/client';
import type { ThreadMessage } from '../../../shared/threads/schemas';
import type { PostedThreadMessage, ThreadView } from '../../../shared/threads/views';
import { Attachments } from '../components/attachments';
import { ErrorSummary, Form, SubmitButton, TextArea } from '../components/form';
import { Badge, Empty, Loaded, Page, Section } from '../components/page';
import { Pager, Table } from '../components/widgets';
import { useApi, useForm, useMe, usePagedApi } from '../hooks';
import { formatDateTime } from '../i18n/format';
import { Link, useLocation } from '../router';

/**
 * Threads between a structure and Ansa: on the application page, on the essaimé page, and listed under
 * « Messages » with their unread counts. Opening a thread marks it read for the person who opens it.
 */

const threadPath = (threadId: string) => `/threads/${encodeURIComponent(threadId)}`;

/** Tells the navigation's badge that the unread counts changed (a message read or written). */
const unreadChanged = () => window.dispatchEvent(new Event('threads-unread-changed'));

/** The number of unread messages across the caller's most recent threads, for the navigation. */
export function UnreadThreadsBadge() {
  const { path } = useLocation();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((t) => t + 1);
    window.addEventListener('threads-unread-changed', bump);
    return () => window.removeEventListener('threads-unread-changed', bump);
  }, []);
  const threads = useApi((signal) => get<ApiPage<ThreadView>>('/me/threads', { limit: 100 }, signal), [path, tick]);
  const unread = (threads.data?.items ?? []).reduce((sum, t) => sum + t.unreadCount, 0);
  if (!unread) return null;
  return (
    <span class="badge badge-info nav-badge" data-unread={unread}>
      {unread}
      <span class="sr-only"> message{unread > 1 ? 's' : ''} non lu{unread > 1 ? 's' : ''}</span>
    </span>
  );
}

function MessageItem(props: { message: ThreadMessage; mine: boolean; canAttach: boolean }) {
  const m = props.message;
  const parent = { kind: 'threadMessage', threadId: m.threadId, messageId: m.messageId };
  return (
    <li class={`message thread-message ${m.side === 'staff' ? 'from-staff' : 'from-structure'}`} data-message={m.messageId}>
      <p class="muted">
        <strong>{m.authorName}</strong> {m.side === 'staff' ? <Badge tone="info">Équipe Ansa</Badge> : <Badge>Structure</Badge>} · {formatDateTime(m.createdAt)}
      </p>
      <p class="message-body">{m.text}</p>
      <details>
        <summary>Pièces jointes</summary>
        <Attachments parent={parent} name={`message-${m.messageId}`} label="Pièces jointes au message" editable={props.mine && props.canAttach} />
      </details>
    </li>
  );
}

/** One thread: its messages (newest first, by pages), a form to write, and documents on each message. */
export function ThreadPanel(props: { threadId: string; title?: string }) {
  const me = useMe();
  const thread = useApi((signal) => get<ThreadView>(threadPath(props.threadId), undefined, signal), [props.threadId]);
  const messages = usePagedApi((cursor, signal) => get<ApiPage<ThreadMessage>>(`${threadPath(props.threadId)}/messages`, { cursor, limit: 20 }, signal), [props.threadId]);
  const form = useForm(`thread-${props.threadId}`, { text: '' });
  const [posted, setPosted] = useState<string | null>(null);
  const unread = thread.data?.unreadCount ?? 0;
  useEffect(() => {
    if (!unread) return;
    void post<ThreadView>(`${threadPath(props.threadId)}/read`).then((read) => {
      thread.set(read);
      unreadChanged();
    }, () => undefined);
  }, [props.threadId, unread]);
  const onSubmit = async () => {
    const done = await form.submit(() => post<PostedThreadMessage>(`${threadPath(props.threadId)}/messages`, { text: form.values.text }), ['text']);
    if (done) {
      form.clear();
      thread.set(done.thread);
      setPosted(done.message.messageId);
      messages.reload();
      unreadChanged();
    }
  };
  // Both sides attach to their own messages; the server checks authorship.
  const canAttach = me.role === 'referent' || me.role === 'staff';
  return (
    <Section title={props.title ?? 'Échanges avec l’équipe Ansa'} id="messages">
      {unread > 0 && (
        <p role="status">
          <Badge tone="info">
            {unread} nouveau{unread > 1 ? 'x' : ''} message{unread > 1 ? 's' : ''}
          </Badge>
        </p>
      )}
      <Loaded resource={messages} inline label="les messages">
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <Empty>{me.role === 'staff' ? 'Aucun message pour l’instant. Écrivez à la structure ci-dessous.' : 'Aucun message pour l’instant. Posez votre question à l’équipe Ansa ci-dessous.'}</Empty>
            ) : (
              <ul class="messages" aria-label="Messages, du plus récent au plus ancien">
                {page.items.map((m) => (
                  <MessageItem key={m.messageId} message={m} mine={m.authorUserId === me.userId} canAttach={canAttach} />
                ))}
              </ul>
            )}
            <Pager pageNumber={messages.pageNumber} hasPrevious={messages.hasPrevious} hasNext={messages.hasNext} onPrevious={messages.previous} onNext={messages.next} label="Messages" />
          </>
        )}
      </Loaded>
      <Form onSubmit={() => void onSubmit()} label="Écrire un message">
        <ErrorSummary messages={form.formError} />
        <TextArea
          name="text"
          label={me.role === 'staff' ? 'Votre message à la structure' : 'Votre message à l’équipe Ansa'}
          required
          value={form.values.text}
          onInput={(v) => form.set('text', v)}
          errors={form.errors}
          rows={3}
          hint="Un courriel prévient vos interlocuteurs."
        />
        <SubmitButton busy={form.submitting}>Envoyer</SubmitButton>
      </Form>
      {posted && canAttach && (
        <div class="alert alert-info" role="status">
          <p>Message envoyé. Vous pouvez y joindre des documents :</p>
          <Attachments parent={{ kind: 'threadMessage', threadId: thread.data?.threadId ?? props.threadId, messageId: posted }} name={`posted-${posted}`} label="Pièces jointes à votre message" editable />
        </div>
      )}
    </Section>
  );
}

const aboutOf = (t: ThreadView) =>
  t.essaimeId ? <Link href={`/structure-essaimee/${t.essaimeId}`}>Structure essaimée</Link> : t.applicationId ? <Link href={`/candidatures/${t.applicationId}`}>Candidature</Link> : '—';

/** The caller's threads, latest activity first, with their unread counts. */
export function ThreadsList() {
  const me = useMe();
  const list = usePagedApi((cursor, signal) => get<ApiPage<ThreadView>>('/me/threads', { cursor, limit: 20 }, signal), []);
  return (
    <Section title={me.role === 'staff' ? 'Échanges avec les structures' : 'Échanges avec l’équipe Ansa'}>
      <Loaded resource={list} inline>
        {(page) => (
          <>
            <Table
              caption="Fils de discussion"
              captionHidden
              rows={page.items}
              rowKey={(t) => t.threadId}
              empty={me.role === 'staff' ? 'Aucune structure n’a encore écrit.' : 'Aucun échange pour l’instant : écrivez à l’équipe Ansa depuis votre candidature ou la page de votre structure.'}
              columns={[
                { key: 'structure', label: 'Structure', render: (t) => <Link href={`/messages/${t.threadId}`}>{t.structureName}</Link> },
                { key: 'about', label: 'À propos de', render: aboutOf },
                { key: 'count', label: 'Messages', numeric: true, render: (t) => t.messageCount },
                { key: 'last', label: 'Dernier message', render: (t) => (t.lastMessageAt ? `${formatDateTime(t.lastMessageAt)} (${t.lastMessageBy === 'staff' ? 'équipe Ansa' : 'structure'})` : '—') },
                { key: 'unread', label: 'Non lus', render: (t) => (t.unreadCount ? <Badge tone="info">{t.unreadCount} non lu{t.unreadCount > 1 ? 's' : ''}</Badge> : '—') },
              ]}
            />
            <Pager pageNumber={list.pageNumber} hasPrevious={list.hasPrevious} hasNext={list.hasNext} onPrevious={list.previous} onNext={list.next} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** A thread on its own page, reached from « Messages ». */
export function ThreadPage(props: { threadId: string }) {
  const thread = useApi((signal) => get<ThreadView>(threadPath(props.threadId), undefined, signal), [props.threadId]);
  return (
    <Loaded resource={thread}>
      {(t) => (
        <Page title={t.structureName} subtitle={<>Échanges entre la structure et l’équipe Ansa · {aboutOf(t)}</>} trail={[{ href: '/messages', label: 'Messages' }]}>
          <ThreadPanel threadId={t.threadId} title="Messages" />
        </Page>
      )}
    </Loaded>
  );
}
