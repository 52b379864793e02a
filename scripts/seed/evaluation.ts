import type { Principal } from '../../shared/access/principal';
import { listAllEssaimesOfSeason } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { acceptReport, createDefaultStages, readStage, saveReportDraft, submitReport } from '../../shared/evaluation/use-cases';
import { recordInterview } from '../../shared/evaluation/interviews';
import { assessFidelity, recordFidelityAssessment } from '../../shared/governance/fidelity';
import { setAcorLead } from '../../shared/governance/label';
import { recordMeeting } from '../../shared/governance/use-cases';
import { addDays } from '../../shared/calendar';
import { formatDate } from '../../shared/i18n/french';
import type { Deps } from '../../shared/runtime';
import { type DemoCalendar, demoCalendar } from './demo-calendar';

/**
 * Demo data of the staged evaluation for the 2019 season, through the use cases (audit entries, aggregates
 * and messages exist as in real use), each step at its date of the demo calendar (relative to today):
 * the first governance committee (before the season's call: it chose the hypotheses); the three stages, the
 * first due in five days; stage 1 reports accepted for three structures, submitted for one, a draft for one,
 * nothing yet for the last; the tutor's fidelity assessment of Passerelle.
 */
const claire: Principal = { userId: 'demo-staff-claire', role: 'staff', structureIds: [] };
const michel: Principal = { userId: 'demo-tutor-michel', role: 'tutor', structureIds: ['str_passerelle'] };

type Figures = Record<string, number>;
const stage1Figures: Record<string, { figures: Figures; outcome: 'accepted' | 'submitted' | 'draft' }> = {
  str_passerelle: { outcome: 'accepted', figures: { activeFile: 48, newlyWelcomed: 22, perSigned: 30, perRenewed: 12, backInJob: 21, durableJob: 8, meanDelayDays: 118, companiesContacted: 140, companyVisits: 38, offersCaptured: 45, workPlacements: 9, employmentEvents: 2, creFte: 2 } },
  'str_jura-service': { outcome: 'accepted', figures: { activeFile: 35, newlyWelcomed: 15, perSigned: 20, perRenewed: 6, backInJob: 13, durableJob: 4, meanDelayDays: 131, companiesContacted: 96, companyVisits: 20, offersCaptured: 27, workPlacements: 5, employmentEvents: 1, creFte: 1.5 } },
  'str_etudes-chantiers': { outcome: 'accepted', figures: { activeFile: 28, newlyWelcomed: 12, perSigned: 16, perRenewed: 4, backInJob: 9, durableJob: 3, meanDelayDays: 140, companiesContacted: 70, companyVisits: 18, offersCaptured: 19, workPlacements: 6, employmentEvents: 1, creFte: 1 } },
  str_acteure: { outcome: 'submitted', figures: { activeFile: 40, newlyWelcomed: 18, perSigned: 25, perRenewed: 8, backInJob: 17, durableJob: 7, meanDelayDays: 102, companiesContacted: 120, companyVisits: 31, offersCaptured: 36, workPlacements: 7, employmentEvents: 2, creFte: 2 } },
  str_semes: { outcome: 'draft', figures: { activeFile: 30, newlyWelcomed: 14, companiesContacted: 60 } },
};

const answerTexts: Record<string, string> = {
  progress: "La formation-action est terminée ; l'équipe applique la méthode depuis novembre, d'abord sur une partie de la file active.",
  'support-received': 'Deux échanges par mois avec le tuteur A.CO.R. et un appui de l’équipe Ansa pour la lettre de mission des chargés de relation entreprises.',
  'appropriation-go-towards-companies': 'Les chargés de relation entreprises consacrent deux demi-journées par semaine à la prospection des TPE du territoire.',
  'appropriation-one-offer-one-candidate': "Chaque offre captée n'est proposée qu'à une seule personne ; le suivi se fait dans un tableau partagé.",
  'appropriation-realistic-achievable': 'Les projets professionnels sont revus dès le premier entretien au regard des offres réelles du bassin.',
  'appropriation-cre-team': "Un chargé de relation entreprises issu du secteur privé a été recruté ; un second poste est en cours de financement.",
  obstacles: 'Le changement de posture des conseillers prend du temps ; la mobilité reste un frein en zone rurale.',
  'support-needed': 'Un appui sur la fidélisation des entreprises et l’usage de l’application dédiée.',
};

async function seedStageOneReport(at: (iso: string) => Deps, calendar: DemoCalendar, essaime: Essaime, stageId: string, questionKeys: string[]): Promise<void> {
  const plan = stage1Figures[essaime.structureId];
  if (!plan) return;
  const referent: Principal = { userId: essaime.referentUserId, role: 'referent', structureIds: [essaime.structureId] };
  const complete = plan.outcome !== 'draft';
  const { reports, trainingStart, today } = calendar;
  const draft = await saveReportDraft(at(`${reports.draftOn}T10:00:00Z`), referent, stageId, essaime.essaimeId, {
    expectedVersion: 0,
    period: { start: trainingStart, end: addDays(today, -1) },
    indicators: plan.figures,
    answers: complete ? Object.fromEntries(questionKeys.map((k) => [k, answerTexts[k] ?? 'Voir les échanges avec le tuteur.'])) : { progress: answerTexts.progress! },
  });
  if (!complete) return;
  const submittedOn = plan.outcome === 'accepted' ? reports.submittedOn : reports.lateSubmittedOn;
  const submitted = await submitReport(at(`${submittedOn}T15:30:00Z`), referent, stageId, essaime.essaimeId, draft.version);
  if (plan.outcome === 'accepted') await acceptReport(at(`${reports.acceptedOn}T09:00:00Z`), claire, stageId, essaime.essaimeId, submitted.version);
}

