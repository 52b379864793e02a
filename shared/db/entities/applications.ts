import { itemType } from '../entity';

/**
 * An application, its reviews and staff's private notes share a partition: the staff view of an
 * application is one Query. The ranked list of a call (gsi1) and of one status (gsi2) sort on the rank key
 * (score, see shared/applications/rules.ts); an applicant's own applications are on gsi3.
 */
export const application = itemType({
  type: 'Application',
  pk: 'APP#{applicationId}',
  sk: 'APP',
  indexes: {
    gsi1: { pk: 'CALL#{callId}#APPS', sk: '{rank}' },
    gsi2: { pk: 'CALL#{callId}#STATUS#{status}', sk: '{rank}' },
    gsi3: { pk: 'APPLICANT#{applicantUserId}', sk: '{createdAt}#{applicationId}' },
  },
  personal: true,
  description: 'An application of a structure to a call: the structure, its people, answers, eligibility, scores and decision',
});

export const review = itemType({
  type: 'Review',
  pk: 'APP#{applicationId}',
  sk: 'REVIEW#{reviewerUserId}',
  personal: true,
  description: 'One staff reviewer of an application: assignment, rubric scores and comment, or recusal and its reason',
});

export const staffNote = itemType({
  type: 'StaffNote',
  pk: 'APP#{applicationId}',
  sk: 'NOTE#{createdAt}#{noteId}',
  personal: true,
  description: 'A private note of staff on an application (never shown to the applicant nor exported)',
});

export const applicationUnique = itemType({
  type: 'ApplicationUnique',
  pk: 'APPUNIQUE#{callId}#{holder}',
  sk: 'UNIQUE',
  personal: false,
  description: 'One application per applicant (holder USER#<userId>) and per structure (holder STR#<structureId>) in a call',
});

export const dossierCounter = itemType({
  type: 'DossierCounter',
  pk: 'DOSSIERSEQ#{year}',
  sk: 'COUNTER',
  personal: false,
  description: 'The last dossier number given in a year (YYYY-ESS-NNNN): moved by one, under a condition on the value read, in the submission transaction',
});

export const dossierNumber = itemType({
  type: 'DossierNumber',
  pk: 'DOSSIER#{dossierNumber}',
  sk: 'DOSSIER',
  personal: false,
  description: 'A dossier number and the application it was given to: written once, so no number is ever given twice',
});

/** Item types of shared/applications (key templates, indexes, personal data). */
export const applicationsItemTypes = [application, review, staffNote, applicationUnique, dossierCounter, dossierNumber];
