import * as z from 'zod';

/** What the personal-data routes answer (the contract; the read model in shared/read-models/personal-data fills it). */

const personSchema = z.object({ kind: z.enum(['user', 'participant']), id: z.string() });
const storedKeySchema = z.object({ pk: z.string(), sk: z.string() });

export const personalDataExportSchema = z.object({
  person: personSchema,
  exportedAt: z.string(),
  record: z.record(z.string(), z.unknown()).describe("The person's own record"),
  copies: z
    .array(z.object({ entityType: z.string(), key: storedKeySchema, data: z.record(z.string(), z.unknown()) }))
    .describe("Every other item that holds their name or email, or points at them, in the person's own view (staff's records about them left out)"),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

export const erasureResultSchema = z.object({
  person: personSchema,
  alreadyErased: z.boolean(),
  scrubbed: z.number().int().describe('Items rewritten besides the person’s own record'),
  notScrubbable: z
    .array(storedKeySchema.extend({ attributes: z.array(z.string()) }))
    .describe('Items holding the data in a key attribute, which cannot be rewritten in place (expected: none)'),
  documentsDeleted: z.number().int().optional().describe('Documents the person uploaded, deleted with every version of their file (users only)'),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;
