import type { CreateApplicationInput } from '../../shared/applications/schemas';

/**
 * What each applicant structure of the demo call says of itself, drawn from its own VITA project sheet
 * (shared/seeds/vita-territory-project-sheets.txt: address, size, activities, public, partners, needs). The
 * people are invented (the sheets name real people); their roles are the sheets'.
 */
export type ApplicationProfile = Pick<CreateApplicationInput, 'structure' | 'prescriber' | 'people' | 'referent' | 'needs'> & {
  structure: NonNullable<CreateApplicationInput['structure']>;
  hypothesis: 'A' | 'B';
};

export const applicationProfiles: Record<string, ApplicationProfile> = {
  str_envol: {
    hypothesis: 'A',
    structure: {
      name: "L'Envol",
      legalForm: "Entreprise d'insertion",
      address: '4 bis rue des Écoles, 86240 Smarves',
      staffFte: 2.5,
      budgetSituation: 'balanced',
      missions: "Association intermédiaire du Pays des Six Vallées ; projet d'une structure de services à la personne pour proposer des CDI aux personnes en fin de parcours.",
      publicServed: "Demandeurs d'emploi proches de l'emploi travaillant dans les services à la personne auprès des mêmes donneurs d'ordres depuis plusieurs années.",
      speRelations: 'Conventionnée par la DDETS ; orientations de France Travail et du conseil départemental de la Vienne.',
    },
    prescriber: { name: 'Conseil départemental de la Vienne', kind: 'departement', contactName: "Direction de l'insertion" },
    people: [
      { name: 'Ludivine Charrier', role: 'Agente de développement', email: 'ludivine.charrier@envol.example' },
      { name: 'Claire Boudier', role: 'Accompagnatrice socioprofessionnelle', email: 'claire.boudier@envol.example' },
    ],
    referent: { name: 'Sophie Marchand', role: 'Directrice', email: 'sophie.marchand@envol.example' },
    needs: [
      { axis: 'transformation', priority: 1, description: 'Piloter par étapes la création de la structure de services à la personne malgré la petite taille de l’équipe.' },
      { axis: 'loyalty', priority: 2, description: 'Garder les donneurs d’ordres face à la concurrence privée du secteur.' },
    ],
  },
  'str_collectif-pes': {
    hypothesis: 'A',
    structure: {
      name: 'Collectif PES',
      legalForm: 'Association loi 1901',
      address: 'Chemin du Larris, 91150 Étampes',
      staffFte: 6,
      budgetSituation: 'balanced',
      missions: 'Pôle Économie Solidaire du Sud-Essonne : appui à quatre structures membres (association intermédiaire, entreprise d’insertion, chantier maraîcher, centre de formation) et nouveaux projets (plateforme mobilité, épicerie d’insertion).',
      publicServed: "Demandeurs d'emploi du Sud-Essonne rural, souvent sans moyen de transport, bénéficiaires du RSA.",
      speRelations: 'Membres du CAIE 91 ; comité de suivi des parcours avec France Travail Étampes.',
    },
    prescriber: { name: "Conseil départemental de l'Essonne", kind: 'departement', contactName: 'Service insertion Sud-Essonne' },
    people: [
      { name: 'Samir Belkacem', role: 'Chargé de relation entreprises', email: 'samir.belkacem@collectif-pes.example' },
      { name: 'Aurore Lefort', role: 'Coordinatrice des parcours', email: 'aurore.lefort@collectif-pes.example' },
      { name: 'Hélène Vasseur', role: 'Directrice', email: 'helene.vasseur@collectif-pes.example' },
    ],
    referent: { name: 'Hélène Vasseur', role: 'Directrice', email: 'helene.vasseur@collectif-pes.example' },
    needs: [
      { axis: 'prospecting', priority: 1, description: 'Les partenariats avec les entreprises sont encore peu développés sur 132 communes rurales.' },
      { axis: 'transformation', priority: 2, description: 'Garder l’identité de chaque structure dans une stratégie commune du pôle.' },
    ],
  },
  'str_erdre-loire': {
    hypothesis: 'A',
    structure: {
      name: 'Erdre et Loire Initiatives',
      legalForm: 'Association loi 1901',
      address: 'Espace Corail, 30 place Francis-Robert, 44150 Ancenis',
      staffFte: 8.5,
      budgetSituation: 'surplus',
      missions: 'Chantier d’insertion (17 000 heures), mise à disposition de personnel (21 000 heures) et location de scooters pour la mobilité.',
      publicServed: "Demandeurs d'emploi du Pays d'Ancenis, zones urbaines et rurales, dont des jeunes sans permis.",
      speRelations: 'Certifiée CEDRE ; convention avec France Travail Ancenis et la mission locale.',
    },
    prescriber: { name: 'Communauté de communes du Pays d’Ancenis', kind: 'agglomeration', contactName: 'Service emploi' },
    people: [
      { name: 'Aurélien Chauvet', role: 'Chargé de développement', email: 'aurelien.chauvet@erdre-loire.example' },
      { name: 'Maud Pineau', role: 'Conseillère en insertion', email: 'maud.pineau@erdre-loire.example' },
    ],
    referent: { name: 'Gaëlle Hervé', role: 'Directrice', email: 'gaelle.herve@erdre-loire.example' },
    needs: [
      { axis: 'matching', priority: 1, description: 'Faire suivre la mise à disposition d’emplois durables chez les particuliers et les professionnels.' },
      { axis: 'jobseeker-support', priority: 2, description: 'Consolider les parcours avant l’emploi.' },
      { axis: 'prospecting', priority: 3, description: '' },
    ],
  },
  'str_sms-cambrai': {
    hypothesis: 'A',
    structure: {
      name: 'Solidarité Multi-Services',
      legalForm: 'Association intermédiaire',
      address: '8 rue de Belfort, 59400 Cambrai',
      staffFte: 12.5,
      budgetSituation: 'occasional-deficit',
      missions: 'Association intermédiaire depuis 1985 et service d’aide à domicile agréé ; actions d’insertion sociale (véhicule solidaire, culture et insertion).',
      publicServed: 'Personnes isolées, âgées ou handicapées (aide à domicile) ; demandeurs d’emploi accompagnés par le département.',
      speRelations: 'Membre de COORACE ; coordination des sorties avec France Travail Cambrai.',
    },
    prescriber: { name: 'Conseil départemental du Nord', kind: 'departement', contactName: 'Direction territoriale du Cambrésis' },
    people: [
      { name: 'Julie Dufour', role: 'Chargée de relation entreprises', email: 'julie.dufour@sms-cambrai.example' },
      { name: 'Rémi Carpentier', role: 'Conseiller en insertion', email: 'remi.carpentier@sms-cambrai.example' },
    ],
    referent: { name: 'Didier Lemaire', role: 'Directeur', email: 'didier.lemaire@sms-cambrai.example' },
    needs: [
      { axis: 'jobseeker-support', priority: 1, description: 'Former les salariés en parcours vers une préqualification.' },
      { axis: 'matching', priority: 2, description: '' },
    ],
  },
  str_thouarsais: {
    hypothesis: 'B',
    structure: {
      name: 'Communauté de communes du Thouarsais',
      legalForm: 'Établissement public de coopération intercommunale',
      address: '4 rue de la Trémoïlle, 79100 Thouars',
      staffFte: 5,
      budgetSituation: 'balanced',
      missions: 'Le Pays Thouarsais veut devenir un « territoire insérant » : son service emploi-insertion accompagne les habitants éloignés de l’emploi et porte les clauses sociales de la commande publique.',
      publicServed: 'Habitants du Pays Thouarsais sans emploi, en zone rurale sans transport en commun ; recours important à l’intérim et aux travaux saisonniers.',
      speRelations: 'Conseil de développement du Pays ; travail avec Porte Ouverte Emploi et les SIAE du nord des Deux-Sèvres.',
    },
    prescriber: null,
    people: [
      { name: 'Nathalie Gaborit', role: 'Chargée de mission clauses sociales', email: 'nathalie.gaborit@thouarsais.example' },
      { name: 'Fabien Moreau', role: 'Conseiller emploi', email: 'fabien.moreau@thouarsais.example' },
    ],
    referent: { name: 'Sébastien Bonnin', role: 'Directeur du service emploi-insertion', email: 'sebastien.bonnin@thouarsais.example' },
    needs: [
      { axis: 'prospecting', priority: 1, description: 'Difficultés de recrutement des entreprises industrielles et artisanales en personnel qualifié.' },
      { axis: 'transformation', priority: 2, description: 'Faire passer l’équipe d’une logique d’action sociale à une relation suivie avec les entreprises.' },
    ],
  },
};
