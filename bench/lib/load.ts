import type { LocalProduct } from '../../scripts/local/product';
import { putAllNow } from '../../shared/db/batch';
import { commit } from '../../shared/db/transact';
import { createEssaimeWrites } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { getReport } from '../../shared/evaluation/repository';
import { defaultTemplate } from '../../shared/evaluation/templates';
import { createStage } from '../../shared/evaluation/use-cases';
import { userProfileEntity } from '../../shared/identity/entities';
import { newId } from '../../shared/ids';
import { createSeason } from '../../shared/seasons/use-cases';
import { demoStructures } from '../../scripts/seed/demo-catalogue';
import { pad } from './bulk';
import { inBatches } from './scenario';
import { summarize, type Summary } from './stats';

/**
 * The load scenario (issue 12): `writers` referents at once, each saving then submitting the report of its
 * own essaimé, while `readers` other referents read their essaimé's dashboard. Every request goes through
 * the local server (real JWT, the Lambda handlers). Counts errors (any non-2xx) and lost writes: after the
 * run every report is read back and must be submitted with the indicators its referent sent.
 */
export interface LoadResult {
  writers: number;
  readers: number;
  requests: number;
  wallMs: number;
  throughputPerSecond: number;
  latency: Summary;
  byKind: Record<'save' | 'submit' | 'dashboard', Summary>;
  errors: number;
  errorSamples: string[];
  lostWrites: number;
  setupMs: number;
}

const staff = { userId: 'demo-staff-claire', role: 'staff' as const, structureIds: [] };

export async function benchLoad(product: LocalProduct, options: { writers: number; readers: number; progress?: (line: string) => void }): Promise<LoadResult> {
  const deps = product.deps;
  const t0 = performance.now();
  const season = await createSeason(deps, staff, { name: 'Saison de charge', year: 2095, startDate: '2095-01-01', endDate: '2096-12-31' });
  const stage = await createStage(deps, staff, season.seasonId, { kind: 'first-return', order: 1, opensOn: '2024-01-01', dueOn: '2099-12-31' });
  const since = deps.now().toISOString();
  const count = options.writers + options.readers;
  const essaimes: Essaime[] = Array.from({ length: count }, (_, i) => {
    const structure = demoStructures[i % demoStructures.length]!;
    return {
      essaimeId: newId('essaime'),
      seasonId: season.seasonId,
      callId: null,
      applicationId: null,
      structureId: `str_load-${pad(i)}`,
      structureName: `${structure.name} ${pad(i)}`,
      legalForm: structure.legalForm,
      territory: structure.territory,
      hypothesis: i % 2 ? 'B' : 'A',
      referentUserId: `bench-load-referent-${pad(i)}`,
      needs: [],
      activeParticipantCount: 0,
      tutorUserId: null,
      createdAt: since,
      version: 1,
    };
  });
  // Referents' profiles in bulk (entity declarations), essaimés through their creation writes (membership included).
  await putAllNow(
    deps.db,
    essaimes.map((e) => userProfileEntity.toItem({ userId: e.referentUserId, role: 'referent', displayName: `Référent ${e.structureName}`, email: `${e.referentUserId}@bench.example`, organisation: e.structureName, createdAt: since, origin: 'seed' })),
  );
  await inBatches(count, 16, async (i) => {
    const e = essaimes[i]!;
    await commit(deps.db, staff, createEssaimeWrites(deps.db, e, [], since), [{ action: 'essaime.created', entityType: 'essaime', entityId: e.essaimeId, changes: { seasonId: season.seasonId } }], deps.now());
  });
  const tokens = new Map<string, string>();
  await inBatches(count, 16, async (i) => {
    const userId = essaimes[i]!.referentUserId;
    tokens.set(userId, await product.tokenFor(userId));
  });
  const setupMs = Math.round(performance.now() - t0);
  options.progress?.(`load: ${options.writers} referents saving and submitting, ${options.readers} reading their dashboards (setup ${setupMs} ms)…`);

  const answers = Object.fromEntries(defaultTemplate('first-return').questions.map((q) => [q.key, 'Réponse']));
  const indicatorsOf = (i: number) => ({ activeFile: 30 + (i % 50), newlyWelcomed: 10, perSigned: 12, backInJob: 10 + (i % 20), durableJob: 4, meanDelayDays: 90 + (i % 30), companiesContacted: 100, companyVisits: 30, offersCaptured: 40, creFte: 2 });
  const samples: Record<'save' | 'submit' | 'dashboard', number[]> = { save: [], submit: [], dashboard: [] };
  const errorSamples: string[] = [];
  let errors = 0;
  const call = async (kind: keyof typeof samples, userId: string, method: string, path: string, body?: unknown) => {
    const s0 = performance.now();
    const response = await fetch(`${product.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(userId)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    samples[kind].push(performance.now() - s0);
    if (response.status < 200 || response.status > 299) {
      errors += 1;
      if (errorSamples.length < 5) errorSamples.push(`${method} ${path} → ${response.status} ${text.slice(0, 200)}`);
      return undefined;
    }
    return text ? (JSON.parse(text) as { version?: number }) : {};
  };
  const writer = async (i: number) => {
    const e = essaimes[i]!;
    const path = `/stages/${stage.stageId}/reports/${e.essaimeId}`;
    const saved = await call('save', e.referentUserId, 'PUT', path, { expectedVersion: 0, period: { start: '2095-01-01', end: '2095-06-30' }, indicators: indicatorsOf(i), answers });
    if (saved?.version === undefined) return;
    await call('submit', e.referentUserId, 'POST', `${path}/submit`, { expectedVersion: saved.version });
  };
  const reader = (i: number) => call('dashboard', essaimes[i]!.referentUserId, 'GET', `/essaimes/${essaimes[i]!.essaimeId}/dashboard`);

  const w0 = performance.now();
  await Promise.all([
    ...Array.from({ length: options.writers }, (_, i) => writer(i)),
    ...Array.from({ length: options.readers }, (_, i) => reader(options.writers + i)),
  ]);
  const wallMs = performance.now() - w0;

  // Lost writes: every writer's report must read back submitted, with what it sent.
  let lostWrites = 0;
  await inBatches(options.writers, 16, async (i) => {
    const report = await getReport(deps.db, stage.stageId, essaimes[i]!.essaimeId);
    const sent = indicatorsOf(i);
    const kept = report?.status === 'submitted' && Object.entries(sent).every(([k, v]) => (report.indicators as Record<string, number | undefined>)[k] === v);
    if (!kept) lostWrites += 1;
  });
  const all = [...samples.save, ...samples.submit, ...samples.dashboard];
  return {
    writers: options.writers,
    readers: options.readers,
    requests: all.length,
    wallMs: Math.round(wallMs),
    throughputPerSecond: Math.round((all.length / wallMs) * 1000 * 10) / 10,
    latency: summarize(all),
    byKind: { save: summarize(samples.save), submit: summarize(samples.submit), dashboard: summarize(samples.dashboard) },
    errors,
    errorSamples,
    lostWrites,
    setupMs,
  };
}
