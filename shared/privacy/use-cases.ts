import type { z } from 'zod';
import type { Principal } from '../access/principal';
import { applicationKeys } from '../applications/repository';
import type { Db } from '../db/client';
import { queryAll } from '../db/pagination';
import { auditKeys, commit, type Write } from '../db/transact';
import { forbidden, notFound } from '../errors';
import { essaimeKeys, getEssaimeWithParticipants } from '../essaimes/repository';
import type { Participant } from '../essaimes/schemas';
import { loadUser, userKeys } from '../identity/repository';
import type { Deps } from '../runtime';
import { trainingKeys } from '../training/repository';
import { tutoringKeys } from '../tutoring/repository';
import { listPersonRefs, type PersonRef } from './person-refs';
import { anonymousEmail, itemHolds, needlesOf, scrubItem } from './rules';
import type { erasureBody } from './schemas';

/**
 * Export and erasure of one person's data (GDPR articles 15 and 17) for a participant of an essaimé or a
 * user (referent, tutor, staff). The person's own record is anonymised, not deleted, so counts and the
 * dashboards (aggregates of reports, which hold no personal data) stay as they are. Copies of their name
 * and email are found in targeted places, never by scanning: the partitions tied to the person (their
 * essaimé, its training file and application, their user partition), the audit entries about them or made
 * by them, the messages sent to them, and the personal-data index (shared/privacy/person-refs.ts).
 */
type Source =
  | { kind: 'partition'; pk: string }
  | { kind: 'index'; index: 'gsi1' | 'gsi2' | 'gsi3'; pk: string };

const sourcePk = (s: Source) => (s.kind === 'partition' ? s.pk : `${s.index}:${s.pk}`);

async function itemsOf(db: Db, source: Source): Promise<Record<string, unknown>[]> {
  if (source.kind === 'partition') {
    return queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': source.pk } });
  }
  return queryAll(db, {
    IndexName: source.index,
    KeyConditionExpression: `${source.index}pk = :pk`,
    ExpressionAttributeValues: { ':pk': source.pk },
  });
}

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
    const items = await queryAll(db, {
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': ref.targetPk, ':sk': ref.targetSk },
    });
    for (const item of items) found.set(`${item.pk}|${item.sk}`, item);
  }
  return found;
}

export interface PersonalDataExport {
  person: PersonRef;
  exportedAt: string;
  /** The person's own record. */
  record: Record<string, unknown>;
  /** Every other item that holds their name or email, or points at them. */
  copies: { entityType: string; key: { pk: string; sk: string }; data: Record<string, unknown> }[];
}

const KEY_ATTRS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']);
const dataOf = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.has(k)));

function buildExport(person: PersonRef, own: Record<string, unknown>, items: Map<string, Record<string, unknown>>, needles: string[], now: Date, pointsAt: (item: Record<string, unknown>) => boolean): PersonalDataExport {
  const ownKey = `${own.pk}|${own.sk}`;
  return {
    person,
    exportedAt: now.toISOString(),
    record: dataOf(own),
    copies: [...items.entries()]
      .filter(([key, item]) => key !== ownKey && (itemHolds(item, needles) || pointsAt(item)))
      .map(([, item]) => ({ entityType: String(item.type ?? 'unknown'), key: { pk: String(item.pk), sk: String(item.sk) }, data: dataOf(item) })),
  };
}

// ---------------------------------------------------------------- participants

async function participantContext(deps: Deps, essaimeId: string, participantId: string) {
  const { essaime, participants } = await getEssaimeWithParticipants(deps.db, essaimeId);
  const participant = participants.find((p) => p.participantId === participantId);
  if (!essaime || !participant) throw notFound('Participant');
  const person: PersonRef = { kind: 'participant', id: participantId };
  const sources: Source[] = [
    { kind: 'partition', pk: essaimeKeys.essaime(essaimeId).pk },
    { kind: 'partition', pk: trainingKeys.progress(essaimeId).pk },
    { kind: 'partition', pk: auditKeys('participant', participantId).pk },
    { kind: 'partition', pk: auditKeys('essaime', essaimeId).pk },
    { kind: 'index', index: 'gsi2', pk: `OUTBOXTO#${participantId}` },
    ...(essaime.applicationId
      ? [
          { kind: 'partition' as const, pk: applicationKeys.application(essaime.applicationId).pk },
          { kind: 'partition' as const, pk: auditKeys('application', essaime.applicationId).pk },
        ]
      : []),
  ];
  const items = await collect(deps.db, sources, person);
  const own = items.get(`${essaimeKeys.participant(essaimeId, participantId).pk}|${essaimeKeys.participant(essaimeId, participantId).sk}`)!;
  return { essaime, participant, person, items, own, needles: needlesOf(participant) };
}

export async function exportParticipantData(deps: Deps, essaimeId: string, participantId: string): Promise<PersonalDataExport> {
  const ctx = await participantContext(deps, essaimeId, participantId);
  return buildExport(ctx.person, ctx.own, ctx.items, ctx.needles, deps.now(), (item) => JSON.stringify(dataOf(item)).includes(participantId));
}

