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

export const accountEmail = itemType({
  type: 'AccountEmail',
  pk: 'ACCOUNTEMAIL#{emailHash}',
  sk: 'ACCOUNT',
  personal: true,
  description:
    'One account per e-mail: keyed on a SHA-256 of the trimmed, lower-cased e-mail, names the user; written with the profile (sign-up, invitation), read by the local sign-in',
});

export const delegateSlot = itemType({
  type: 'DelegateSlot',
  pk: 'DELEGATESLOT#{structureId}',
  sk: 'DELEGATE',
  personal: false,
  description: "A structure's one active delegate: written with the delegate's invitation (refused if taken), released on deactivation",
});

export const localCredential = itemType({
  type: 'LocalCredential',
  pk: 'LOCALUSER#{userId}',
  sk: 'CREDENTIAL',
  personal: true,
  expires: true,
  description:
    'Local runs only (the stand-in for Cognito): scrypt hash of the password, e-mail and state (unconfirmed, invited, confirmed); an unconfirmed sign-up expires after 24 h',
});

export const localInvitation = itemType({
  type: 'LocalInvitation',
  pk: 'INVITATION#{tokenHash}',
  sk: 'INVITATION',
  personal: false,
  expires: true,
  description: "Local runs only: an invitation's one-time link, keyed on the SHA-256 of its token (never stored in clear), expires after 7 days",
});

/** Item types of shared/identity (key templates, indexes, personal data). */
export const identityItemTypes = [userProfile, membership, accountEmail, delegateSlot, localCredential, localInvitation];
