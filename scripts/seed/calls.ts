import type { Principal } from '../../shared/access/principal';
import { assignReviewer, recuse, scoreApplication, verifyCriterion } from '../../shared/applications/review';
import type { CreateApplicationInput } from '../../shared/applications/schemas';
import { createApplication, submitApplication } from '../../shared/applications/use-cases';
import type { Answers } from '../../shared/calls/schemas';
import { createCall, openCall } from '../../shared/calls/use-cases';
import { commit } from '../../shared/db/transact';
import { putProfileWrite } from '../../shared/identity/repository';
import type { Deps } from '../../shared/runtime';
import { listSeasons } from '../../shared/seasons/repository';
import { addDays } from '../../shared/calendar';
import { formatDate } from '../../shared/i18n/french';
import { recordMeeting } from '../../shared/governance/use-cases';
import { applicationProfiles, type ApplicationProfile } from './demo-applications';
import { demoCalendar } from './demo-calendar';
import { demoStructures } from './demo-catalogue';

/**
 * The new season's call for candidate territories, OPEN (opened a week ago, closes in two months: dates from the
 * demo calendar), after the season's governance committee; applications of structures not yet essaimés, each
 * built from its own VITA sheet (scripts/seed/demo-applications.ts), in various states:
 * - L'Envol (demo-applicant-envol): a draft with an unmet criterion (1.5 FTE, the minimum is 2);
 * - Collectif PES: submitted;
 * - Erdre et Loire Initiatives: under review, scored by Claire;
 * - Solidarité Multi-Services: under review by Thomas, evidence verified, Claire recused;
 * - Communauté de communes du Thouarsais: a hypothesis B candidate (a public body), submitted.
 * The cohort season's essaimés are left as they are (the previous season's selection).
 */
const claire: Principal = { userId: 'demo-staff-claire', role: 'staff', structureIds: [] };
const thomas: Principal = { userId: 'demo-staff-thomas', role: 'staff', structureIds: [] };

/** Every hypothesis-A criterion of the study answered so that it is met; `overrides` change some. */
export function eligibleAnswersA(signedOn: string, overrides: Answers = {}): Answers {
  return {
    'A1.1': { kind: 'yes_no', value: true },
    'A1.2': { kind: 'yes_no', value: false },
    'A1.3': { kind: 'number', value: 4.5 },
    'A2.1': { kind: 'yes_no', value: true },
    'A2.2': { kind: 'yes_no', value: true },
    'A2.3': { kind: 'yes_no', value: true },
    A3: { kind: 'yes_no', value: true },
    'A4.1': { kind: 'yes_no', value: true },
    'A4.2': { kind: 'signed_attestation', signed: true, signerName: 'Présidente du CA', signedOn },
    'A5.1': { kind: 'choice', value: 'existing-contract' },
    'A5.2': { kind: 'signed_attestation', signed: true, signerName: 'Vice-président du conseil départemental', signedOn },
    'A5.3': { kind: 'document', documentRef: 'calendrier-mise-en-oeuvre.pdf' },
    ...overrides,
  };
}

/** Every hypothesis-B criterion answered so that it is met. */
export function eligibleAnswersB(signedOn: string): Answers {
  return {
    B1: { kind: 'choice', value: 'ad-hoc-team' },
    B2: { kind: 'yes_no', value: true },
    'B3.1': { kind: 'yes_no', value: true },
    'B3.2': { kind: 'signed_attestation', signed: true, signerName: 'Président de la communauté de communes', signedOn },
  };
}

/**
 * A complete application of a demo structure: its own VITA sheet's profile where the demo has one, else a
 * generic hypothesis-A profile. The staff count is one fact: the A1.3 answer is the structure's FTE (an A1.3
 * override sets the structure's FTE too).
 */
