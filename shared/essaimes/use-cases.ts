import type { Principal } from '../access/principal';
import { assertStructureVisible, isStaff, seesContactDetails } from '../access/policy';
import type { Page, PageQuery } from '../db/pagination';
import { notFound } from '../errors';
import { displayNamesOf, getProfile } from '../identity/repository';
import type { Deps } from '../runtime';
import { getEssaimeWithParticipants, listEssaimesBySeason, listEssaimesOfStructure } from './repository';
import type { Essaime, EssaimeRow, EssaimeView, Participant, ParticipantView } from './schemas';

/** Reads an essaimé the caller may see; another structure's essaimé is reported as not found. */
export async function readEssaime(deps: Deps, principal: Principal, essaimeId: string): Promise<{ essaime: Essaime; participants: Participant[] }> {
  const { essaime, participants } = await getEssaimeWithParticipants(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureVisible(principal, essaime.structureId, 'Essaimé');
  return { essaime, participants };
}

/**
 * Essaimés of a season. Staff page through the season index; a referent or tutor gets only the essaimés of
 * their own structures (a handful), read through the structure index.
 */
export async function listVisibleEssaimes(deps: Deps, principal: Principal, seasonId: string, page: PageQuery): Promise<Page<EssaimeRow>> {
  const found = isStaff(principal) ? await listEssaimesBySeason(deps.db, seasonId, page) : await listOwnEssaimes(deps, principal, seasonId);
  // The page's tutors named in one BatchGetItem.
  const names = await displayNamesOf(deps.db, found.items.map((e) => e.tutorUserId));
  return { items: found.items.map((e) => ({ ...e, tutorName: e.tutorUserId ? (names.get(e.tutorUserId) ?? null) : null })), nextCursor: found.nextCursor };
}

async function listOwnEssaimes(deps: Deps, principal: Principal, seasonId: string): Promise<Page<Essaime>> {
  const perStructure = await Promise.all(principal.structureIds.map((id) => listEssaimesOfStructure(deps.db, id)));
  return { items: perStructure.flat().filter((e) => e.seasonId === seasonId), nextCursor: null };
}

/** Never hand out contact details of participants to anyone but staff and the structure's own referent. */
export function participantView(principal: Principal, participant: Participant): ParticipantView {
  if (seesContactDetails(principal)) return participant;
  const { email: _email, ...rest } = participant;
  return rest;
}

/** The essaimé with its participants, as the caller may see them. */
export async function readEssaimeView(deps: Deps, principal: Principal, essaimeId: string): Promise<EssaimeView> {
  const { essaime, participants } = await readEssaime(deps, principal, essaimeId);
  const tutor = essaime.tutorUserId ? await getProfile(deps.db, essaime.tutorUserId) : undefined;
  return { ...essaime, participants: participants.map((p) => participantView(principal, p)), tutorName: tutor?.displayName ?? null };
}
