import type { z } from 'zod/mini';
import { assertSelfOrStaff } from '../../access/policy';
import type { Principal } from '../../access/principal';
import { applicationPartition, listAllApplicationsOfApplicant } from '../../applications/repository';
import { eraseDocumentsOf, uploaderAttachmentsPartition } from '../../attachments/erasure';
import type { Db } from '../../db/client';
import { auditEntryEntity } from '../../db/entities/audit';
import { listPersonRefs, type PersonRef } from '../../db/person-refs';
import { readItemForPersonalData, readPartitionForPersonalData, rewriteForPersonalDataWrite } from '../../db/store';
import { auditKeys, commit, type Write } from '../../db/transact';
import { notFound } from '../../errors';
import { essaimePartition, getEssaimeWithParticipants, participantKey } from '../../essaimes/repository';
import { loadUser, userKeys } from '../../identity/repository';
import { outboxMessageEntity } from '../../notifications/entities';
import type { erasureBody } from './schemas';
import { participantEntity } from '../../essaimes/entities';
import { eraseEmailClaimWrites } from '../../essaimes/participants';
import type { Deps } from '../../runtime';
import { trainingFilePartition } from '../../training/repository';
import { tutoringRequestEntity } from '../../tutoring/entities';
import { threadEntity } from '../../threads/entities';
import { requestsOfTutorPartition, tutorEntryKey } from '../../tutoring/repository';
import { anonymousEmail, itemHolds, needlesOf, scrubItem } from './rules';
import { subjectView } from './subject-views';
import type { ErasureResult, PersonalDataExport } from './views';

/**
 * Export and erasure of one person's data (GDPR articles 15 and 17) for a participant of an essaimé or a
 * user (referent, tutor, staff). The person's own record is anonymised, not deleted, so counts and the
 * dashboards (aggregates of reports, which hold no personal data) stay as they are. Copies of their name
 * and email are found in targeted places, never by scanning: the partitions tied to the person (their
 * essaimé, its training file and application, their user partition), the audit entries about them or made
 * by them, the messages sent to them, and the personal-data registry (shared/db/person-refs.ts).
 *
 * A read model above the domain modules: it locates a person's items through the partition and key
 * functions the owning modules export (each derived from its entity) and the registry, then reads and
 * rewrites whole items as stored (erasure scrubs every attribute) with the store's personal-data helpers.
 */
type Source =
  | { kind: 'partition'; pk: string }
  | { kind: 'item'; key: { pk: string; sk: string } }
  | { kind: 'index'; index: 'gsi2'; pk: string };

const sourcePk = (s: Source) => (s.kind === 'partition' ? s.pk : s.kind === 'item' ? `${s.key.pk}|${s.key.sk}` : `${s.index}:${s.pk}`);

async function itemsOf(db: Db, source: Source): Promise<Record<string, unknown>[]> {
  if (source.kind === 'item') {
    const item = await readItemForPersonalData(db, source.key);
    return item ? [item] : [];
  }
  return readPartitionForPersonalData(db, source.pk, source.kind === 'index' ? source.index : undefined);
}

const messagesTo = (recipientUserId: string): Source => ({ kind: 'index', index: 'gsi2', pk: outboxMessageEntity.partition('gsi2', { recipientUserId }) });

/** Every item of the sources and of the person's index pointers, once each. */
async function collect(db: Db, sources: Source[], person: PersonRef): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(sourcePk(source))) continue;
    seen.add(sourcePk(source));
    for (const item of await itemsOf(db, source)) found.set(`${item.pk}|${item.sk}`, item);
  }
  for (const ref of await listPersonRefs(db, person)) {
    for (const item of await itemsOf(db, { kind: 'item', key: { pk: ref.targetPk, sk: ref.targetSk } })) found.set(`${item.pk}|${item.sk}`, item);
  }
  return found;
}

const KEY_ATTRS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']);
const dataOf = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.has(k)));

/**
 * The export: the person's record and every other item that holds their name or email or points at them,
 * each through the person's own view (subject-views.ts), so that staff's records about them (reviews,
 * private notes, verifications, unpublished decisions) never appear, whoever asks for the export.
 */
function buildExport(person: PersonRef, own: Record<string, unknown>, items: Map<string, Record<string, unknown>>, needles: string[], now: Date, pointsAt: (item: Record<string, unknown>) => boolean): PersonalDataExport {
  const ownKey = `${own.pk}|${own.sk}`;
  const ctx = { person, needles };
  const copies: PersonalDataExport['copies'] = [];
  for (const [key, item] of items) {
    if (key === ownKey || !(itemHolds(item, needles) || pointsAt(item))) continue;
    const entityType = String(item.type ?? 'unknown');
    const data = subjectView(entityType, dataOf(item), ctx);
    if (data) copies.push({ entityType, key: { pk: String(item.pk), sk: String(item.sk) }, data });
  }
  return { person, exportedAt: now.toISOString(), record: subjectView(String(own.type), dataOf(own), ctx) ?? {}, copies };
}

