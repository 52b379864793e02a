import { z } from 'zod';
import { roles, roleSchema } from '../access/principal';
import { defineRoute } from '../http/route';

export const meSchema = z.object({
  userId: z.string(),
  role: roleSchema,
  displayName: z.string().nullable(),
  organisation: z.string().nullable(),
  structureIds: z.array(z.string()),
  memberships: z.array(
    z.object({ structureId: z.string(), structureName: z.string(), relation: z.enum(['referent', 'tutor']), since: z.string() }),
  ),
});

export const identityApi = {
  me: defineRoute({
    operationId: 'getMe',
    method: 'GET',
    path: '/me',
    summary: "The caller's identity, role and memberships",
    tag: 'identity',
    access: roles,
    response: { status: 200, description: 'The caller', schema: meSchema },
  }),
};
