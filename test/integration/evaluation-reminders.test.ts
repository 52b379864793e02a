import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../functions/evaluation/remind-reports';
import { jobs } from '../../functions/jobs';
import { seedDemoData } from '../../scripts/seed/demo-data';
import type { Principal } from '../../shared/access/principal';
import type { Db } from '../../shared/db/client';
import { listAllEssaimesOfSeason } from '../../shared/essaimes/repository';
import type { Essaime } from '../../shared/essaimes/schemas';
import { defaultTemplate } from '../../shared/evaluation/templates';
import { createStage, saveReportDraft, submitReport, updateStage } from '../../shared/evaluation/use-cases';
import type { Stage } from '../../shared/evaluation/schemas';
import { listOutbox, type OutboxMessage } from '../../shared/notifications/outbox';
import { listSeasons } from '../../shared/seasons/repository';
import { outboxFaults } from '../support/french-text';
import { createTestDb, testDeps } from '../support/db';
import { demoSeasonYears } from '../../scripts/seed/demo-calendar';

const demoSeasons = demoSeasonYears();

/** Drives the clock to each reminder point and reads the outbox; every run is done twice. */
let db: Db;
let stage: Stage;
let essaimes: Essaime[];
const staff: Principal = { userId: 'demo-staff-claire', role: 'staff', structureIds: [] };

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoData(testDeps(db));
  const seasonId = (await listSeasons(db, { limit: 10 })).items.find((s) => s.year === demoSeasons.cohort)!.seasonId;
  essaimes = await listAllEssaimesOfSeason(db, seasonId);
  stage = await createStage(testDeps(db, () => new Date('2030-01-10T09:00:00Z')), staff, seasonId, {
    kind: 'intermediate',
    order: 4,
    name: 'Bilan complémentaire',
    opensOn: '2030-05-01',
    dueOn: '2030-06-30',
  });
});
afterAll(() => db.doc.destroy());

/** 08:00 in Paris on that day. */
const at = (day: string) => () => new Date(`${day}T06:00:00Z`);

async function reminders(): Promise<OutboxMessage[]> {
  const all: OutboxMessage[] = [];
  let cursor: string | undefined;
  do {
    const page = await listOutbox(db, { limit: 100, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all.filter((m) => m.related.entityId === stage.stageId);
}

async function runTwice(day: string) {
  const first = await run({ db, now: at(day) });
  const second = await run({ db, now: at(day) });
  return { first, second };
}

const byKind = (messages: OutboxMessage[], kind: string) => messages.filter((m) => m.kind === kind);
const recipients = (messages: OutboxMessage[]) => messages.map((m) => m.recipientUserId).sort();

describe('report reminders', () => {
  it('is registered as a scheduled job', () => {
    expect(jobs.find((j) => j.name === 'evaluation-reminders')).toMatchObject({ entry: 'functions/evaluation/remind-reports.ts' });
  });

  it('sends nothing eight days before the due date', async () => {
    await runTwice('2030-06-22');
    expect(await reminders()).toEqual([]);
  });

  it('a week before the due date: one reminder per referent, once, even when run twice', async () => {
    const { first, second } = await runTwice('2030-06-23');
    expect(first).toMatchObject({ stages: 1, queued: essaimes.length, alreadyQueued: 0 });
    expect(second).toMatchObject({ queued: 0, alreadyQueued: essaimes.length });
    const messages = await reminders();
    expect(messages).toHaveLength(essaimes.length);
    expect(recipients(byKind(messages, 'report-reminder-due-soon'))).toEqual(essaimes.map((e) => e.referentUserId).sort());
    const passerelle = messages.find((m) => m.recipientUserId === 'demo-referent-passerelle')!;
    expect(passerelle.subject).toBe('Rappel\u00a0: rapport «\u00a0Bilan complémentaire\u00a0» à remettre au plus tard le 30 juin 2030');
    expect(passerelle.body).toContain('Passerelle');
  });

  it('does not repeat the week-before reminder on later days of that week', async () => {
    await runTwice('2030-06-27');
    expect(await reminders()).toHaveLength(essaimes.length);
  });

  it('on the due date: only referents who have not submitted, once each', async () => {
    const passerelle = essaimes.find((e) => e.structureId === 'str_passerelle')!;
    const jura = essaimes.find((e) => e.structureId === 'str_jura-service')!;
    const referent = (e: Essaime): Principal => ({ userId: e.referentUserId, role: 'referent', structureIds: [e.structureId] });
    const template = defaultTemplate('intermediate');
    const full = {
      expectedVersion: 0,
      period: { start: '2030-01-01', end: '2030-06-01' },
      indicators: Object.fromEntries(template.indicators.map((i) => [i.key, 1])),
      answers: Object.fromEntries(template.questions.map((q) => [q.key, 'Réponse'])),
    };
    const deps = testDeps(db, at('2030-06-28'));
    const draft = await saveReportDraft(deps, referent(passerelle), stage.stageId, passerelle.essaimeId, full);
    await submitReport(deps, referent(passerelle), stage.stageId, passerelle.essaimeId, draft.version);
    // Jura only saves a draft: a draft still gets reminded.
    await saveReportDraft(deps, referent(jura), stage.stageId, jura.essaimeId, { expectedVersion: 0, indicators: { activeFile: 3 } });

    const { first } = await runTwice('2030-06-30');
    expect(first.queued).toBe(essaimes.length - 1);
    const dueToday = byKind(await reminders(), 'report-reminder-due-today');
    expect(recipients(dueToday)).toEqual(essaimes.filter((e) => e !== passerelle).map((e) => e.referentUserId).sort());
    expect(dueToday[0]!.subject).toBe("Rapport «\u00a0Bilan complémentaire\u00a0» à remettre aujourd'hui");
  });

  it('once late, one late reminder each, then nothing more on the following days', async () => {
    await runTwice('2030-07-01');
    const late = byKind(await reminders(), 'report-reminder-late');
    expect(late).toHaveLength(essaimes.length - 1);
    expect(new Set(recipients(late)).size).toBe(essaimes.length - 1);
    expect(late[0]!.body).toContain("était attendu le 30 juin 2030 et n'a pas encore été soumis");
    expect(outboxFaults(await reminders())).toEqual([]);
    const total = (await reminders()).length;
    await runTwice('2030-07-02');
    await runTwice('2030-07-20');
    expect(await reminders()).toHaveLength(total);
    expect(total).toBe(essaimes.length + 2 * (essaimes.length - 1));
  });

  it('a new due date brings its own reminders', async () => {
    const current = stage;
    stage = await updateStage(testDeps(db, at('2030-07-05')), staff, current.stageId, { expectedVersion: current.version, dueOn: '2030-07-15' });
    const before = (await reminders()).length;
    const { first } = await runTwice('2030-07-08');
    expect(first.queued).toBe(essaimes.length - 1);
    const fresh = (await reminders()).filter((m) => m.subject.includes('15 juillet 2030'));
    expect(fresh).toHaveLength(essaimes.length - 1);
    expect((await reminders()).length).toBe(before + essaimes.length - 1);
  });
});