// ---------------------------------------------------------------- participants

async function participantContext(deps: Deps, essaimeId: string, participantId: string) {
  const { essaime, participants } = await getEssaimeWithParticipants(deps.db, essaimeId);
  const participant = participants.find((p) => p.participantId === participantId);
  if (!essaime || !participant) throw notFound('Participant');
  const person: PersonRef = { kind: 'participant', id: participantId };
  const sources: Source[] = [
    { kind: 'partition', pk: essaimePartition(essaimeId) },
    { kind: 'partition', pk: trainingFilePartition(essaimeId) },
    { kind: 'partition', pk: auditKeys('participant', participantId).pk },
    { kind: 'partition', pk: auditKeys('essaime', essaimeId).pk },
    messagesTo(participantId),
    ...(essaime.applicationId
      ? [
          { kind: 'partition' as const, pk: applicationPartition(essaime.applicationId) },
          { kind: 'partition' as const, pk: auditKeys('application', essaime.applicationId).pk },
        ]
      : []),
  ];
  const items = await collect(deps.db, sources, person);
  const ownKey = participantKey(essaimeId, participantId);
  const own = items.get(`${ownKey.pk}|${ownKey.sk}`)!;
  return { essaime, participant, person, items, own, needles: needlesOf(participant) };
}

export async function exportParticipantData(deps: Deps, essaimeId: string, participantId: string): Promise<PersonalDataExport> {
  const ctx = await participantContext(deps, essaimeId, participantId);
  return buildExport(ctx.person, ctx.own, ctx.items, ctx.needles, deps.now(), (item) => JSON.stringify(dataOf(item)).includes(participantId));
}

/** Rewrites the copies in transactions of at most 90 items, each with its audit entry (which names nobody). */
async function scrubCopies(deps: Deps, actor: Principal, person: PersonRef, items: Map<string, Record<string, unknown>>, ownKey: string, needles: string[]) {
  const writes: Write[] = [];
  const notScrubbable: ErasureResult['notScrubbable'] = [];
  for (const [key, item] of items) {
    if (key === ownKey) continue;
    const { item: next, changed, inKeys } = scrubItem(item, needles);
    if (inKeys.length) notScrubbable.push({ pk: String(item.pk), sk: String(item.sk), attributes: inKeys });
    if (!changed) continue;
    writes.push(rewriteForPersonalDataWrite(deps.db, next, true));
  }
  for (let i = 0; i < writes.length; i += 90) {
    const batch = writes.slice(i, i + 90);
    await commit(deps.db, actor, batch, [
      { action: 'privacy.copies-erased', entityType: person.kind, entityId: person.id, changes: { items: batch.length } },
    ], deps.now());
  }
  return { scrubbed: writes.length, notScrubbable };
}

/**
 * Erases a participant: copies first, their own record last, so that an interrupted erasure can simply be
 * run again (the record still holds what to look for). The record stays, anonymised, so the essaimé's
 * count of active participants and the training history keep adding up.
 */
export async function eraseParticipant(deps: Deps, actor: Principal, essaimeId: string, participantId: string, input: z.output<typeof erasureBody>): Promise<ErasureResult> {
  const ctx = await participantContext(deps, essaimeId, participantId);
  // The participant's schema (shared/essaimes) declares no erasure date: the anonymous address marks it (the audit keeps the date).
  if (ctx.own.erasedAt || ctx.own.email === anonymousEmail(participantId)) {
    return { person: ctx.person, alreadyErased: true, scrubbed: 0, notScrubbable: [] };
  }
  const ownKey = `${ctx.own.pk}|${ctx.own.sk}`;
  const { scrubbed, notScrubbable } = await scrubCopies(deps, actor, ctx.person, ctx.items, ownKey, ctx.needles);
  const { item: rest } = scrubItem(ctx.own, ctx.needles);
  const anonymised = { ...rest, name: 'Personne effacée', email: anonymousEmail(participantId) };
  const participant = participantEntity.parse(ctx.own);
  const claims = await eraseEmailClaimWrites(deps.db, participant, anonymised.email);
  await commit(deps.db, actor, [rewriteForPersonalDataWrite(deps.db, anonymised, false), ...claims], [{ action: 'privacy.erased', entityType: 'participant', entityId: participantId, changes: { essaimeId, requestedOn: input.requestedOn, channel: input.channel, copies: scrubbed } }], deps.now());
  return { person: ctx.person, alreadyErased: false, scrubbed, notScrubbable };
}

// ---------------------------------------------------------------- users

/**
 * The threads a user took part in: the requests they made as a referent (their structures' requests, kept
 * when made by them) and those addressed to them as a tutor; their own messages are found in the threads.
 */
