import type { z } from 'zod/mini';
import { personRefWriteFor } from '../db/person-refs';
import { assertAssignedTutor } from '../access/policy';
import type { Principal } from '../access/principal';
import type { Page, PageQuery } from '../db/pagination';
import { commit, type Write } from '../db/transact';
import { conflict, notFound, unprocessable, type ErrorDetail } from '../errors';
import { getEssaimeWithParticipants } from '../essaimes/repository';
import { getProfile } from '../identity/repository';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import {
  getGuideEntry,
  listAllMessages,
  listGuideEntries,
  putGuideEntryWrite,
  putRequestWrite,
} from './repository';
import { guideEntryEntity } from './entities';
import { readableRequest } from './requests';
import { contactDetailsIn, namesFoundIn, reviewHints, sensitiveTermsFor } from './rules';
import type { GuideEntryRecord, GuideStatus, markForGuideBody, updateGuideEntryBody } from './schemas';
import type { GuideEntryView } from './views';

/**
 * The guide d'essaimage: a tutor marks a question and its answer as worth the guide, in a short generalised
 * wording; staff review and edit the entries; the export holds only reviewed entries, grouped by axis.
 * A wording that names the structure, its territory or a person of the request is refused.
 */

const toView = ({ sensitiveTerms: _terms, ...entry }: GuideEntryRecord): GuideEntryView => entry;

/** Refuses wording that names the request's structure or people, or holds contact details. */
function assertGeneralised(fields: { question?: string; answer?: string }, terms: readonly string[]): void {
  const details: ErrorDetail[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (text === undefined) continue;
    for (const name of namesFoundIn(text, terms)) details.push({ path: `body.${field}`, message: `Contains the name « ${name} »`, code: 'NAME' });
    for (const kind of contactDetailsIn(text)) details.push({ path: `body.${field}`, message: `Contains a ${kind === 'adresse électronique' ? 'email address' : 'phone number'}`, code: 'CONTACT' });
  }
  if (details.length > 0) {
    throw unprocessable('GUIDE_WORDING_NOT_GENERALISED', 'The guide wording must not name a structure, a territory or a person, nor hold contact details', details);
  }
}

/** The tutor the request is addressed to marks it for the guide (or rewords their proposal while not yet reviewed). */
export async function markRequestForGuide(deps: Deps, actor: Principal, requestId: string, input: z.output<typeof markForGuideBody>): Promise<GuideEntryView> {
  const request = await readableRequest(deps, actor, requestId);
  assertAssignedTutor(actor, request.tutorUserId, 'Request');
  if (request.firstAnsweredAt === null) {
    throw unprocessable('NOT_ANSWERED', 'Answer the request before marking it for the guide');
  }
  const [{ essaime, participants }, referent, tutor, messages] = await Promise.all([
    getEssaimeWithParticipants(deps.db, request.essaimeId),
    getProfile(deps.db, request.referentUserId),
    getProfile(deps.db, request.tutorUserId),
    listAllMessages(deps.db, requestId),
  ]);
  const terms = sensitiveTermsFor({
    structureNames: [request.structureName, ...(essaime ? [essaime.structureName] : [])],
    placeNames: essaime ? [essaime.territory.name] : [],
    personNames: [referent?.displayName, tutor?.displayName, ...participants.map((p) => p.name)].filter((n): n is string => Boolean(n)),
  });
  assertGeneralised(input, terms);
  const hints = reviewHints([request.subject, request.text, ...messages.map((m) => m.text)].join('\n'), `${input.question}\n${input.answer}`);

  const now = deps.now().toISOString();
  const existing = request.guideEntryId ? await getGuideEntry(deps.db, request.guideEntryId) : undefined;
  if (existing && existing.status !== 'proposed') {
    throw conflict('GUIDE_ENTRY_ALREADY_REVIEWED', 'Ansa has already reviewed this guide entry; ask them for any change');
  }
  const entry: GuideEntryRecord = existing
    ? { ...existing, question: input.question, answer: input.answer, sensitiveTerms: terms, reviewHints: hints, updatedAt: now, version: existing.version + 1 }
    : {
        guideEntryId: newId('guideEntry'),
        requestId,
        seasonId: request.seasonId,
        axis: request.axis,
        question: input.question,
        answer: input.answer,
        status: 'proposed',
        proposedBy: actor.userId,
        reviewedBy: null,
        reviewedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
        sensitiveTerms: terms,
        reviewHints: hints,
      };
  const writes: Write[] = [
    putGuideEntryWrite(deps.db, entry, existing ? existing.version : null),
    // The name check keeps participants' names in sensitiveTerms: register the copies for privacy erasure.
    ...participants.map((p) => personRefWriteFor(deps.db, { kind: 'participant', id: p.participantId }, guideEntryEntity, { guideEntryId: entry.guideEntryId })),
  ];
  if (!existing) writes.push(putRequestWrite(deps.db, { ...request, guideEntryId: entry.guideEntryId, version: request.version + 1 }, request.version));
  await commit(deps.db, actor, writes, [
    { action: existing ? 'guide-entry.reworded' : 'guide-entry.proposed', entityType: 'guide-entry', entityId: entry.guideEntryId, changes: { requestId, axis: entry.axis } },
    ...(existing ? [] : [{ action: 'tutoring-request.marked-for-guide', entityType: 'tutoring-request', entityId: requestId, changes: { guideEntryId: entry.guideEntryId } }]),
  ], deps.now());
  return toView(entry);
}

export async function listSeasonGuideEntries(deps: Deps, seasonId: string, status: GuideStatus, page: PageQuery): Promise<Page<GuideEntryView>> {
  const out = await listGuideEntries(deps.db, seasonId, status, page);
  return { items: out.items.map(toView), nextCursor: out.nextCursor };
}

/** Staff review: edit the wording or the axis, and set the status (only 'reviewed' entries reach the guide). */
export async function updateGuideEntry(deps: Deps, actor: Principal, guideEntryId: string, input: z.output<typeof updateGuideEntryBody>): Promise<GuideEntryView> {
  const current = await getGuideEntry(deps.db, guideEntryId);
  if (!current) throw notFound('Guide entry');
  const { expectedVersion, ...changes } = input;
  assertGeneralised({ question: changes.question, answer: changes.answer }, current.sensitiveTerms);
  const now = deps.now().toISOString();
  const status = changes.status ?? current.status;
  const becameReviewed = status === 'reviewed' && (current.status !== 'reviewed' || changes.question !== undefined || changes.answer !== undefined || changes.axis !== undefined);
  const next: GuideEntryRecord = {
    ...current,
    question: changes.question ?? current.question,
    answer: changes.answer ?? current.answer,
    axis: changes.axis ?? current.axis,
    status,
    reviewedBy: status === 'reviewed' ? (becameReviewed ? actor.userId : current.reviewedBy) : null,
    reviewedAt: status === 'reviewed' ? (becameReviewed ? now : current.reviewedAt) : null,
    updatedAt: now,
    version: expectedVersion + 1,
  };
  await commit(deps.db, actor, [putGuideEntryWrite(deps.db, next, expectedVersion)], [
    {
      action: current.status !== status ? `guide-entry.${status}` : 'guide-entry.edited',
      entityType: 'guide-entry',
      entityId: guideEntryId,
      changes: { ...changes, fromStatus: current.status },
    },
  ], deps.now());
  return toView(next);
}