export interface ErasureResult {
  person: PersonRef;
  alreadyErased: boolean;
  /** Items rewritten besides the person's own record. */
  scrubbed: number;
  /** Items holding the data in a key attribute, which cannot be rewritten in place (expected: none). */
  notScrubbable: { pk: string; sk: string; attributes: string[] }[];
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
    const versioned = typeof item.version === 'number';
    writes.push({
      item: {
        Put: {
          TableName: deps.db.tableName,
          Item: next,
          ConditionExpression: versioned ? 'attribute_exists(pk) AND version = :v' : 'attribute_exists(pk)',
          ...(versioned ? { ExpressionAttributeValues: { ':v': item.version } } : {}),
        },
      },
    });
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
  if (ctx.own.erasedAt) {
    return { person: ctx.person, alreadyErased: true, scrubbed: 0, notScrubbable: [] };
  }
  const ownKey = `${ctx.own.pk}|${ctx.own.sk}`;
  const { scrubbed, notScrubbable } = await scrubCopies(deps, actor, ctx.person, ctx.items, ownKey, ctx.needles);
  const now = deps.now().toISOString();
  const anonymised: Participant & { erasedAt: string } = {
    ...(dataOf(ctx.own) as unknown as Participant),
    name: 'Personne effacée',
    email: anonymousEmail(participantId),
    erasedAt: now,
  };
  const { item: rest } = scrubItem(ctx.own, ctx.needles);
  await commit(deps.db, actor, [
    { item: { Put: { TableName: deps.db.tableName, Item: { ...rest, ...anonymised }, ConditionExpression: 'attribute_exists(pk)' } } },
  ], [{ action: 'privacy.erased', entityType: 'participant', entityId: participantId, changes: { essaimeId, requestedOn: input.requestedOn, channel: input.channel, copies: scrubbed } }], deps.now());
  return { person: ctx.person, alreadyErased: false, scrubbed, notScrubbable };
}

// ---------------------------------------------------------------- users

async function userContext(deps: Deps, userId: string) {
  const { profile } = await loadUser(deps.db, userId);
  if (!profile) throw notFound('User');
  const person: PersonRef = { kind: 'user', id: userId };
  const applications = await queryAll(deps.db, {
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk',
    ExpressionAttributeValues: { ':pk': applicationKeys.ofApplicant(userId) },
  });
  const applicationIds = [...new Set(applications.map((a) => String(a.applicationId ?? '')).filter(Boolean))];
  const sources: Source[] = [
    { kind: 'partition', pk: userKeys.profile(userId).pk },
    { kind: 'partition', pk: tutoringKeys.tutor(userId).pk },
    { kind: 'partition', pk: auditKeys('user', userId).pk },
    { kind: 'index', index: 'gsi2', pk: `AUDITACTOR#${userId}` },
    { kind: 'index', index: 'gsi2', pk: `OUTBOXTO#${userId}` },
    ...applicationIds.flatMap((id) => [
      { kind: 'partition' as const, pk: applicationKeys.application(id).pk },
      { kind: 'partition' as const, pk: auditKeys('application', id).pk },
    ]),
  ];
  const items = await collect(deps.db, sources, person);
  const own = items.get(`${userKeys.profile(userId).pk}|${userKeys.profile(userId).sk}`)!;
  return { profile, person, items, own, needles: needlesOf({ name: profile.displayName, email: profile.email }) };
}

/** Staff export anyone's data; every user may export their own. */
export async function exportUserData(deps: Deps, principal: Principal, userId: string): Promise<PersonalDataExport> {
  if (principal.role !== 'staff' && principal.userId !== userId) throw forbidden('NOT_YOUR_DATA', 'You may export only your own data');
  const ctx = await userContext(deps, userId);
  return buildExport(ctx.person, ctx.own, ctx.items, ctx.needles, deps.now(), (item) => item.recipientUserId === userId || item.actorId === userId || item.userId === userId);
}

/**
 * Erases a user's name and email everywhere they were copied, then anonymises their profile. Their id
 * stays (it names nobody): audit entries keep who did what, memberships and assignments keep working.
 * The identity provider's account (Cognito in AWS) is deleted separately.
 */
export async function eraseUser(deps: Deps, actor: Principal, userId: string, input: z.output<typeof erasureBody>): Promise<ErasureResult> {
  const ctx = await userContext(deps, userId);
  if (ctx.own.erasedAt) return { person: ctx.person, alreadyErased: true, scrubbed: 0, notScrubbable: [] };
  const ownKey = `${ctx.own.pk}|${ctx.own.sk}`;
  const { scrubbed, notScrubbable } = await scrubCopies(deps, actor, ctx.person, ctx.items, ownKey, ctx.needles);
  const { item: rest } = scrubItem(ctx.own, ctx.needles);
  await commit(deps.db, actor, [
    {
      item: {
        Put: {
          TableName: deps.db.tableName,
          Item: { ...rest, displayName: 'Utilisateur effacé', email: anonymousEmail(userId), erasedAt: deps.now().toISOString() },
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    },
  ], [{ action: 'privacy.erased', entityType: 'user', entityId: userId, changes: { requestedOn: input.requestedOn, channel: input.channel, copies: scrubbed } }], deps.now());
  return { person: ctx.person, alreadyErased: false, scrubbed, notScrubbable };
}
