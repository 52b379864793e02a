import type { VNode } from 'preact';
import type { Me, Role } from './api/types';
import type { Params } from './router';
import { HomePage } from './pages/home';
import { EssaimePage, MyEssaimesPage } from './pages/essaimes';
import { HistoryPage } from './pages/history';
import { MessagesPage } from './pages/messages';
import { ThreadPage } from './pages/threads';
import { SeasonPage, SeasonsPage } from './pages/seasons';
import { CallPage, CallsPage } from './pages/calls';
import { CallApplicationsPage, StaffApplicationPage } from './pages/applications';
import { ReferentApplicationPage, StartApplicationPage } from './pages/apply';
import { EssaimeDashboardPage, EvaluationPage, ProgrammeDashboardPage, ReportPage, ReportsPage } from './pages/evaluation';
import { FidelityPage } from './pages/fidelity';
import { FiguresImportPage, InterviewsPage } from './pages/evaluation-study';
import { RampUpPage } from './pages/ramp-up';
import { GuidePage, RequestPage, RequestsPage, TutoringPage } from './pages/tutoring';
import { ResponseTargetPage } from './pages/response-target';
import { GovernancePage, SeasonGovernancePage } from './pages/governance';
import { ActionPlanPage } from './pages/action-plans';
import { ModuleAttendancePage } from './pages/sessions';
import { TutorPage } from './pages/tutor';
import { StageSetupPage } from './pages/evaluation-setup';
import { PersonalDataPage } from './pages/privacy';
import { DelegatePage, UsersPage } from './pages/users';
import { AttendanceSheetPage, CohortPage, CohortProgressPage, EssaimeTrainingPage, TrainingPage } from './pages/training';

/**
 * Every page of the app: its path (French, never an API path), the roles that may open it (the API
 * enforces the same rules; this only avoids showing doomed pages) and how to render it.
 */
export interface AppRoute {
  path: string;
  roles?: Role[];
  render: (params: Params, me: Me) => VNode;
}

export const appRoutes: AppRoute[] = [
  { path: '/', render: (_p, me) => <HomePage me={me} /> },
  { path: '/saisons', render: () => <SeasonsPage /> },
  { path: '/saisons/:seasonId', render: (p) => <SeasonPage seasonId={p.seasonId!} /> },
  { path: '/ma-structure', roles: ['referent', 'tutor'], render: () => <MyEssaimesPage /> },
  { path: '/structure-essaimee/:essaimeId', render: (p) => <EssaimePage essaimeId={p.essaimeId!} /> },
  { path: '/structure-essaimee/:essaimeId/formation', render: (p) => <EssaimeTrainingPage essaimeId={p.essaimeId!} /> },
  { path: '/formation', roles: ['staff'], render: () => <TrainingPage /> },
  { path: '/formation/:cohortId', roles: ['staff'], render: (p) => <CohortPage cohortId={p.cohortId!} /> },
  { path: '/formation/:cohortId/avancement', roles: ['staff'], render: (p) => <CohortProgressPage cohortId={p.cohortId!} /> },
  { path: '/formation/:cohortId/seances/:sessionId', roles: ['staff'], render: (p) => <AttendanceSheetPage cohortId={p.cohortId!} sessionId={p.sessionId!} /> },
  { path: '/formation/:cohortId/modules/:moduleId/presences', roles: ['staff'], render: (p) => <ModuleAttendancePage cohortId={p.cohortId!} moduleId={p.moduleId!} /> },
  { path: '/demandes', roles: ['referent', 'tutor'], render: () => <RequestsPage /> },
  { path: '/demandes/:requestId', render: (p) => <RequestPage requestId={p.requestId!} /> },
  { path: '/tutorat', roles: ['staff'], render: () => <TutoringPage /> },
  { path: '/tutorat/objectif-de-reponse', roles: ['staff'], render: () => <ResponseTargetPage /> },
  { path: '/gouvernance', roles: ['staff'], render: () => <GovernancePage /> },
  { path: '/gouvernance/:seasonId', roles: ['staff'], render: (p) => <SeasonGovernancePage seasonId={p.seasonId!} /> },
  { path: '/structure-essaimee/:essaimeId/plan-action', render: (p) => <ActionPlanPage essaimeId={p.essaimeId!} /> },
  { path: '/tutorat/tuteurs/:tutorUserId', roles: ['staff', 'tutor'], render: (p) => <TutorPage tutorUserId={p.tutorUserId!} /> },
  { path: '/guide-essaimage', roles: ['staff'], render: () => <GuidePage /> },
  { path: '/rapports', roles: ['referent'], render: () => <ReportsPage /> },
  { path: '/rapports/:stageId/:essaimeId', render: (p) => <ReportPage stageId={p.stageId!} essaimeId={p.essaimeId!} /> },
  { path: '/evaluation', roles: ['staff'], render: () => <EvaluationPage /> },
  { path: '/evaluation/etapes/:stageId', roles: ['staff'], render: (p) => <StageSetupPage stageId={p.stageId!} /> },
  { path: '/evaluation/etapes/:stageId/entretiens', roles: ['staff'], render: (p) => <InterviewsPage stageId={p.stageId!} /> },
  { path: '/evaluation/etapes/:stageId/import', roles: ['staff'], render: (p) => <FiguresImportPage stageId={p.stageId!} /> },
  { path: '/montee-en-charge', roles: ['staff', 'tutor'], render: () => <RampUpPage /> },
  { path: '/donnees-personnelles', render: () => <PersonalDataPage /> },
  { path: '/utilisateurs', roles: ['staff'], render: () => <UsersPage /> },
  { path: '/delegation', roles: ['referent'], render: () => <DelegatePage /> },
  { path: '/tableau-de-bord', roles: ['staff'], render: () => <ProgrammeDashboardPage /> },
  { path: '/structure-essaimee/:essaimeId/tableau-de-bord', render: (p) => <EssaimeDashboardPage essaimeId={p.essaimeId!} /> },
  { path: '/structure-essaimee/:essaimeId/fidelite', render: (p) => <FidelityPage essaimeId={p.essaimeId!} /> },
  { path: '/messages', render: () => <MessagesPage /> },
  { path: '/messages/:threadId', roles: ['staff', 'referent'], render: (p) => <ThreadPage threadId={p.threadId!} /> },
  { path: '/appels', roles: ['staff', 'referent'], render: () => <CallsPage /> },
  { path: '/appels/:callId', roles: ['staff', 'referent'], render: (p) => <CallPage callId={p.callId!} /> },
  { path: '/appels/:callId/candidatures', roles: ['staff'], render: (p) => <CallApplicationsPage callId={p.callId!} /> },
  { path: '/candidater/:callId', roles: ['referent'], render: (p) => <StartApplicationPage callId={p.callId!} /> },
  {
    path: '/candidatures/:applicationId',
    roles: ['staff', 'referent'],
    render: (p, me) => (me.role === 'staff' ? <StaffApplicationPage applicationId={p.applicationId!} /> : <ReferentApplicationPage applicationId={p.applicationId!} />),
  },
  { path: '/historique/:entityType/:entityId', roles: ['staff'], render: (p) => <HistoryPage entityType={p.entityType!} entityId={p.entityId!} /> },
];

