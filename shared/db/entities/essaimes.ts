import { itemType } from '../entity';

export const essaime = itemType({
  type: 'Essaime',
  pk: 'ESSAIME#{essaimeId}',
  sk: 'ESSAIME',
  indexes: {
    gsi1: { pk: 'SEASON#{seasonId}#ESSAIMES', sk: '{structureNameKey}#{essaimeId}' },
    gsi2: { pk: 'STRUCTURE#{structureId}#ESSAIMES', sk: '{createdAt}#{essaimeId}' },
  },
  personal: false,
  description:
    "A selected structure of a season (territory, hypothesis, needs, tutor, activeParticipantCount ≤ 3); a season's essaimés by structure name on gsi1, a structure's by creation on gsi2",
});

export const essaimeUnique = itemType({
  type: 'EssaimeUnique',
  pk: 'ESSAIMEUNIQUE#{seasonId}#{structureId}',
  sk: 'UNIQUE',
  personal: false,
  description: 'One essaimé per structure and season: written with the essaimé, refused if the structure is already one',
});

export const participant = itemType({
  type: 'Participant',
  pk: 'ESSAIME#{essaimeId}',
  sk: 'PARTICIPANT#{participantId}',
  personal: true,
  description: "A person of the structure who follows the formation-action (name, role, email); shares the essaimé's partition; history kept (until, replacedBy)",
});

export const activeParticipantEmail = itemType({
  type: 'ActiveParticipantEmail',
  pk: 'ACTIVEEMAIL#{essaimeId}#{emailHash}',
  sk: 'UNIQUE',
  personal: true,
  description:
    "One active participant per person and essaimé: keyed on a SHA-256 of the trimmed, lower-cased e-mail (no e-mail in clear), written with the participant, deleted when they leave",
});

/** Item types of shared/essaimes (key templates, indexes, personal data). */
export const essaimesItemTypes = [essaime, essaimeUnique, participant, activeParticipantEmail];
