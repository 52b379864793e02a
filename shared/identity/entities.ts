import { defineEntity } from '../db/entity';
import { membership, userProfile } from '../db/entities/identity';
import { membershipSchema, userProfileSchema } from './schemas';

export const userProfileEntity = defineEntity(userProfile, userProfileSchema);
export const membershipEntity = defineEntity(membership, membershipSchema);