export interface NavItem {
  href: string;
  label: string;
  /** Shows the number of unread messages of the caller's threads beside the label. */
  unreadThreads?: true;
}

export function navFor(me: Me): NavItem[] {
  switch (me.role) {
    case 'staff':
      return [
        { href: '/', label: 'Accueil' },
        { href: '/saisons', label: 'Saisons et essaimés' },
        { href: '/appels', label: 'Appels et sélection' },
        { href: '/formation', label: 'Formation-action' },
        { href: '/tutorat', label: 'Tutorat' },
        { href: '/guide-essaimage', label: 'Guide d’essaimage' },
        { href: '/evaluation', label: 'Évaluation' },
        { href: '/gouvernance', label: 'Gouvernance' },
        { href: '/tableau-de-bord', label: 'Tableau de bord' },
        { href: '/montee-en-charge', label: 'Montée en charge' },
        { href: '/messages', label: 'Messages', unreadThreads: true },
        { href: '/donnees-personnelles', label: 'Données personnelles' },
        { href: '/utilisateurs', label: 'Utilisateurs' },
      ];
    case 'referent':
      return [
        { href: '/', label: 'Accueil' },
        { href: '/ma-structure', label: 'Ma structure' },
        { href: '/appels', label: 'Appels et candidatures' },
        { href: '/demandes', label: 'Demandes au tuteur' },
        { href: '/rapports', label: 'Rapports' },
        { href: '/messages', label: 'Mes messages', unreadThreads: true },
        { href: '/donnees-personnelles', label: 'Mes données' },
        ...(me.memberships.some((m) => m.relation === 'referent') ? [{ href: '/delegation', label: 'Délégation' }] : []),
      ];
    case 'tutor':
      return [
        { href: '/', label: 'Accueil' },
        { href: '/ma-structure', label: 'Mes essaimés' },
        { href: '/demandes', label: 'Demandes' },
        { href: `/tutorat/tuteurs/${me.userId}`, label: 'Ma fiche de tuteur' },
        { href: '/messages', label: 'Mes messages' },
      ];
  }
}
