import type { DemoUser } from '../local/server';
import type { Axis } from '../../shared/programme/axes';

/**
 * Realistic structures and territories for demo data, taken from the VITA project sheets
 * (shared/seeds/vita-territory-project-sheets.txt). Used by the demo seed, the tests and the bench.
 */
export interface DemoStructure {
  structureId: string;
  name: string;
  legalForm: string;
  territory: {
    name: string;
    region: string;
    departement: string;
    departementCode: string;
    setting: 'urban' | 'rural' | 'semi-rural';
    population: number;
  };
}

export const demoStructures: DemoStructure[] = [
  { structureId: 'str_passerelle', name: 'Passerelle', legalForm: 'Association loi 1901', territory: { name: 'Ville de Thiers', region: 'Auvergne-Rhône-Alpes', departement: 'Puy-de-Dôme', departementCode: '63', setting: 'urban', population: 11_600 } },
  { structureId: 'str_etudes-chantiers', name: 'Études et Chantiers Bretagne - Pays de la Loire', legalForm: 'Association loi 1901', territory: { name: 'Communauté de communes du Pays de Bégard', region: 'Bretagne', departement: "Côtes-d'Armor", departementCode: '22', setting: 'rural', population: 15_000 } },
  { structureId: 'str_jura-service', name: 'Jura Service', legalForm: 'Association intermédiaire', territory: { name: "Communauté d'agglomération du Grand Dole", region: 'Bourgogne-Franche-Comté', departement: 'Jura', departementCode: '39', setting: 'semi-rural', population: 54_000 } },
  { structureId: 'str_acteure', name: "Act'Eure Insertion", legalForm: 'Association loi 1901', territory: { name: "Pays d'Évreux", region: 'Normandie', departement: 'Eure', departementCode: '27', setting: 'semi-rural', population: 110_000 } },
  { structureId: 'str_collectif-pes', name: 'Collectif PES', legalForm: 'Association loi 1901', territory: { name: 'Sud Essonne (132 communes)', region: 'Île-de-France', departement: 'Essonne', departementCode: '91', setting: 'rural', population: 130_000 } },
  { structureId: 'str_semes', name: 'SEMES', legalForm: 'Association loi 1901', territory: { name: 'Le Vignoble nantais', region: 'Pays de la Loire', departement: 'Loire-Atlantique', departementCode: '44', setting: 'rural', population: 95_000 } },
  { structureId: 'str_erdre-loire', name: 'Erdre et Loire Initiatives', legalForm: 'Association loi 1901', territory: { name: "Pays d'Ancenis", region: 'Pays de la Loire', departement: 'Loire-Atlantique', departementCode: '44', setting: 'semi-rural', population: 55_000 } },
  { structureId: 'str_envol', name: "L'Envol", legalForm: "Entreprise d'insertion", territory: { name: 'Pays des Six Vallées', region: 'Nouvelle-Aquitaine', departement: 'Vienne', departementCode: '86', setting: 'rural', population: 40_000 } },
  { structureId: 'str_air-aicm', name: 'AIR & AICM', legalForm: 'Association intermédiaire', territory: { name: 'Pays de Gâtine', region: 'Nouvelle-Aquitaine', departement: 'Deux-Sèvres', departementCode: '79', setting: 'rural', population: 70_000 } },
  { structureId: 'str_sms-cambrai', name: 'Solidarité Multi-Services', legalForm: 'Association intermédiaire', territory: { name: 'Arrondissement de Cambrai', region: 'Hauts-de-France', departement: 'Nord', departementCode: '59', setting: 'semi-rural', population: 160_000 } },
  { structureId: 'str_thouarsais', name: 'Communauté de communes du Thouarsais', legalForm: 'Établissement public de coopération intercommunale', territory: { name: 'Pays Thouarsais', region: 'Nouvelle-Aquitaine', departement: 'Deux-Sèvres', departementCode: '79', setting: 'rural', population: 41_000 } },
];

