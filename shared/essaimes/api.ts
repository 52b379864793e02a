import * as z from 'zod/mini';
import { roles } from '../access/principal';
import { pageOf, pageQuery } from '../db/pagination';
import { defineRoute } from '../http/route';
import { idSchema } from '../ids';
import { essaimeRowSchema, essaimeViewSchema } from './schemas';

export const essaimesApi = {
  list: defineRoute({
    operationId: 'listEssaimes',
    method: 'GET',
    path: '/seasons/{seasonId}/essaimes',
    summary: "Essaimés of a season (staff: all; referents and tutors: their own)",
    tag: 'essaimes',
    access: roles,
    params: z.strictObject({ seasonId: idSchema('season') }),
    query: pageQuery,
    response: { status: 200, description: 'A page of essaimés, by structure name, each with its tutor’s name', schema: pageOf(essaimeRowSchema) },
    errors: [],
  }),
  get: defineRoute({
    operationId: 'getEssaime',
    method: 'GET',
    path: '/essaimes/{essaimeId}',
    summary: 'One essaimé with its participants',
    tag: 'essaimes',
    access: roles,
    params: z.strictObject({ essaimeId: idSchema('essaime') }),
    response: { status: 200, description: 'The essaimé with its participants (emails for staff and referents only)', schema: essaimeViewSchema },
    errors: ['NOT_FOUND'],
  }),
};
