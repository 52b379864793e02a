import { defineEntity } from '../db/entity';
import { call, callCounter, criteriaVersion } from '../db/entities/calls';
import { callCounterSchema, callSchema, criteriaVersionSchema } from './schemas';

export const callEntity = defineEntity(call, callSchema);
export const callCounterEntity = defineEntity(callCounter, callCounterSchema);
/** The version number is padded in the sort key, so versions sort in order. */
export const criteriaVersionEntity = defineEntity(criteriaVersion, criteriaVersionSchema, {
  derive: (v) => ({ paddedVersion: String(v.version).padStart(4, '0') }),
});
