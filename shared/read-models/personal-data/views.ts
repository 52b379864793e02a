import * as z from 'zod/mini';

/** What the personal-data routes answer (the contract; the read model in shared/read-models/personal-data fills it). */

const personSchema = z.object({ kind: z.enum(['user', 'participant']), id: z.string() });
const storedKeySchema = z.object({ pk: z.string(), sk: z.string() });

export const personalDataExportSchema = z.object({
  person: personSchema,
  exportedAt: z.string(),
  record: z.record(z.string(), z.unknown()).check(z.describe("The person's own record")),
  copies: z.array(z.object({ entityType: z.string(), key: storedKeySchema, data: z.record(z.string(), z.unknown()) })).check(z.describe("Every other item that holds their name or email, or points at them, in the person's own view (staff's records about them left out)")),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

export const erasureResultSchema = z.object({
  person: personSchema,
  alreadyErased: z.boolean(),
  scrubbed: z.int().check(z.describe('Items rewritten besides the person’s own record')),
  notScrubbable: z.array(z.extend(storedKeySchema, { attributes: z.array(z.string()) })).check(z.describe('Items holding the data in a key attribute, which cannot be rewritten in place (expected: none)')),
  documentsDeleted: z.optional(z.int()).check(z.describe('Documents the person uploaded, deleted with every version of their file (users only)')),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;
