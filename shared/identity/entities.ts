import { defineEntity } from '../db/entity';
import { accountEmail, delegateSlot, localCredential, localInvitation, membership, userProfile } from '../db/entities/identity';
import { accountEmailSchema, delegateSlotSchema, localCredentialSchema, localInvitationSchema } from './account-schemas';
import { membershipSchema, userProfileSchema } from './schemas';

export const userProfileEntity = defineEntity(userProfile, userProfileSchema);
export const membershipEntity = defineEntity(membership, membershipSchema);
export const accountEmailEntity = defineEntity(accountEmail, accountEmailSchema);
export const delegateSlotEntity = defineEntity(delegateSlot, delegateSlotSchema);
export const localCredentialEntity = defineEntity(localCredential, localCredentialSchema);
export const localInvitationEntity = defineEntity(localInvitation, localInvitationSchema);
