import type { TestApi } from './api';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/**
 * Ids of the demo seed (scripts/seed/*) by path-parameter name, for tests that must reach a route's use case
 * rather than its 404. The seed draws ids at random, so each is read back through the API as staff, from the
 * answer where it first appears (searched in depth, so a reshaped answer still yields it).
 */
const staff = 'demo-staff-claire';
export const demoTutor = 'demo-tutor-michel';

type Resolver = (ids: DemoIds) => Promise<string>;

function firstValue(value: unknown, field: string, where: (holder: Record<string, unknown>) => boolean): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstValue(item, field, where);
      if (found) return found;
    }
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const holder = value as Record<string, unknown>;
  if (typeof holder[field] === 'string' && where(holder)) return holder[field] as string;
  for (const child of Object.values(holder)) {
    const found = firstValue(child, field, where);
    if (found) return found;
  }
  return undefined;
}

const readFrom =
  (path: (ids: DemoIds) => Promise<string>, field: string, where: (holder: Record<string, unknown>) => boolean = () => true): Resolver =>
  async (ids) => {
    const url = await path(ids);
    const res = await ids.api.call('GET', url, { as: staff });
    if (res.status !== 200) throw new Error(`Demo id {${field}}: GET ${url} answered ${res.status} ${res.text.slice(0, 300)}`);
    const found = firstValue(res.body, field, where);
    if (!found) throw new Error(`Demo id {${field}}: no ${field} in the answer of GET ${url}`);
    return found;
  };

const resolvers: Record<string, Resolver> = {
  seasonId: readFrom(async () => '/seasons?limit=100', 'seasonId', (s) => s.year === demoSeasons.cohort),
  essaimeId: readFrom(async (ids) => `/seasons/${await ids.get('seasonId')}/essaimes?limit=100`, 'essaimeId', (e) => e.structureId === 'str_passerelle'),
  participantId: readFrom(async (ids) => `/essaimes/${await ids.get('essaimeId')}`, 'participantId'),
  cohortId: readFrom(async (ids) => `/seasons/${await ids.get('seasonId')}/cohort`, 'cohortId'),
  moduleId: readFrom(async (ids) => `/cohorts/${await ids.get('cohortId')}`, 'moduleId'),
  sessionId: readFrom(async (ids) => `/cohorts/${await ids.get('cohortId')}/sessions?limit=100`, 'sessionId'),
  stageId: readFrom(async (ids) => `/seasons/${await ids.get('seasonId')}/stages`, 'stageId'),
  callId: readFrom(async () => '/calls?limit=100', 'callId'),
  applicationId: readFrom(async (ids) => `/calls/${await ids.get('callId')}/applications?limit=100`, 'applicationId'),
  requestId: readFrom(async () => `/tutoring/requests?tutorUserId=${demoTutor}&limit=100`, 'requestId'),
  threadId: (ids) => ids.get('applicationId'),
  tutorUserId: async () => demoTutor,
  userId: async () => 'demo-referent-passerelle',
  structureId: async () => 'str_passerelle',
  entityType: async () => 'season',
  entityId: (ids) => ids.get('seasonId'),
};

export class DemoIds {
  private readonly cache = new Map<string, Promise<string>>();
  constructor(readonly api: TestApi) {}

  has(name: string): boolean {
    return name in resolvers;
  }

  get(name: string): Promise<string> {
    const resolve = resolvers[name];
    if (!resolve) throw new Error(`No demo id for {${name}}: add how to find one to test/support/demo-ids.ts`);
    let id = this.cache.get(name);
    if (!id) {
      id = resolve(this);
      this.cache.set(name, id);
    }
    return id;
  }

  /** The route's path with every {param} replaced by its demo id. */
  async path(template: string): Promise<string> {
    let out = template;
    for (const [, name] of template.matchAll(/\{([a-zA-Z0-9_]+)\}/g)) out = out.replace(`{${name}}`, encodeURIComponent(await this.get(name!)));
    return out;
  }
}
