import { z } from 'zod';
import { roles } from '../access/principal';
import { pageQuery } from '../db/pagination';
import { defineRoute } from '../http/route';
import { idSchema } from '../ids';

export const essaimesApi = {
  list: defineRoute({
    operationId: 'listEssaimes',
    method: 'GET',
    path: '/seasons/{seasonId}/essaimes',
    summary: "Essaimés of a season (staff: all; referents and tutors: their own)",
    tag: 'essaimes',
    access: roles,
    params: z.object({ seasonId: idSchema('season') }).strict(),
    query: pageQuery,
  }),
  get: defineRoute({
    operationId: 'getEssaime',
    method: 'GET',
    path: '/essaimes/{essaimeId}',
    summary: 'One essaimé with its participants',
    tag: 'essaimes',
    access: roles,
    params: z.object({ essaimeId: idSchema('essaime') }).strict(),
  }),
};