export const demoUsers: (DemoUser & { email: string; organisation: string; structureIds: string[] })[] = [
  { userId: 'demo-staff-claire', role: 'staff', displayName: 'Claire Moreau', email: 'claire.moreau@ansa.example', organisation: 'Ansa', description: "Chargée de programme chez Ansa : appels, sélection, formation, évaluation", structureIds: [] },
  { userId: 'demo-staff-thomas', role: 'staff', displayName: 'Thomas Leroy', email: 'thomas.leroy@ansa.example', organisation: 'Ansa', description: 'Évaluateur chez Ansa', structureIds: [] },
  { userId: 'demo-tutor-michel', role: 'tutor', displayName: 'Michel Lacoste', email: 'michel.lacoste@acor.example', organisation: 'A.CO.R.', description: 'Tuteur A.CO.R., suit Passerelle (Thiers)', structureIds: ['str_passerelle'] },
  { userId: 'demo-tutor-isabelle', role: 'tutor', displayName: 'Isabelle Etcheverry', email: 'isabelle.etcheverry@acor.example', organisation: 'A.CO.R.', description: 'Tutrice A.CO.R., sans structure assignée ; référente A.CO.R. qui décide du label', structureIds: [] },
  { userId: 'demo-referent-passerelle', role: 'referent', displayName: 'Nadia Benali', email: 'nadia.benali@passerelle.example', organisation: 'Passerelle', description: 'Directrice générale de Passerelle (Thiers), référente', structureIds: ['str_passerelle'] },
  { userId: 'demo-referent-jura', role: 'referent', displayName: 'Julien Girard', email: 'julien.girard@jura-service.example', organisation: 'Jura Service', description: 'Directeur de Jura Service (Grand Dole), référent', structureIds: ['str_jura-service'] },
  { userId: 'demo-applicant-envol', role: 'referent', displayName: 'Sophie Marchand', email: 'sophie.marchand@envol.example', organisation: "L'Envol", description: "Directrice de L'Envol, candidate à l'appel (pas encore essaimée)", structureIds: [] },
];

/** The 2019 cohort of essaimés, with the needs they declared (first = highest priority). */
export const demoEssaimes: {
  structureId: string;
  hypothesis: 'A' | 'B';
  referentUserId: string;
  referentName: string;
  tutorUserId: string | null;
  needs: Axis[];
  participants: { name: string; role: string; email: string }[];
}[] = [
  { structureId: 'str_passerelle', hypothesis: 'A', referentUserId: 'demo-referent-passerelle', referentName: 'Nadia Benali', tutorUserId: 'demo-tutor-michel', needs: ['prospecting', 'matching', 'loyalty'], participants: [
    { name: 'Karim Haddad', role: 'Chargé de relation entreprises', email: 'karim.haddad@passerelle.example' },
    { name: 'Élodie Fabre', role: 'Conseillère en insertion', email: 'elodie.fabre@passerelle.example' },
    { name: 'Nadia Benali', role: 'Directrice générale', email: 'nadia.benali@passerelle.example' },
  ] },
  { structureId: 'str_jura-service', hypothesis: 'A', referentUserId: 'demo-referent-jura', referentName: 'Julien Girard', tutorUserId: null, needs: ['loyalty', 'transformation'], participants: [
    { name: 'Laure Vuillemin', role: 'Chargée de relation entreprises', email: 'laure.vuillemin@jura-service.example' },
    { name: 'Paul Gauthier', role: "Accompagnateur socio-professionnel", email: 'paul.gauthier@jura-service.example' },
  ] },
  { structureId: 'str_etudes-chantiers', hypothesis: 'A', referentUserId: 'demo-referent-etudes-chantiers', referentName: 'Yann Le Goff', tutorUserId: null, needs: ['jobseeker-support', 'prospecting'], participants: [
    { name: 'Gwenaëlle Morvan', role: 'Encadrante technique', email: 'gwenaelle.morvan@eccb.example' },
    { name: 'Erwan Le Bihan', role: 'Chargé de relation entreprises', email: 'erwan.lebihan@eccb.example' },
  ] },
  { structureId: 'str_acteure', hypothesis: 'A', referentUserId: 'demo-referent-acteure', referentName: 'Martine Lefebvre', tutorUserId: null, needs: ['matching', 'jobseeker-support'], participants: [
    { name: 'Hugo Delamare', role: 'Chargé de relation entreprises', email: 'hugo.delamare@acteure.example' },
  ] },
  { structureId: 'str_semes', hypothesis: 'B', referentUserId: 'demo-referent-semes', referentName: 'Anne Guérin', tutorUserId: null, needs: ['transformation', 'prospecting'], participants: [
    { name: 'Olivier Bretaudeau', role: "Responsable d'équipe emploi", email: 'olivier.bretaudeau@semes.example' },
    { name: 'Claire Rousseau', role: 'Conseillère emploi', email: 'claire.rousseau@semes.example' },
  ] },
  { structureId: 'str_air-aicm', hypothesis: 'A', referentUserId: 'demo-referent-air', referentName: 'Bernard Texier', tutorUserId: null, needs: ['prospecting', 'loyalty'], participants: [
    { name: 'Sandrine Billaud', role: 'Chargée de relation entreprises', email: 'sandrine.billaud@air-aicm.example' },
  ] },
];
