import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { assertFollowedRecordVisible, assertSelfOrStaff } from '../access/policy';
import type { Page, PageQuery } from '../db/pagination';
import { commitGroups, type Group } from '../db/commit-groups';
import { commit, type AuditEntry, type Write } from '../db/transact';
import { conflict, notFound, unprocessable } from '../errors';
import { essaimeNeedsWrite, essaimeTutorWrite, getEssaime, listAllEssaimesOfSeason } from '../essaimes/repository';
import type { Essaime, Need } from '../essaimes/schemas';
import { deleteMembershipWrite, getProfile, loadUser, putMembershipWrite } from '../identity/repository';
import { newId } from '../ids';
import { displayNameOf } from '../notifications/letter';
import { newMessage, outboxWrite } from '../notifications/outbox';
import type { Deps } from '../runtime';
import { getSeason } from '../seasons/repository';
import { requestsClosedLetter, tutorAssignedLetter } from './messages';
import { planAssignments, rankTutors, suggestTutors, spareCapacity, type MatchEssaime, type MatchTutor } from './matching';
import {
  assignmentEventWrite,
  createTutorWrite,
  decrementLoadWrite,
  deleteCurrentAssignmentWrite,
  getCurrentAssignment,
  getRequest,
  getTutor,
  incrementLoadWrite,
  listAllAssignmentsOfTutor,
  listAllTutors,
  listAssignmentHistory,
  listAssignmentsOfTutor,
  listOpenRequestsOfEssaime,
  putCurrentAssignmentWrite,
  putRequestWrite,
  updateTutorWrite,
} from './repository';
import type {
  AssignmentEvent,
  AssignmentKind,
  assignTutorBody,
  createTutorBody,
  CurrentAssignment,
  Tutor,
  TutoringRequest,
  updateNeedsBody,
  updateTutorBody,
} from './schemas';
import type { SeasonSuggestions, TutorAssignmentView, TutoringEssaimeView } from './views';

/**
 * Tutor directory, essaimés' declared needs, tutor suggestions and assignments. Staff run all of it; a tutor
 * reads their own directory entry and the essaimés assigned to them.
 */

// ---------------------------------------------------------------------------------------------------------
// Directory

export async function createTutor(deps: Deps, actor: Principal, input: z.output<typeof createTutorBody>): Promise<Tutor> {
  const profile = await getProfile(deps.db, input.userId);
  if (profile?.role !== 'tutor') {
    throw unprocessable('NOT_A_TUTOR', 'Only a user with the tutor role can be listed in the tutor directory', [
      { path: 'body.userId', message: 'Not a user with the tutor role' },
    ]);
  }
  const now = deps.now().toISOString();
  const tutor: Tutor = {
    userId: input.userId,
    displayName: profile.displayName,
    organisation: profile.organisation,
    expertise: input.expertise,
    capacity: input.capacity,
    load: 0,
    available: input.available,
    availabilityNote: input.availabilityNote,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await commit(deps.db, actor, [createTutorWrite(deps.db, tutor)], [
    { action: 'tutor.created', entityType: 'tutor', entityId: tutor.userId, changes: { expertise: tutor.expertise, capacity: tutor.capacity, available: tutor.available } },
  ], deps.now());
  return tutor;
}

export async function updateTutor(deps: Deps, actor: Principal, userId: string, input: z.output<typeof updateTutorBody>): Promise<Tutor> {
  const current = await getTutor(deps.db, userId);
  if (!current) throw notFound('Tutor');
  const { expectedVersion, ...changes } = input;
  if (changes.capacity !== undefined && changes.capacity < current.load) {
    throw unprocessable('CAPACITY_BELOW_LOAD', `The tutor already follows ${current.load} essaimés; reassign some before lowering the capacity`, [
      { path: 'body.capacity', message: `At least ${current.load}` },
    ]);
  }
  await commit(deps.db, actor, [updateTutorWrite(deps.db, userId, changes, expectedVersion, deps.now().toISOString())], [
    { action: 'tutor.updated', entityType: 'tutor', entityId: userId, changes },
  ], deps.now());
  const updated = await getTutor(deps.db, userId);
  if (!updated) throw notFound('Tutor');
  return updated;
}

/** Staff read any entry; a tutor reads only their own. */
export async function readTutor(deps: Deps, principal: Principal, userId: string): Promise<Tutor> {
  assertSelfOrStaff(principal, userId);
  const tutor = await getTutor(deps.db, userId);
  if (!tutor) throw notFound('Tutor');
  return tutor;
}

/** The essaimés assigned to a tutor: staff, or the tutor themself. */
export async function listTutorEssaimes(deps: Deps, principal: Principal, userId: string, page: PageQuery): Promise<Page<CurrentAssignment>> {
  assertSelfOrStaff(principal, userId);
  return listAssignmentsOfTutor(deps.db, userId, page);
}

// ---------------------------------------------------------------------------------------------------------
// Needs and the tutoring view of an essaimé

export async function updateEssaimeNeeds(deps: Deps, actor: Principal, essaimeId: string, input: z.output<typeof updateNeedsBody>): Promise<TutoringEssaimeView> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  const needs: Need[] = input.needs;
  await commit(deps.db, actor, [essaimeNeedsWrite(deps.db, essaimeId, needs, input.expectedVersion)], [
    { action: 'essaime.needs-updated', entityType: 'essaime', entityId: essaimeId, changes: { needs } },
  ], deps.now());
  return tutoringEssaimeView(deps, { ...essaime, needs, version: input.expectedVersion + 1 });
}