export function demoApplicationInput(structureId: string, signedOn: string, overrides: Partial<CreateApplicationInput> = {}): CreateApplicationInput {
  const s = demoStructures.find((d) => d.structureId === structureId);
  if (!s) throw new Error(`Unknown demo structure ${structureId}`);
  const profile = applicationProfiles[structureId] ?? genericProfile(structureId, s.name, s.legalForm, s.territory);
  const overriddenFte = overrides.answers?.['A1.3'];
  const structure = { ...profile.structure, ...(overriddenFte?.kind === 'number' ? { staffFte: overriddenFte.value } : {}), ...overrides.structure };
  const answers =
    profile.hypothesis === 'B'
      ? eligibleAnswersB(signedOn)
      : eligibleAnswersA(signedOn, structure.staffFte === undefined ? {} : { 'A1.3': { kind: 'number', value: structure.staffFte } });
  return {
    structure,
    territory: s.territory,
    hypothesis: profile.hypothesis,
    ...(profile.prescriber ? { prescriber: profile.prescriber } : {}),
    people: profile.people,
    referent: profile.referent,
    needs: profile.needs,
    answers,
    ...overrides,
    ...(overrides.answers ? { answers: { ...answers, ...overrides.answers } } : {}),
    ...(overrides.structure || overriddenFte ? { structure } : {}),
  };
}

function genericProfile(structureId: string, name: string, legalForm: string, territory: { name: string; departement: string }): ApplicationProfile {
  const domain = `${structureId.replace(/^str_/, '')}.example`;
  return {
    hypothesis: 'A',
    structure: {
      name,
      legalForm,
      address: `1 place de la Mairie, ${territory.name}`,
      staffFte: 4.5,
      budgetSituation: 'balanced',
      missions: "Accompagnement vers l'emploi des bénéficiaires du RSA et des demandeurs d'emploi de longue durée.",
      publicServed: "Demandeurs d'emploi de longue durée, bénéficiaires du RSA, jeunes sans qualification.",
      speRelations: 'Convention avec France Travail et la mission locale ; participation au comité local emploi.',
    },
    prescriber: { name: `Conseil départemental (${territory.departement})`, kind: 'departement', contactName: 'Direction de l’insertion' },
    people: [
      { name: 'Camille Martin', role: 'Chargée de relation entreprises', email: `camille.martin@${domain}` },
      { name: 'Lucas Bernard', role: 'Conseiller en insertion', email: `lucas.bernard@${domain}` },
    ],
    referent: { name: 'Dominique Petit', role: 'Directeur général', email: `dominique.petit@${domain}` },
    needs: [
      { axis: 'prospecting', priority: 1, description: 'Construire un fichier d’entreprises du territoire.' },
      { axis: 'matching', priority: 2, description: '' },
    ],
  };
}

async function applicant(deps: Deps, userId: string, displayName: string, organisation: string): Promise<Principal> {
  await commit(
    deps.db,
    { userId: 'system-seed', role: 'staff' },
    [putProfileWrite(deps.db, { userId, role: 'referent', displayName, email: `${userId}@structure.example`, organisation })],
    [{ action: 'user.created', entityType: 'user', entityId: userId, changes: { role: 'referent' } }],
    deps.now(),
  );
  return { userId, role: 'referent', structureIds: [] };
}

