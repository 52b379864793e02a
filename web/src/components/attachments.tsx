import { useRef, useState } from 'preact/hooks';
import type { AcceptedContentType } from '../../../shared/attachments/rules';
import type { AttachmentView, DownloadLink, UploadTicket } from '../../../shared/attachments/schemas';
import { ApiError, del, get, post, type Page } from '../api/client';
import { useApi } from '../hooks';
import { messageOf } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';

/**
 * Documents of a record: the list with download links, and (when the record can still change) an upload
 * field: drag or choose a file, checked here for type and size, hashed (SHA-256), sent to its presigned URL
 * with a progress bar, then checked again by the server. Errors stay at the field, in French.
 */

/** The record the documents belong to, as the API names it (`kind` and its ids; `pieces: 'dossier'` lists only an application's own pieces). */
export type AttachmentParentRef = Record<string, string>;

const maxBytes = 10 * 1024 * 1024;

/** The types the API accepts (shared/attachments/rules.ts), with what the file picker proposes. */
const accepted: { contentType: AcceptedContentType; extensions: string[] }[] = [
  { contentType: 'application/pdf', extensions: ['.pdf'] },
  { contentType: 'image/png', extensions: ['.png'] },
  { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'] },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'] },
  { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'] },
  { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['.ods'] },
  { contentType: 'application/msword', extensions: ['.doc'] },
  { contentType: 'application/vnd.ms-excel', extensions: ['.xls'] },
];
const acceptAttribute = accepted.flatMap((a) => a.extensions).join(',');

/** Browsers give some files no type, or a generic one: the extension decides then. */
function contentTypeOf(file: File): AcceptedContentType | undefined {
  const byType = accepted.find((a) => a.contentType === file.type);
  const name = file.name.toLowerCase();
  const byName = accepted.find((a) => a.extensions.some((ext) => name.endsWith(ext)));
  return byType && byName?.contentType === byType.contentType ? byType.contentType : byName?.contentType;
}

export const formatSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} Ko` : `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** PUT with upload progress (fetch reports none). */
function putWithProgress(ticket: UploadTicket['upload'], file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', ticket.url);
    for (const [name, value] of Object.entries(ticket.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, 'NETWORK_ERROR', 'Upload refused')));
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'Network error'));
    xhr.send(file);
  });
}

async function openDocument(attachmentId: string): Promise<void> {
  const link = await get<DownloadLink>(`/attachments/${attachmentId}/download`);
  const a = document.createElement('a');
  a.href = link.url;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export function Attachments(props: {
  parent: AttachmentParentRef;
  label: string;
  editable?: boolean;
  hint?: string;
  name?: string;
  /** Told the documents after each upload or removal (a form answer may name them). */
  onChange?: (documents: AttachmentView[]) => void;
}) {
  const key = JSON.stringify(props.parent);
  const list = useApi((signal) => get<Page<AttachmentView>>('/attachments', { ...props.parent, limit: 100 }, signal), [key]);
  const changed = async () => {
    list.reload();
    if (props.onChange) props.onChange((await get<Page<AttachmentView>>('/attachments', { ...props.parent, limit: 100 })).items);
  };
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = `att-${(props.name ?? key).replace(/[^a-zA-Z0-9]/g, '-')}`;

  const upload = async (file: File) => {
    setError(null);
    const contentType = contentTypeOf(file);
    if (!contentType) return setError(`« ${file.name} » : format refusé. Formats acceptés : PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, DOC, XLS.`);
    if (file.size > maxBytes) return setError(`« ${file.name} » pèse ${formatSize(file.size)} : la taille maximale est de 10 Mo.`);
    if (file.size === 0) return setError(`« ${file.name} » est vide.`);
    try {
      setProgress({ name: file.name, fraction: 0 });
      // `pieces` narrows the list only; an upload names the record itself
      const { pieces: _listFilter, ...target } = props.parent;
      const ticket = await post<UploadTicket>('/attachments', { ...target, fileName: file.name, contentType, size: file.size, sha256: await sha256Hex(file) });
      await putWithProgress(ticket.upload, file, (fraction) => setProgress({ name: file.name, fraction }));
      await post<AttachmentView>(`/attachments/${ticket.attachment.attachmentId}/confirm`);
      await changed();
    } catch (e) {
      setError(`« ${file.name} » : ${messageOf(e)}`);
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };
  const remove = async (doc: AttachmentView) => {
    setError(null);
    try {
      await del(`/attachments/${doc.attachmentId}`);
      await changed();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const open = async (doc: AttachmentView) => {
    setError(null);
    try {
      await openDocument(doc.attachmentId);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const docs = list.data?.items ?? [];
  return (
    <div class={`field attachments${error ? ' field-error' : ''}`} data-attachments={props.name ?? key}>
      <p class="attachments-label" id={`${id}-label`}>
        {props.label}
      </p>
      {props.hint && <p class="hint">{props.hint}</p>}
      {list.error ? (
        <p class="field-message">{messageOf(list.error)}</p>
      ) : docs.length === 0 ? (
        <p class="hint">{list.loading ? 'Chargement des pièces…' : 'Aucune pièce jointe.'}</p>
      ) : (
        <ul class="attachment-list" aria-labelledby={`${id}-label`}>
          {docs.map((doc) => (
            <li key={doc.attachmentId}>
              <button type="button" class="button link" onClick={() => void open(doc)}>
                {doc.fileName}
              </button>{' '}
              <span class="hint">
                ({formatSize(doc.size)}, déposé le {formatDateTime(doc.confirmedAt ?? doc.createdAt)})
              </span>
              {props.editable && (
                <button type="button" class="button small secondary" onClick={() => void remove(doc)} aria-label={`Supprimer ${doc.fileName}`}>
                  Supprimer
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && (
        // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the accessible way
        <div
          class={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer?.files[0];
            if (file) void upload(file);
          }}
        >
          <label for={id}>Déposez un fichier ici ou choisissez-le (PDF, image, document bureautique ; 10 Mo au plus)</label>
          <input
            ref={input}
            id={id}
            type="file"
            accept={acceptAttribute}
            disabled={progress !== null}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) void upload(file);
            }}
          />
        </div>
      )}
      {progress && (
        <div class="progress" role="status" aria-live="polite">
          <span class="progress-label">Envoi de « {progress.name} »</span>
          <progress max={1} value={progress.fraction}>
            {Math.round(progress.fraction * 100)} %
          </progress>
        </div>
      )}
      {error && (
        <p class="field-message" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
