import type { VNode } from 'preact';
import type { Me, Role } from './api/types';
import type { Params } from './router';
import { HomePage } from './pages/home';
import { EssaimePage, MyEssaimesPage } from './pages/essaimes';
import { HistoryPage } from './pages/history';
import { MessagesPage } from './pages/messages';
import { SeasonPage, SeasonsPage } from './pages/seasons';
import { CallPage, CallsPage } from './pages/calls';
import { CallApplicationsPage, StaffApplicationPage } from './pages/applications';
import { ReferentApplicationPage, StartApplicationPage } from './pages/apply';
import { EssaimeDashboardPage, EvaluationPage, FidelityPage, ProgrammeDashboardPage, ReportPage, ReportsPage } from './pages/evaluation';
import { GuidePage, RequestPage, RequestsPage, TutoringPage } from './pages/tutoring';
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
  { path: '/demandes', roles: ['referent', 'tutor'], render: () => <RequestsPage /> },
  { path: '/demandes/:requestId', render: (p) => <RequestPage requestId={p.requestId!} /> },
  { path: '/tutorat', roles: ['staff'], render: () => <TutoringPage /> },
  { path: '/guide-essaimage', roles: ['staff'], render: () => <GuidePage /> },
  { path: '/rapports', roles: ['referent'], render: () => <ReportsPage /> },
  { path: '/rapports/:stageId/:essaimeId', render: (p) => <ReportPage stageId={p.stageId!} essaimeId={p.essaimeId!} /> },
  { path: '/evaluation', roles: ['staff'], render: () => <EvaluationPage /> },
  { path: '/tableau-de-bord', roles: ['staff'], render: () => <ProgrammeDashboardPage /> },
  { path: '/structure-essaimee/:essaimeId/tableau-de-bord', render: (p) => <EssaimeDashboardPage essaimeId={p.essaimeId!} /> },
  { path: '/structure-essaimee/:essaimeId/fidelite', render: (p) => <FidelityPage essaimeId={p.essaimeId!} /> },
  { path: '/messages', render: () => <MessagesPage /> },
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
        { href: '/tableau-de-bord', label: 'Tableau de bord' },
        { href: '/messages', label: 'Messages' },
      ];
    case 'referent':
      return [
        { href: '/', label: 'Accueil' },
        { href: '/ma-structure', label: 'Ma structure' },
        { href: '/appels', label: 'Appels et candidatures' },
        { href: '/demandes', label: 'Demandes au tuteur' },
        { href: '/rapports', label: 'Rapports' },
        { href: '/messages', label: 'Mes messages' },
      ];
    case 'tutor':
      return [
        { href: '/', label: 'Accueil' },
        { href: '/ma-structure', label: 'Mes essaimés' },
        { href: '/demandes', label: 'Demandes' },
        { href: '/messages', label: 'Mes messages' },
      ];
  }
}