/**
 * The essaimé as tutoring sees it: structure, territory, needs and tutor. Staff: any; referent: their
 * structure's; tutor: only an essaimé currently assigned to them (else 404).
 */
export async function readTutoringEssaime(deps: Deps, principal: Principal, essaimeId: string): Promise<TutoringEssaimeView> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertFollowedRecordVisible(principal, essaime, 'Essaimé');
  return tutoringEssaimeView(deps, essaime);
}

async function tutoringEssaimeView(deps: Deps, essaime: Essaime): Promise<TutoringEssaimeView> {
  const tutorProfile = essaime.tutorUserId ? await getProfile(deps.db, essaime.tutorUserId) : undefined;
  return {
    essaimeId: essaime.essaimeId,
    seasonId: essaime.seasonId,
    structureId: essaime.structureId,
    structureName: essaime.structureName,
    territory: essaime.territory,
    hypothesis: essaime.hypothesis,
    needs: essaime.needs,
    tutor: essaime.tutorUserId ? { userId: essaime.tutorUserId, displayName: tutorProfile?.displayName ?? null } : null,
    version: essaime.version,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Suggestions

const toMatchTutor = (t: Tutor): MatchTutor => ({
  tutorUserId: t.userId,
  displayName: t.displayName,
  expertise: t.expertise,
  capacity: t.capacity,
  load: t.load,
  available: t.available,
});

const toMatchEssaime = (e: Essaime): MatchEssaime => ({
  essaimeId: e.essaimeId,
  needs: e.needs.map((n) => ({ axis: n.axis, priority: n.priority })),
  tutorUserId: e.tutorUserId,
});

/** For each essaimé of the season: the best tutors (score and reasons) and, for those without one, the proposal. */
export async function suggestSeasonTutors(deps: Deps, seasonId: string): Promise<SeasonSuggestions> {
  const season = await getSeason(deps.db, seasonId);
  if (!season) throw notFound('Season');
  const [essaimes, tutors] = await Promise.all([listAllEssaimesOfSeason(deps.db, seasonId), listAllTutors(deps.db)]);
  const matchTutors = tutors.map(toMatchTutor);
  const suggestions = suggestTutors(essaimes.map(toMatchEssaime), matchTutors);
  const names = new Map(tutors.map((t) => [t.userId, t.displayName]));
  return {
    seasonId,
    essaimeCount: essaimes.length,
    withoutTutor: essaimes.filter((e) => e.tutorUserId === null).length,
    spareCapacity: matchTutors.reduce((sum, t) => sum + spareCapacity(t), 0),
    items: suggestions.map((s) => {
      const essaime = essaimes.find((e) => e.essaimeId === s.essaimeId)!;
      const proposal = s.proposedTutorUserId
        ? (rankTutors(toMatchEssaime(essaime), matchTutors).find((c) => c.tutorUserId === s.proposedTutorUserId) ?? null)
        : null;
      return {
        essaimeId: s.essaimeId,
        structureName: essaime.structureName,
        needs: essaime.needs,
        currentTutor: s.currentTutorUserId ? { userId: s.currentTutorUserId, displayName: names.get(s.currentTutorUserId) ?? null } : null,
        proposal,
        candidates: s.candidates,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Assignment

/**
 * Gives the essaimé a tutor: confirms the proposal, overrides it with another tutor, or reassigns an essaimé
 * that already has one. One transaction: the essaimé's tutor (conditioned on the tutor read), the new tutor's
 * load (conditioned on load < capacity, so no tutor ever exceeds capacity, even under concurrent requests),
 * the previous tutor's load, the tutor memberships (so each tutor's principal follows), the current
 * assignment and its history, a message to the tutor, and the audit entries.
 */
export async function assignTutor(
  deps: Deps,
  actor: Principal,
  essaimeId: string,
  input: z.output<typeof assignTutorBody>,
): Promise<TutorAssignmentView> {
  const { db } = deps;
  const essaime = await getEssaime(db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  const tutor = await getTutor(db, input.tutorUserId);
  if (!tutor) {
    throw unprocessable('TUTOR_NOT_IN_DIRECTORY', 'This user is not in the tutor directory', [{ path: 'body.tutorUserId', message: 'Unknown tutor' }]);
  }
  if (!tutor.available) {
    throw unprocessable('TUTOR_UNAVAILABLE', 'This tutor is marked unavailable', [{ path: 'body.tutorUserId', message: 'Unavailable' }]);
  }
  const current = await getCurrentAssignment(db, essaimeId);
  if (current && current.tutorUserId === tutor.userId) throw conflict('ALREADY_ASSIGNED', 'This tutor is already assigned to the essaimé');
  if (tutor.load >= tutor.capacity) {
    throw conflict('TUTOR_AT_CAPACITY', 'The tutor has no capacity left (or is no longer available)', [{ path: 'body.tutorUserId', message: 'At capacity' }]);
  }

  // The tutor recorded on the essaimé; without a tracked assignment it was set outside this module (seed).
  const previous = essaime.tutorUserId;
  const reassigning = previous !== null && previous !== tutor.userId;

  // How this decision relates to the suggestions, for the history.
  const [seasonEssaimes, tutors] = await Promise.all([listAllEssaimesOfSeason(db, essaime.seasonId), listAllTutors(db)]);
  const matchTutors = tutors.map(toMatchTutor);
  const asOpen = seasonEssaimes.map((e) => (e.essaimeId === essaimeId ? { ...toMatchEssaime(e), tutorUserId: null } : toMatchEssaime(e)));
  const proposed = planAssignments(asOpen, matchTutors).get(essaimeId) ?? null;
  const ranked = rankTutors(toMatchEssaime(essaime), matchTutors);
  const kind: AssignmentKind = reassigning ? 'reassigned' : proposed === tutor.userId || ranked[0]?.tutorUserId === tutor.userId ? 'confirmed' : 'overridden';
  const score = ranked.find((c) => c.tutorUserId === tutor.userId)?.score ?? null;

  const at = deps.now().toISOString();
  const assignmentId = newId('tutorAssignment');
  const event: AssignmentEvent = {
    assignmentId,
    essaimeId,
    kind,
    tutorUserId: tutor.userId,
    previousTutorUserId: previous,
    proposedTutorUserId: proposed,
    score,
    reason: input.reason ?? '',
    decidedBy: actor.userId,
    at,
  };
  const next: CurrentAssignment = {
    essaimeId,
    seasonId: essaime.seasonId,
    structureId: essaime.structureId,
    structureName: essaime.structureName,
    tutorUserId: tutor.userId,
    since: at,
    assignmentId,
  };

  const writes: Write[] = [
    essaimeTutorWrite(db, essaimeId, previous, tutor.userId),
    incrementLoadWrite(db, tutor.userId),
    putCurrentAssignmentWrite(db, next, current?.assignmentId ?? null),
    assignmentEventWrite(db, event),
  ];
  const audit: AuditEntry[] = [
    { action: `tutor-assignment.${kind}`, entityType: 'essaime', entityId: essaimeId, changes: { tutorUserId: tutor.userId, previousTutorUserId: previous, proposedTutorUserId: proposed, score, reason: event.reason } },
    { action: 'tutor.essaime-assigned', entityType: 'tutor', entityId: tutor.userId, changes: { essaimeId, loadBefore: tutor.load } },
  ];

  // Membership of the new tutor on the structure (already there if they follow another season of it).
  const newTutorMemberships = (await loadUser(db, tutor.userId)).memberships;
  if (!newTutorMemberships.some((m) => m.structureId === essaime.structureId)) {
    writes.push({
      ...putMembershipWrite(db, { userId: tutor.userId, structureId: essaime.structureId, structureName: essaime.structureName, relation: 'tutor', since: at }),
      onConditionFailed: conflict('TRANSACTION_CONFLICT', 'Another change touched the same records; retry'),
    });
  }
  if (reassigning) {
    writes.push(...(await releaseWrites(deps, previous, essaime, current)));
    audit.push({ action: 'tutor.essaime-unassigned', entityType: 'tutor', entityId: previous, changes: { essaimeId, reassignedTo: tutor.userId } });
  }
  writes.push(
    outboxWrite(
      db,
      newMessage(
        {
          dedupeKey: `tutor-assigned:${assignmentId}`,
          kind: 'tutoring.tutor-assigned',
          recipientUserId: tutor.userId,
          ...tutorAssignedLetter(essaime.structureName, essaime.territory.name, tutor.displayName),
          related: { entityType: 'essaime', entityId: essaimeId },
        },
        deps.now(),
      ),
    ),
  );

  const moved = await openRequestGroups(deps, essaime, tutor.userId, at);
  await commitGroups(db, actor, [{ writes, audit }, ...moved.groups], deps.now);
  return assignmentView(event, { ...essaime, tutorUserId: tutor.userId, version: essaime.version + 1 });
}

/** The decision with the essaimé as it is after it. */
function assignmentView(event: AssignmentEvent, essaime: Essaime): TutorAssignmentView {
  const { essaimeId, seasonId, structureId, structureName, tutorUserId, version } = essaime;
  return { ...event, essaime: { essaimeId, seasonId, structureId, structureName, tutorUserId, version } };
}

/** Writes that take the essaimé away from its previous tutor: load (if tracked) and membership (if no other essaimé of the structure). */
async function releaseWrites(deps: Deps, previous: string, essaime: Essaime, current: CurrentAssignment | undefined): Promise<Write[]> {
  const { db } = deps;
  const writes: Write[] = [];
  if (current) writes.push(decrementLoadWrite(db, previous));
  const [assignments, { memberships }] = await Promise.all([listAllAssignmentsOfTutor(db, previous), loadUser(db, previous)]);
  const others = assignments.filter((a) => a.essaimeId !== essaime.essaimeId && a.structureId === essaime.structureId);
  if (others.length === 0 && memberships.some((m) => m.structureId === essaime.structureId && m.relation === 'tutor')) {
    writes.push({ ...deleteMembershipWrite(db, previous, essaime.structureId), onConditionFailed: conflict('TRANSACTION_CONFLICT', 'Another change touched the same records; retry') });
  }
  return writes;
}

/**
 * The essaimé's open requests follow its assignment: re-addressed to the new tutor, or closed when the tutor
 * is released with no successor (the referent asks the next tutor anew). Messages stay; each request keeps
 * its audit entry. Heads are re-read strongly (the structure index may lag) and written at the version
 * read, so a message posted meanwhile makes the change fail whole (STALE_VERSION) rather than lose it.
 * Packed after the assignment's own writes (commitGroups): a refused assignment writes nothing.
 */
async function openRequestGroups(deps: Deps, essaime: Essaime, to: string | null, at: string): Promise<{ groups: Group[]; requests: TutoringRequest[] }> {
  const listed = await listOpenRequestsOfEssaime(deps.db, essaime.structureId, essaime.essaimeId);
  const heads = await Promise.all(listed.map((r) => getRequest(deps.db, r.requestId)));
  const requests = heads.filter((r): r is TutoringRequest => r !== undefined && r.status !== 'closed' && (to === null || r.tutorUserId !== to));
  const groups = requests.map((request): Group => {
    const next: TutoringRequest = to
      ? { ...request, tutorUserId: to, version: request.version + 1 }
      : { ...request, status: 'closed', closedAt: at, version: request.version + 1 };
    const audit: AuditEntry = to
      ? { action: 'tutoring-request.readdressed', entityType: 'tutoring-request', entityId: request.requestId, changes: { essaimeId: essaime.essaimeId, from: request.tutorUserId, to } }
      : { action: 'tutoring-request.closed', entityType: 'tutoring-request', entityId: request.requestId, changes: { reason: 'tutor-released', tutorUserId: request.tutorUserId, answered: request.firstAnsweredAt !== null } };
    return { writes: [putRequestWrite(deps.db, next, request.version)], audit: [audit] };
  });
  return { groups, requests };
}

/** Takes the essaimé's tutor away (end of the accompaniment, or before a reassignment decided later). */
export async function releaseTutor(deps: Deps, actor: Principal, essaimeId: string): Promise<TutorAssignmentView> {
  const { db } = deps;
  const essaime = await getEssaime(db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  const previous = essaime.tutorUserId;
  if (previous === null) throw conflict('NO_TUTOR', 'The essaimé has no tutor');
  const current = await getCurrentAssignment(db, essaimeId);
  const at = deps.now().toISOString();
  const event: AssignmentEvent = {
    assignmentId: newId('tutorAssignment'),
    essaimeId,
    kind: 'released',
    tutorUserId: null,
    previousTutorUserId: previous,
    proposedTutorUserId: null,
    score: null,
    reason: '',
    decidedBy: actor.userId,
    at,
  };
  const writes: Write[] = [
    essaimeTutorWrite(db, essaimeId, previous, null),
    ...(current ? [deleteCurrentAssignmentWrite(db, essaimeId, current.assignmentId)] : []),
    ...(await releaseWrites(deps, previous, essaime, current)),
    assignmentEventWrite(db, event),
  ];
  const closed = await openRequestGroups(deps, essaime, null, at);
  for (const referentUserId of new Set(closed.requests.map((r) => r.referentUserId))) {
    const subjects = closed.requests.filter((r) => r.referentUserId === referentUserId).map((r) => r.subject);
    const letter = requestsClosedLetter(essaime.structureName, subjects, await displayNameOf(db, referentUserId));
    writes.push(
      outboxWrite(
        db,
        newMessage(
          {
            dedupeKey: `tutor-released:${event.assignmentId}:${referentUserId}`,
            kind: 'tutoring.requests-closed',
            recipientUserId: referentUserId,
            ...letter,
            related: { entityType: 'essaime', entityId: essaimeId },
          },
          deps.now(),
        ),
      ),
    );
  }
  const audit: AuditEntry[] = [
    { action: 'tutor-assignment.released', entityType: 'essaime', entityId: essaimeId, changes: { previousTutorUserId: previous, requestsClosed: closed.requests.length } },
    { action: 'tutor.essaime-unassigned', entityType: 'tutor', entityId: previous, changes: { essaimeId } },
  ];
  await commitGroups(db, actor, [{ writes, audit }, ...closed.groups], deps.now);
  return assignmentView(event, { ...essaime, tutorUserId: null, version: essaime.version + 1 });
}

export async function listEssaimeAssignmentHistory(deps: Deps, essaimeId: string, page: PageQuery): Promise<Page<AssignmentEvent>> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  return listAssignmentHistory(deps.db, essaimeId, page);
}
