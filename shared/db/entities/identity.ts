import { itemType } from '../entity';

export const userProfile = itemType({
  type: 'UserProfile',
  pk: 'USER#{userId}',
  sk: 'PROFILE',
  indexes: { gsi1: { pk: 'ROLE#{role}', sk: 'USER#{userId}' } },
  personal: true,
  description: 'A user of the programme (staff, tutor, referent): name, e-mail, organisation; users listed by role on gsi1',
});

export const membership = itemType({
  type: 'Membership',
  pk: 'USER#{userId}',
  sk: 'MEMBER#{structureId}',
  indexes: { gsi1: { pk: 'STRUCTURE#{structureId}', sk: 'MEMBER#{relation}#{userId}' } },
  personal: true,
  description: "A user's tie to a structure (its referent, or its assigned tutor); a structure's members on gsi1",
});

/** Item types of shared/identity (key templates, indexes, personal data). */
export const identityItemTypes = [userProfile, membership];
