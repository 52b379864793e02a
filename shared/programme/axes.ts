import * as z from 'zod/mini';

/** The five axes along which the formation-action's modules, the needs of a territory and tutors' expertise are cut. */
export const axes = ['prospecting', 'loyalty', 'jobseeker-support', 'matching', 'transformation'] as const;
export const axisSchema = z.enum(axes);
export type Axis = z.infer<typeof axisSchema>;

export const axisLabels: Record<Axis, string> = {
  prospecting: 'Prospecter les entreprises (« aller-vers »)',
  loyalty: 'Fidéliser les entreprises',
  'jobseeker-support': "Accompagner les demandeurs d'emploi (PER)",
  matching: 'Mettre en relation offres et candidats',
  transformation: 'Transformer la structure',
};

/** The four principles of the A.CO.R. method, against which fidelity is assessed. */
export const principles = ['go-towards-companies', 'one-offer-one-candidate', 'realistic-achievable', 'cre-team'] as const;
export const principleSchema = z.enum(principles);
export type Principle = z.infer<typeof principleSchema>;

export const principleLabels: Record<Principle, string> = {
  'go-towards-companies': 'Aller vers les entreprises',
  'one-offer-one-candidate': 'Une offre, un candidat',
  'realistic-achievable': 'Réaliste, réactif, réalisable',
  'cre-team': 'Une équipe de chargés de relation entreprises',
};

export const settingSchema = z.enum(['urban', 'rural', 'semi-rural']);
export type Setting = z.infer<typeof settingSchema>;
