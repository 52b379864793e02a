import type { Principal } from '../../shared/access/principal';
import { commit } from '../../shared/db/transact';
import { listAllEssaimesOfSeason } from '../../shared/essaimes/repository';
import { putProfileWrite } from '../../shared/identity/repository';
import type { Deps } from '../../shared/runtime';
import { markRequestForGuide } from '../../shared/tutoring/guide';
import { closeRequest, createRequest, postRequestMessage } from '../../shared/tutoring/requests';
import type { Expertise } from '../../shared/tutoring/schemas';
import { assignTutor, createTutor } from '../../shared/tutoring/use-cases';

const seeder: Principal = { userId: 'system-seed', role: 'staff', structureIds: [] };
const referent: Principal = { userId: 'demo-referent-passerelle', role: 'referent', structureIds: ['str_passerelle'] };
const michel: Principal = { userId: 'demo-tutor-michel', role: 'tutor', structureIds: ['str_passerelle'] };

/** A.CO.R. experts who are in the directory without a demo sign-in. */
const extraTutors = [
  { userId: 'demo-tutor-jean-pierre', displayName: 'Jean-Pierre Oyhenart', email: 'jean-pierre.oyhenart@acor.example' },
  { userId: 'demo-tutor-sylvie', displayName: 'Sylvie Lamarque', email: 'sylvie.lamarque@acor.example' },
  { userId: 'demo-tutor-marc', displayName: 'Marc Pucheu', email: 'marc.pucheu@acor.example' },
];

const directory: { userId: string; expertise: Expertise; capacity: number; available: boolean; availabilityNote: string }[] = [
  { userId: 'demo-tutor-michel', expertise: { prospecting: 3, loyalty: 2, 'jobseeker-support': 1, matching: 3, transformation: 1 }, capacity: 3, available: true, availabilityNote: '' },
  { userId: 'demo-tutor-isabelle', expertise: { prospecting: 1, loyalty: 3, 'jobseeker-support': 3, matching: 1, transformation: 2 }, capacity: 2, available: true, availabilityNote: '' },
  { userId: 'demo-tutor-jean-pierre', expertise: { prospecting: 3, loyalty: 3, 'jobseeker-support': 0, matching: 2, transformation: 0 }, capacity: 2, available: true, availabilityNote: 'Disponible le matin' },
  { userId: 'demo-tutor-sylvie', expertise: { prospecting: 0, loyalty: 1, 'jobseeker-support': 3, matching: 2, transformation: 3 }, capacity: 2, available: true, availabilityNote: '' },
  { userId: 'demo-tutor-marc', expertise: { prospecting: 2, loyalty: 2, 'jobseeker-support': 2, matching: 3, transformation: 1 }, capacity: 1, available: false, availabilityNote: "En congé jusqu'à la fin du mois" },
];

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/**
 * Tutoring demo data: the tutor directory (Michel, Isabelle and three more A.CO.R. experts), Michel's
 * assignment to Passerelle recorded as a tracked assignment, and requests from Passerelle to Michel: one
 * answered and marked for the guide, one answered and closed with a rating, one still waiting (overdue, so the
 * reminder job has something to do). Everything goes through the use cases, so audit entries exist.
 */
export async function seedTutoring(deps: Deps, seasonId: string): Promise<void> {
  const now = deps.now().getTime();
  const at = (offset: number): Deps => ({ db: deps.db, now: () => new Date(now + offset) });

  for (const tutor of extraTutors) {
    await commit(deps.db, seeder, [putProfileWrite(deps.db, { ...tutor, role: 'tutor', organisation: 'A.CO.R.' })], [
      { action: 'user.created', entityType: 'user', entityId: tutor.userId, changes: { role: 'tutor' } },
    ], deps.now());
  }
  for (const entry of directory) await createTutor(deps, seeder, entry);

  const passerelle = (await listAllEssaimesOfSeason(deps.db, seasonId)).find((e) => e.structureId === 'str_passerelle');
  if (!passerelle) return;
  await assignTutor(at(-12 * DAY), seeder, passerelle.essaimeId, {
    tutorUserId: 'demo-tutor-michel',
    reason: 'Tuteur de Passerelle depuis la sélection ; expert de la prospection',
  });

  // 1. Answered, then marked for the guide in a generalised wording (the raw text names people and places).
  const prospecting = await createRequest(at(-10 * DAY), referent, {
    essaimeId: passerelle.essaimeId,
    subject: 'Premières visites aux TPE du bassin thiernois',
    axis: 'prospecting',
    text: "Bonjour Michel, Karim Haddad, notre chargé de relation entreprises à Passerelle, commence ses visites aux coutelleries de Thiers. Faut-il annoncer la visite par téléphone ou se présenter directement ? Nadia Benali",
    urgency: 'normal',
  });
  await postRequestMessage(at(-10 * DAY + 3 * HOUR), michel, prospecting.requestId, {
    text: "Bonjour Nadia, chez A.CO.R. nous nous présentons directement, sans rendez-vous, aux heures creuses. Karim doit venir avec une offre de service simple : un candidat présélectionné pour un poste réel, pas une plaquette. Prévoir dix visites par semaine et noter chaque contact.",
  });
  await markRequestForGuide(at(-9 * DAY), michel, prospecting.requestId, {
    question: 'Faut-il prendre rendez-vous avant une première visite à une petite entreprise ?',
    answer: "Non : se présenter directement aux heures creuses, avec une offre de service concrète (un candidat présélectionné pour un poste réel) plutôt qu'une plaquette. Viser une dizaine de visites par semaine et consigner chaque contact.",
  });

  // 2. Answered and closed with a rating.
  const matching = await createRequest(at(-8 * DAY), referent, {
    essaimeId: passerelle.essaimeId,
    subject: 'Deux candidats pour la même offre',
    axis: 'matching',
    text: "Une entreprise nous demande d'envoyer plusieurs candidats pour un poste de magasinier. Comment répondre sans mettre deux personnes en concurrence ?",
    urgency: 'high',
  });
  await postRequestMessage(at(-7 * DAY - 20 * HOUR), michel, matching.requestId, {
    text: "Le principe est « une offre, un candidat » : proposez la personne la plus adaptée et expliquez à l'employeur que vous vous engagez sur ce choix. S'il refuse, vous proposez le suivant, jamais deux à la fois.",
  });
  await closeRequest(at(-7 * DAY), referent, matching.requestId, { rating: 5, comment: 'Très clair, merci.' });

  // 3. Still waiting for a first answer, past its target.
  await createRequest(at(-7 * DAY), referent, {
    essaimeId: passerelle.essaimeId,
    subject: "Relancer une entreprise qui n'a plus d'offres",
    axis: 'loyalty',
    text: "Une entreprise qui recrutait régulièrement ne nous transmet plus d'offres depuis deux mois. Comment la relancer sans la lasser ?",
    urgency: 'high',
  });
}