export async function seedCalls(deps: Deps): Promise<{ callId: string } | undefined> {
  const calendar = demoCalendar(deps.now());
  const seasons = await listSeasons(deps.db, { limit: 100 });
  const season = seasons.items.find((s) => s.year === calendar.callSeason.year);
  if (!season) return undefined;
  const signedOn = addDays(calendar.today, -3);

  await recordMeeting({ ...deps, now: () => new Date(`${calendar.callSeason.committeeOn}T16:00:00Z`) }, claire, season.seasonId, {
    body: 'governance-committee',
    date: calendar.callSeason.committeeOn,
    title: `Comité de gouvernance : lancement de la saison ${calendar.callSeason.year}-${calendar.callSeason.year + 1}`,
    membersPresent: [
      { name: 'Claire Moreau', organisation: 'Ansa', userId: 'demo-staff-claire' },
      { name: 'Thomas Leroy', organisation: 'Ansa', userId: 'demo-staff-thomas' },
      { name: 'Michel Lacoste', organisation: 'A.CO.R.', userId: 'demo-tutor-michel' },
      { name: 'Représentation de la DGEFP', organisation: 'Ministère du Travail' },
    ],
    decisions: [
      { type: 'choose-hypotheses', text: 'Le nouvel appel s’adresse aux opérateurs de collectivités (A) et aux collectivités qui font évoluer leurs équipes (B).', hypotheses: ['A', 'B'] },
      { type: 'note', text: `Appel ouvert du ${formatDate(calendar.call.opensAt)} au ${formatDate(calendar.call.closesAt)} ; sélection de 5 à 10 territoires.` },
    ],
  });

  const call = await createCall(deps, claire, {
    seasonId: season.seasonId,
    title: `Appel à territoires candidats ${calendar.callSeason.year} — essaimage A.CO.R.`,
    description:
      "Ansa et A.CO.R. recherchent de 5 à 10 territoires pour adopter la démarche de médiation à l'emploi d'A.CO.R. : opérateurs d'une collectivité (hypothèse A) ou collectivités (hypothèse B). Formation-action de cinq mois, tutorat A.CO.R., évaluation.",
    hypotheses: ['A', 'B'],
    opensAt: calendar.call.opensAt,
    closesAt: calendar.call.closesAt,
  });
  await openCall(deps, claire, call.callId);

  const envol: Principal = { userId: 'demo-applicant-envol', role: 'referent', structureIds: [] };
  // Its draft counts only the association's own permanent staff so far: 1.5 FTE, under the minimum of 2.
  await createApplication(deps, envol, call.callId, demoApplicationInput('str_envol', signedOn, { answers: { 'A1.3': { kind: 'number', value: 1.5 } } }), { structureId: 'str_envol' });

  const pes = await applicant(deps, 'demo-applicant-collectif-pes', 'Hélène Vasseur', 'Collectif PES');
  const pesApp = await createApplication(deps, pes, call.callId, demoApplicationInput('str_collectif-pes', signedOn), { structureId: 'str_collectif-pes' });
  await submitApplication(deps, pes, pesApp.applicationId);

  const thouarsais = await applicant(deps, 'demo-applicant-thouarsais', 'Sébastien Bonnin', 'Communauté de communes du Thouarsais');
  const thouarsaisApp = await createApplication(deps, thouarsais, call.callId, demoApplicationInput('str_thouarsais', signedOn), { structureId: 'str_thouarsais' });
  await submitApplication(deps, thouarsais, thouarsaisApp.applicationId);

  const erdre = await applicant(deps, 'demo-applicant-erdre-loire', 'Gaëlle Hervé', 'Erdre et Loire Initiatives');
  const erdreApp = await createApplication(deps, erdre, call.callId, demoApplicationInput('str_erdre-loire', signedOn), { structureId: 'str_erdre-loire' });
  await submitApplication(deps, erdre, erdreApp.applicationId);
  await assignReviewer(deps, claire, erdreApp.applicationId, claire.userId);
  await scoreApplication(deps, claire, erdreApp.applicationId, {
    scores: { consortium: 4, 'company-strategy': 4, 'team-capacity': 3, 'territorial-need': 4, adhesion: 5 },
    comment: 'Consortium solide avec la communauté de communes ; équipe à renforcer côté relation entreprises.',
  });

  const sms = await applicant(deps, 'demo-applicant-sms-cambrai', 'Didier Lemaire', 'Solidarité Multi-Services');
  const smsApp = await createApplication(deps, sms, call.callId, demoApplicationInput('str_sms-cambrai', signedOn), { structureId: 'str_sms-cambrai' });
  await submitApplication(deps, sms, smsApp.applicationId);
  await assignReviewer(deps, claire, smsApp.applicationId, thomas.userId);
  await recuse(deps, claire, smsApp.applicationId, 'Ancienne administratrice de la structure.');
  await verifyCriterion(deps, thomas, smsApp.applicationId, { criterionId: 'A1.2', outcome: 'verified', comment: 'Déficit ponctuel seulement : comptes des deux derniers exercices fournis.' });
  await verifyCriterion(deps, thomas, smsApp.applicationId, { criterionId: 'A2.3', outcome: 'verified', comment: 'Convention avec France Travail fournie.' });

  return { callId: call.callId };
}
