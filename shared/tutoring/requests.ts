import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { assertFollowedRecordVisible, assertStructureVisible } from '../access/policy';
import type { Page, PageQuery } from '../db/pagination';
import { commit, type Write } from '../db/transact';
import { badRequest, conflict, DomainError, notFound, unprocessable } from '../errors';
import { getEssaimeWithParticipants } from '../essaimes/repository';
import { personRefWriteFor } from '../db/person-refs';
import type { KeyBatch } from '../db/key-batch';
import { followedNow } from './followed-now';
import { newId } from '../ids';
import { logger } from '../logger';
import { displayNameOf } from '../notifications/letter';
import { enqueueOnce, newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { overdueReminderLetter, requestCreatedLetter, requestMessageLetter } from './messages';
import {
  currentTutorOf,
  essaimeTutorUnchangedCheck,
  getRequest,
  getTutorStats,
  getTutoringSettings,
  getWorstResponse,
  listAllOverdueRequests,
  listAllTutors,
  listMessages,
  listOverdueRequests,
  listRequestsOfStructure,
  listRequestsOfTutor,
  messageWrite,
  openRequestsCountWrite,
  putRequestWrite,
  putTutoringSettingsWrite,
  statsAnsweredWrite,
  statsRatedWrite,
} from './repository';
import { tutoringMessageEntity, tutoringRequestEntity } from './entities';
import { isOverdue, minutesToHours, participantsNamedIn, reminderNumber, responseWorkingMinutes } from './rules';
import type {
  closeRequestBody,
  createRequestBody,
  listRequestsQuery,
  postMessageBody,
  TutoringMessage,
  TutoringRequest,
  TutoringSettings,
  updateSettingsBody,
} from './schemas';
import type { PostedMessageView, RequestView, ResponseTimesView, TutorResponseTimes } from './views';
import { responseDueAt } from './working-days';

/**
 * Requests from a referent to their tutor: the thread, closing with a usefulness rating, the response-time
 * target (working days, French public holidays excluded), overdue reminders and per-tutor figures.
 */


export const requestView = (request: TutoringRequest, now: Date): RequestView => ({ ...request, overdue: isOverdue(request, now) });

/**
 * A request the caller may see: staff any; the essaimé's current tutor (not the tutor it was first
 * addressed to: a released tutor loses the thread); the referent of its structure. Anyone else gets 404,
 * so that the existence of another structure's request is not revealed.
 */
export async function readableRequest(deps: Deps, principal: Principal, requestId: string): Promise<TutoringRequest> {
  const request = await getRequest(deps.db, requestId);
  if (!request) throw notFound('Request');
  const tutorUserId = principal.role === 'tutor' ? await currentTutorOf(deps.db, request.essaimeId) : request.tutorUserId;
  assertFollowedRecordVisible(principal, { structureId: request.structureId, tutorUserId }, 'Request');
  return request;
}

export async function createRequest(deps: Deps, actor: Principal, input: z.output<typeof createRequestBody>): Promise<RequestView> {
  const { essaime, participants } = await getEssaimeWithParticipants(deps.db, input.essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureVisible(actor, essaime.structureId, 'Essaimé');
  if (!essaime.tutorUserId) {
    throw unprocessable('NO_TUTOR_ASSIGNED', 'No tutor is assigned to this essaimé yet; Ansa will assign one', [
      { path: 'body.essaimeId', message: 'No tutor yet' },
    ]);
  }
  const settings = await getTutoringSettings(deps.db);
  const now = deps.now();
  const createdAt = now.toISOString();
  const request: TutoringRequest = {
    requestId: newId('tutoringRequest'),
    essaimeId: essaime.essaimeId,
    seasonId: essaime.seasonId,
    structureId: essaime.structureId,
    structureName: essaime.structureName,
    tutorUserId: essaime.tutorUserId,
    referentUserId: actor.userId,
    subject: input.subject,
    axis: input.axis,
    text: input.text,
    urgency: input.urgency,
    status: 'awaiting-answer',
    createdAt,
    dueAt: responseDueAt(now, settings.responseTarget).toISOString(),
    responseTarget: settings.responseTarget,
    firstAnsweredAt: null,
    responseWorkingMinutes: null,
    overdueSince: null,
    messageCount: 0,
    lastMessageAt: createdAt,
    lastMessageBy: 'referent',
    closedAt: null,
    rating: null,
    ratingComment: null,
    guideEntryId: null,
    version: 1,
  };
  const notice = newMessage(
    {
      dedupeKey: `tutoring-request-created:${request.requestId}`,
      kind: 'tutoring.request-created',
      recipientUserId: request.tutorUserId,
      ...requestCreatedLetter(request, await displayNameOf(deps.db, request.tutorUserId)),
      related: { entityType: 'tutoring-request', entityId: request.requestId },
    },
    now,
  );
  // Free text may name a participant: register the copy so a privacy erasure finds and scrubs it.
  const named = participantsNamedIn(`${request.subject}\n${request.text}`, participants).map((p) =>
    personRefWriteFor(deps.db, { kind: 'participant', id: p.participantId }, tutoringRequestEntity, { requestId: request.requestId }),
  );
  const writes = [putRequestWrite(deps.db, request, null), openRequestsCountWrite(deps.db, essaime.essaimeId, 1), essaimeTutorUnchangedCheck(deps.db, essaime.essaimeId, essaime.tutorUserId), outboxWrite(deps.db, notice), ...named];
  await commit(deps.db, actor, writes, [
    {
      action: 'tutoring-request.created',
      entityType: 'tutoring-request',
      entityId: request.requestId,
      changes: { essaimeId: request.essaimeId, tutorUserId: request.tutorUserId, axis: request.axis, urgency: request.urgency, dueAt: request.dueAt },
    },
  ], now);
  return requestView(request, now);
}

/**
 * Lists requests. Tutor: their own, open or closed, most urgent then newest first. Referent: their
 * structure's, newest first. Staff: by tutor, by structure, or the overdue ones.
 */
/** `batch`: the route's batch of key reads, where a tutor's list reads its essaimés with the tutor's profile. */
export async function listVisibleRequests(deps: Deps, principal: Principal, query: z.output<typeof listRequestsQuery>, batch?: KeyBatch): Promise<Page<RequestView>> {
  const page: PageQuery = { limit: query.limit, cursor: query.cursor };
  const now = deps.now();
  const view = (p: Page<TutoringRequest>) => ({ items: p.items.map((r) => requestView(r, now)), nextCursor: p.nextCursor });
  if (principal.role === 'tutor') return view(await followedNow(deps.db, principal.userId, () => listRequestsOfTutor(deps.db, principal.userId, query.state, page), batch));
  if (principal.role === 'referent') {
    if (principal.structureIds.length === 0) return { items: [], nextCursor: null };
    const structureId = query.structureId ?? (principal.structureIds.length === 1 ? principal.structureIds[0]! : undefined);
    if (!structureId) throw badRequest('STRUCTURE_REQUIRED', 'Say which of your structures', [{ path: 'query.structureId', message: 'Required' }]);
    assertStructureVisible(principal, structureId, 'Structure');
    return view(await listRequestsOfStructure(deps.db, structureId, page));
  }
  if (query.overdue === 'true') return view(await listOverdueRequests(deps.db, now, page));
  if (query.tutorUserId) return view(await listRequestsOfTutor(deps.db, query.tutorUserId, query.state, page));
  if (query.structureId) return view(await listRequestsOfStructure(deps.db, query.structureId, page));
  throw badRequest('FILTER_REQUIRED', 'Give tutorUserId, structureId or overdue=true', [{ path: 'query', message: 'A filter is required' }]);
}

export async function readRequest(deps: Deps, principal: Principal, requestId: string): Promise<RequestView> {
  return requestView(await readableRequest(deps, principal, requestId), deps.now());
}

export async function listRequestMessages(deps: Deps, principal: Principal, requestId: string, page: PageQuery): Promise<Page<TutoringMessage>> {
  await readableRequest(deps, principal, requestId);
  return listMessages(deps.db, requestId, page);
}

/**
 * A message in the thread, by the tutor the request is addressed to or by the structure's referent. The
 * tutor's first message is the first answer: it stops the response-time clock and feeds the tutor's figures.
 */
export async function postRequestMessage(
  deps: Deps,
  actor: Principal,
  requestId: string,
  input: z.output<typeof postMessageBody>,
): Promise<PostedMessageView> {
  const request = await readableRequest(deps, actor, requestId);
  if (actor.role !== 'tutor' && actor.role !== 'referent') throw notFound('Request');
  if (request.status === 'closed') throw conflict('REQUEST_CLOSED', 'The request is closed');
  const now = deps.now();
  const at = now.toISOString();
  const message: TutoringMessage = {
    messageId: newId('tutoringMessage'),
    requestId,
    authorUserId: actor.userId,
    authorRole: actor.role,
    text: input.text,
    createdAt: at,
  };
  const firstAnswer = actor.role === 'tutor' && request.firstAnsweredAt === null;
  const minutes = firstAnswer ? responseWorkingMinutes(request.createdAt, at) : request.responseWorkingMinutes;
  const next: TutoringRequest = {
    ...request,
    // The answering tutor is the essaimé's current one (readableRequest): a request a reassignment missed follows them.
    tutorUserId: actor.role === 'tutor' ? actor.userId : request.tutorUserId,
    status: firstAnswer ? 'answered' : request.status,
    firstAnsweredAt: firstAnswer ? at : request.firstAnsweredAt,
    responseWorkingMinutes: minutes,
    messageCount: request.messageCount + 1,
    lastMessageAt: at,
    lastMessageBy: actor.role,
    version: request.version + 1,
  };
  const recipient = actor.role === 'tutor' ? request.referentUserId : next.tutorUserId;
  const writes: Write[] = [
    putRequestWrite(deps.db, next, request.version),
    messageWrite(deps.db, message),
    outboxWrite(
      deps.db,
      newMessage(
        {
          dedupeKey: `tutoring-message:${message.messageId}`,
          kind: actor.role === 'tutor' ? 'tutoring.answer-posted' : 'tutoring.follow-up-posted',
          recipientUserId: recipient,
          ...requestMessageLetter(request, actor.role === 'tutor', await displayNameOf(deps.db, recipient)),
          related: { entityType: 'tutoring-request', entityId: requestId },
        },
        now,
      ),
    ),
  ];
  const { participants } = await getEssaimeWithParticipants(deps.db, request.essaimeId);
  for (const p of participantsNamedIn(message.text, participants)) {
    writes.push(personRefWriteFor(deps.db, { kind: 'participant', id: p.participantId }, tutoringMessageEntity, message));
  }
  if (firstAnswer) writes.push(statsAnsweredWrite(deps.db, next.tutorUserId, minutes ?? 0, now.getTime() <= Date.parse(request.dueAt)));
  await commit(deps.db, actor, writes, [
    {
      action: firstAnswer ? 'tutoring-request.answered' : 'tutoring-request.message-posted',
      entityType: 'tutoring-request',
      entityId: requestId,
      changes: { messageId: message.messageId, authorRole: actor.role, ...(firstAnswer ? { responseWorkingMinutes: minutes } : {}) },
    },
  ], now);
  return { ...message, request: requestView(next, now) };
}

/** The referent closes the request; once answered, they rate how useful the answer was (1–5). */
export async function closeRequest(deps: Deps, actor: Principal, requestId: string, input: z.output<typeof closeRequestBody>): Promise<RequestView> {
  const request = await readableRequest(deps, actor, requestId);
  if (request.status === 'closed') throw conflict('REQUEST_CLOSED', 'The request is already closed');
  if (request.firstAnsweredAt !== null && input.rating === undefined) {
    throw unprocessable('RATING_REQUIRED', 'Rate how useful the answer was (1 to 5)', [{ path: 'body.rating', message: 'Required once the request was answered' }]);
  }
  if (request.firstAnsweredAt === null && input.rating !== undefined) {
    throw unprocessable('NOTHING_TO_RATE', 'The request has no answer to rate', [{ path: 'body.rating', message: 'Only once answered' }]);
  }
  const now = deps.now();
  const next: TutoringRequest = {
    ...request,
    status: 'closed',
    closedAt: now.toISOString(),
    rating: input.rating ?? null,
    ratingComment: input.comment ?? null,
    version: request.version + 1,
  };
  const writes: Write[] = [putRequestWrite(deps.db, next, request.version), openRequestsCountWrite(deps.db, request.essaimeId, -1)];
  if (input.rating !== undefined) writes.push(statsRatedWrite(deps.db, request.tutorUserId, input.rating));
  await commit(deps.db, actor, writes, [
    { action: 'tutoring-request.closed', entityType: 'tutoring-request', entityId: requestId, changes: { rating: next.rating, answered: request.firstAnsweredAt !== null } },
  ], now);
  return requestView(next, now);
}

// ---------------------------------------------------------------------------------------------------------
// Response-time target and figures

export async function readTutoringSettings(deps: Deps): Promise<TutoringSettings> {
  return getTutoringSettings(deps.db);
}

/** Changes the target for requests made from now on (requests already made keep their due date). */
export async function updateTutoringSettings(deps: Deps, actor: Principal, input: z.output<typeof updateSettingsBody>): Promise<TutoringSettings> {
  const current = await getTutoringSettings(deps.db);
  const next: TutoringSettings = { responseTarget: input.responseTarget, version: input.expectedVersion + 1, updatedAt: deps.now().toISOString() };
  await commit(deps.db, actor, [putTutoringSettingsWrite(deps.db, next, input.expectedVersion)], [
    { action: 'tutoring-settings.updated', entityType: 'tutoring-settings', entityId: 'response-target', changes: { from: current.responseTarget, to: next.responseTarget } },
  ], deps.now());
  return next;
}

/**
 * Mean and worst first-answer time per tutor (working hours), share answered on target, requests overdue now
 * and mean usefulness rating. Counters are kept by the answer and close transactions; the worst is the top of
 * the tutor's response-time index; overdue ones come from the due-date index.
 */
export async function tutorResponseTimes(deps: Deps): Promise<ResponseTimesView> {
  const now = deps.now();
  const [tutors, settings, overdue] = await Promise.all([listAllTutors(deps.db), getTutoringSettings(deps.db), listAllOverdueRequests(deps.db, now)]);
  const items = await Promise.all(
    tutors.map(async (tutor): Promise<TutorResponseTimes> => {
      const [stats, worst] = await Promise.all([getTutorStats(deps.db, tutor.userId), getWorstResponse(deps.db, tutor.userId)]);
      return {
        tutorUserId: tutor.userId,
        displayName: tutor.displayName,
        answeredCount: stats.answeredCount,
        meanResponseWorkingHours: stats.answeredCount > 0 ? minutesToHours(stats.responseMinutesTotal / stats.answeredCount) : null,
        worstResponseWorkingHours: worst?.responseWorkingMinutes != null ? minutesToHours(worst.responseWorkingMinutes) : null,
        worstRequestId: worst?.requestId ?? null,
        onTargetRate: stats.answeredCount > 0 ? Math.round((stats.onTargetCount / stats.answeredCount) * 100) / 100 : null,
        overdueNow: overdue.filter((r) => r.tutorUserId === tutor.userId).length,
        meanUsefulness: stats.ratingCount > 0 ? Math.round((stats.ratingTotal / stats.ratingCount) * 10) / 10 : null,
      };
    }),
  );
  return { responseTarget: settings.responseTarget, items };
}

// ---------------------------------------------------------------------------------------------------------
// Overdue reminders (scheduled job)

const jobActor = { userId: 'system-job', role: 'staff' as const };

/**
 * Flags requests past their first-answer target and queues a reminder to the tutor for each working day
 * overdue. Idempotent: the flag is written once (conditional on the version read), and each reminder's dedupe
 * key is (request, reminder number), so running the job twice queues nothing new.
 */
export async function runOverdueReminders(deps: Deps): Promise<{ overdue: number; flagged: number; remindersQueued: number }> {
  const now = deps.now();
  const overdue = await listAllOverdueRequests(deps.db, now);
  let flagged = 0;
  let remindersQueued = 0;
  for (const listed of overdue) {
    // The index is eventually consistent: re-read the request before acting on it.
    const request = await getRequest(deps.db, listed.requestId);
    if (!request || !isOverdue(request, now)) continue;
    const n = reminderNumber(request.dueAt, now);
    const reminder = newMessage(
      {
        dedupeKey: `tutoring-overdue:${request.requestId}:${n}`,
        kind: 'tutoring.overdue-reminder',
        recipientUserId: request.tutorUserId,
        ...overdueReminderLetter(request, n, await displayNameOf(deps.db, request.tutorUserId)),
        related: { entityType: 'tutoring-request', entityId: request.requestId },
      },
      now,
    );
    if (request.overdueSince === null) {
      try {
        await commit(deps.db, jobActor, [putRequestWrite(deps.db, { ...request, overdueSince: now.toISOString(), version: request.version + 1 }, request.version), outboxWrite(deps.db, reminder)], [
          { action: 'tutoring-request.flagged-overdue', entityType: 'tutoring-request', entityId: request.requestId, changes: { dueAt: request.dueAt, reminder: n } },
        ], now);
        flagged += 1;
        remindersQueued += 1;
      } catch (error) {
        // Answered, closed or flagged by a concurrent run meanwhile: nothing to do for it now.
        if (!(error instanceof DomainError)) throw error;
        logger.info('Overdue flag skipped', { code: error.code });
      }
    } else if (await enqueueOnce(deps.db, reminder)) {
      remindersQueued += 1;
    }
  }
  return { overdue: overdue.length, flagged, remindersQueued };
}
