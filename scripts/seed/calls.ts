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
import { demoStructures } from './demo-catalogue';

/**
 * The 2020 season's call for candidate territories, OPEN (relative to today, so the demo always has an open
 * call), with applications of the structures not yet essaimés in various states:
 * - L'Envol (demo-applicant-envol): a draft with an unmet criterion (1.5 FTE, the minimum is 2);
 * - Collectif PES: submitted;
 * - Erdre et Loire Initiatives: under review, scored by Claire;
 * - Solidarité Multi-Services: under review by Thomas, evidence verified, Claire recused.
 * The 2019 essaimés are left as they are (the previous season's selection).
 */
const claire: Principal = { userId: 'demo-staff-claire', role: 'staff', structureIds: [] };
const thomas: Principal = { userId: 'demo-staff-thomas', role: 'staff', structureIds: [] };
const DAY = 86_400_000;

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
    'A4.2': { kind: 'signed_attestation', signed: true, signerName: 'Président(e) du CA', signedOn },
    'A5.1': { kind: 'choice', value: 'existing-contract' },
    'A5.2': { kind: 'signed_attestation', signed: true, signerName: 'Vice-président(e) du conseil départemental', signedOn },
    'A5.3': { kind: 'document', documentRef: 'calendrier-mise-en-oeuvre.pdf' },
    ...overrides,
  };
}

/** A complete hypothesis-A application of a demo structure (people and needs drawn from its VITA sheet). */
export function demoApplicationInput(structureId: string, signedOn: string, overrides: Partial<CreateApplicationInput> = {}): CreateApplicationInput {
  const s = demoStructures.find((d) => d.structureId === structureId);
  if (!s) throw new Error(`Unknown demo structure ${structureId}`);
  const domain = `${structureId.replace(/^str_/, '')}.example`;
  return {
    structure: {
      name: s.name,
      legalForm: s.legalForm,
      address: `1 place de la Mairie, ${s.territory.name}`,
      staffFte: 4.5,
      budgetSituation: 'balanced',
      missions: "Accompagnement vers l'emploi des bénéficiaires du RSA et des demandeurs d'emploi de longue durée.",
      publicServed: "Demandeurs d'emploi de longue durée, bénéficiaires du RSA, jeunes sans qualification.",
      speRelations: 'Convention avec France Travail et la mission locale ; participation au comité local emploi.',
    },
    territory: s.territory,
    hypothesis: 'A',
    prescriber: { name: `Conseil départemental (${s.territory.departement})`, kind: 'departement', contactName: 'Direction de l’insertion' },
    people: [
      { name: 'Camille Martin', role: 'Chargée de relation entreprises', email: `camille.martin@${domain}` },
      { name: 'Lucas Bernard', role: 'Conseiller en insertion', email: `lucas.bernard@${domain}` },
    ],
    referent: { name: 'Direction générale', role: 'Directeur ou directrice générale', email: `direction@${domain}` },
    needs: [
      { axis: 'prospecting', priority: 1, description: 'Construire un fichier d’entreprises du territoire.' },
      { axis: 'matching', priority: 2, description: '' },
    ],
    answers: eligibleAnswersA(signedOn),
    ...overrides,
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
  const seasons = await listSeasons(deps.db, { limit: 100 });
  const season = seasons.items.find((s) => s.year === 2020);
  if (!season) return undefined;
  const now = deps.now().getTime();
  const signedOn = new Date(now - 3 * DAY).toISOString().slice(0, 10);

  const call = await createCall(deps, claire, {
    seasonId: season.seasonId,
    title: 'Appel à territoires candidats 2020 — essaimage A.CO.R.',
    description:
      "Ansa et A.CO.R. recherchent de 5 à 10 territoires pour adopter la démarche de médiation à l'emploi d'A.CO.R. : opérateurs d'une collectivité (hypothèse A) ou collectivités (hypothèse B). Formation-action de cinq mois, tutorat A.CO.R., évaluation.",
    hypotheses: ['A', 'B'],
    opensAt: new Date(now - 7 * DAY).toISOString(),
    closesAt: new Date(now + 60 * DAY).toISOString(),
  });
  await openCall(deps, claire, call.callId);

  const envol: Principal = { userId: 'demo-applicant-envol', role: 'referent', structureIds: [] };
  await createApplication(
    deps,
    envol,
    call.callId,
    demoApplicationInput('str_envol', signedOn, {
      structure: { ...demoApplicationInput('str_envol', signedOn).structure, staffFte: 1.5 },
      answers: eligibleAnswersA(signedOn, { 'A1.3': { kind: 'number', value: 1.5 } }),
    }),
    { structureId: 'str_envol' },
  );

  const pes = await applicant(deps, 'demo-applicant-collectif-pes', 'Direction du Collectif PES', 'Collectif PES');
  const pesApp = await createApplication(deps, pes, call.callId, demoApplicationInput('str_collectif-pes', signedOn), { structureId: 'str_collectif-pes' });
  await submitApplication(deps, pes, pesApp.applicationId);

  const erdre = await applicant(deps, 'demo-applicant-erdre-loire', 'Direction d’Erdre et Loire Initiatives', 'Erdre et Loire Initiatives');
  const erdreApp = await createApplication(deps, erdre, call.callId, demoApplicationInput('str_erdre-loire', signedOn), { structureId: 'str_erdre-loire' });
  await submitApplication(deps, erdre, erdreApp.applicationId);
  await assignReviewer(deps, claire, erdreApp.applicationId, claire.userId);
  await scoreApplication(deps, claire, erdreApp.applicationId, {
    scores: { consortium: 4, 'company-strategy': 4, 'team-capacity': 3, 'territorial-need': 4, adhesion: 5 },
    comment: 'Consortium solide avec le département ; équipe à renforcer côté relation entreprises.',
  });

  const sms = await applicant(deps, 'demo-applicant-sms-cambrai', 'Direction de Solidarité Multi-Services', 'Solidarité Multi-Services');
  const smsApp = await createApplication(deps, sms, call.callId, demoApplicationInput('str_sms-cambrai', signedOn), { structureId: 'str_sms-cambrai' });
  await submitApplication(deps, sms, smsApp.applicationId);
  await assignReviewer(deps, claire, smsApp.applicationId, thomas.userId);
  await recuse(deps, claire, smsApp.applicationId, 'Ancienne administratrice de la structure.');
  await verifyCriterion(deps, thomas, smsApp.applicationId, { criterionId: 'A1.2', outcome: 'verified', comment: 'Comptes 2018 et 2019 à l’équilibre.' });
  await verifyCriterion(deps, thomas, smsApp.applicationId, { criterionId: 'A2.3', outcome: 'verified', comment: 'Convention avec France Travail fournie.' });

  return { callId: call.callId };
}