export async function seedEvaluation(deps: Deps, seasonId: string): Promise<void> {
  const at = (iso: string): Deps => ({ ...deps, now: () => new Date(iso) });
  const calendar = demoCalendar(deps.now());
  const { cohortSeason, stages, reports } = calendar;
  await recordMeeting(at(`${cohortSeason.committeeOn}T16:00:00Z`), claire, seasonId, {
    body: 'governance-committee',
    date: cohortSeason.committeeOn,
    title: "Premier comité de gouvernance de l'essaimage",
    membersPresent: [
      { name: 'Claire Moreau', organisation: 'Ansa', userId: 'demo-staff-claire' },
      { name: 'Thomas Leroy', organisation: 'Ansa', userId: 'demo-staff-thomas' },
      { name: 'Michel Lacoste', organisation: 'A.CO.R.', userId: 'demo-tutor-michel' },
      { name: 'Représentation de la DGEFP', organisation: "Ministère du Travail" },
    ],
    decisions: [
      { type: 'choose-hypotheses', text: 'Les deux hypothèses sont retenues : opérateurs de collectivités (A) et collectivités faisant évoluer leurs équipes (B).', hypotheses: ['A', 'B'] },
      { type: 'note', text: `Trois temps d’évaluation : premier retour le ${formatDate(stages.firstReturn.dueOn)}, bilan intermédiaire le ${formatDate(stages.intermediate.dueOn)}, bilan final le ${formatDate(stages.final.dueOn)}.` },
    ],
  });
  const [first] = await createDefaultStages(at(`${addDays(cohortSeason.committeeOn, 30)}T09:00:00Z`), claire, seasonId, stages);
  if (!first) return;
  const { template } = await readStage(at(`${reports.draftOn}T10:00:00Z`), first.stageId);
  const questionKeys = template.questions.filter((q) => q.required).map((q) => q.key);
  const essaimes = await listAllEssaimesOfSeason(deps.db, seasonId);
  for (const essaime of essaimes) await seedStageOneReport(at, calendar, essaime, first.stageId, questionKeys);

  const passerelle = essaimes.find((e) => e.structureId === 'str_passerelle');
  const jura = essaimes.find((e) => e.structureId === 'str_jura-service');
  if (jura) {
    await recordInterview(at(`${reports.acceptedOn}T11:00:00Z`), claire, first.stageId, {
      essaimeId: jura.essaimeId,
      interviewedOn: reports.acceptedOn,
      personRole: 'director',
      notes: 'Entretien téléphonique : la prospection des TPE a démarré ; le recrutement d’un second chargé de relation entreprises est à l’étude.',
    });
  }
  if (passerelle) {
    const earlier = addDays(reports.fidelityOn, -20);
    // A first check at any date, before the stage checkpoint: the trend per principle shows the progress.
    await recordFidelityAssessment(at(`${earlier}T10:00:00Z`), michel, passerelle.essaimeId, {
      assessedOn: earlier,
      principles: [
        { principle: 'go-towards-companies', level: 'emerging', evidence: 'Prospection engagée mais pas encore planifiée ; une vingtaine de visites.' },
        { principle: 'one-offer-one-candidate', level: 'substantial', evidence: 'Une seule candidature par offre la plupart du temps ; deux exceptions relevées.' },
        { principle: 'realistic-achievable', level: 'emerging', evidence: 'Projets professionnels encore peu confrontés aux offres du bassin.' },
        { principle: 'cre-team', level: 'substantial', evidence: 'Deux ETP de chargés de relation entreprises, lettre de mission en préparation.' },
      ],
      summary: 'Premier point de fidélité entre deux étapes.',
    });
    await assessFidelity(at(`${reports.fidelityOn}T14:00:00Z`), michel, passerelle.essaimeId, first.stageId, {
      expectedVersion: 0,
      principles: [
        { principle: 'go-towards-companies', level: 'substantial', evidence: '140 entreprises contactées en six mois, 38 visites ; prospection planifiée chaque semaine.' },
        { principle: 'one-offer-one-candidate', level: 'faithful', evidence: 'Une seule candidature par offre, vérifiée sur le tableau de suivi lors de la visite.' },
        { principle: 'realistic-achievable', level: 'emerging', evidence: 'Les projets sont encore parfois éloignés des offres du bassin ; travail engagé avec les conseillers.' },
        { principle: 'cre-team', level: 'substantial', evidence: 'Deux ETP de chargés de relation entreprises, dont un recruté dans le privé, avec lettre de mission.' },
      ],
      summary: 'Appropriation rapide ; le principe « réaliste et réalisable » reste à consolider.',
    });
  }
}

/** Isabelle Etcheverry (A.CO.R.) decides labels for A.CO.R. as network head; once the tutor directory exists. */
export async function seedAcorLead(deps: Deps): Promise<void> {
  await setAcorLead(deps, claire, 'demo-tutor-isabelle', { acorLead: true });
}