async function tutoringThreadsOf(db: Db, userId: string, referentOf: string[]): Promise<Source[]> {
  const lists = await Promise.all([
    ...referentOf.map((structureId) => readPartitionForPersonalData(db, tutoringRequestEntity.partition('gsi3', { structureId }), 'gsi3')),
    ...(['open', 'closed'] as const).map((state) => readPartitionForPersonalData(db, requestsOfTutorPartition(userId, state), 'gsi1')),
  ]);
  return lists
    .flat()
    .filter((r) => r.referentUserId === userId || r.tutorUserId === userId)
    .map((r) => ({ kind: 'partition' as const, pk: String(r.pk) }));
}

/** The structure–Ansa threads a user may have written in: their applications' and their structures' (messages hold their name). */
async function ansaThreadsOf(db: Db, applicationIds: string[], structureIds: string[]): Promise<Source[]> {
  const ofStructures = await Promise.all(structureIds.map((structureId) => readPartitionForPersonalData(db, threadEntity.partition('gsi2', { structureId }), 'gsi2')));
  const threadIds = [...applicationIds, ...ofStructures.flat().map((t) => String(t.threadId))];
  return [...new Set(threadIds)].map((threadId) => ({ kind: 'partition' as const, pk: threadEntity.partition('table', { threadId }) }));
}

async function userContext(deps: Deps, userId: string) {
  const { profile, memberships } = await loadUser(deps.db, userId);
  if (!profile) throw notFound('User');
  const person: PersonRef = { kind: 'user', id: userId };
  const applications = await listAllApplicationsOfApplicant(deps.db, userId);
  const applicationIds = [...new Set(applications.map((a) => a.applicationId))];
  const sources: Source[] = [
    ...(await tutoringThreadsOf(deps.db, userId, memberships.filter((m) => m.relation === 'referent').map((m) => m.structureId))),
    ...(await ansaThreadsOf(deps.db, applicationIds, memberships.filter((m) => m.relation !== 'tutor').map((m) => m.structureId))),
    { kind: 'partition', pk: userKeys.profile(userId).pk },
    { kind: 'item', key: tutorEntryKey(userId) },
    { kind: 'partition', pk: auditKeys('user', userId).pk },
    { kind: 'index', index: 'gsi2', pk: auditEntryEntity.partition('gsi2', { actorId: userId }) },
    messagesTo(userId),
    { kind: 'index', index: 'gsi2', pk: uploaderAttachmentsPartition(userId) },
    ...applicationIds.flatMap((id) => [
      { kind: 'partition' as const, pk: applicationPartition(id) },
      { kind: 'partition' as const, pk: auditKeys('application', id).pk },
    ]),
  ];
  const items = await collect(deps.db, sources, person);
  const own = items.get(`${userKeys.profile(userId).pk}|${userKeys.profile(userId).sk}`)!;
  return { profile, person, items, own, needles: needlesOf({ name: profile.displayName, email: profile.email }) };
}

/** Staff export anyone's data, in the same view as the person's own (see subject-views.ts); every user may export their own (403 otherwise). */
export async function exportUserData(deps: Deps, principal: Principal, userId: string): Promise<PersonalDataExport> {
  assertSelfOrStaff(principal, userId);
  const ctx = await userContext(deps, userId);
  return buildExport(ctx.person, ctx.own, ctx.items, ctx.needles, deps.now(), (item) => [item.recipientUserId, item.actorId, item.userId, item.applicantUserId, item.referentUserId, item.authorUserId, item.uploadedBy].includes(userId));
}

/**
 * Erases a user's name and email everywhere they were copied, then anonymises their profile. Their id
 * stays (it names nobody): audit entries keep who did what, memberships and assignments keep working.
 * The identity provider's account (Cognito in AWS) is deleted separately.
 */
export async function eraseUser(deps: Deps, actor: Principal, userId: string, input: z.output<typeof erasureBody>): Promise<ErasureResult> {
  const ctx = await userContext(deps, userId);
  if (ctx.own.erasedAt) return { person: ctx.person, alreadyErased: true, scrubbed: 0, notScrubbable: [], documentsDeleted: 0 };
  const ownKey = `${ctx.own.pk}|${ctx.own.sk}`;
  // their documents are deleted (objects and versions), not scrubbed
  const documentsDeleted = await eraseDocumentsOf(deps, actor, userId);
  for (const [key, item] of ctx.items) if (item.type === 'Attachment') ctx.items.delete(key);
  const { scrubbed, notScrubbable } = await scrubCopies(deps, actor, ctx.person, ctx.items, ownKey, ctx.needles);
  const { item: rest } = scrubItem(ctx.own, ctx.needles);
  await commit(deps.db, actor, [
    rewriteForPersonalDataWrite(deps.db, { ...rest, displayName: 'Utilisateur effacé', email: anonymousEmail(userId), erasedAt: deps.now().toISOString() }, false),
  ], [{ action: 'privacy.erased', entityType: 'user', entityId: userId, changes: { requestedOn: input.requestedOn, channel: input.channel, copies: scrubbed, documentsDeleted } }], deps.now());
  return { person: ctx.person, alreadyErased: false, scrubbed, notScrubbable, documentsDeleted };
}
