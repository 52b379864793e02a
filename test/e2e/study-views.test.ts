import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReferenceValue, referenceFigures } from '../../shared/evaluation/reference';
import type { RampUp } from '../../shared/read-models/dashboards/ramp-up';
import { expectAccessible, heading, jsErrors, screenshot, settled, startE2E, text, type E2E } from './browser';

/**
 * Three views of issue 14 in a real browser: every reference figure of the study with its source in the
 * dashboards; the programme's ramp-up (essaimés per season against 5–10, hypothesis mix, label per structure);
 * an equivalent to the board president's signature (A4.2) given by a referent, accepted by staff, then met.
 */
let e2e: E2E;
let passerelleId = '';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Each body row of a table, as the squashed text of its cells. */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await table.locator('tbody tr').all()) rows.push((await row.locator('td').allTextContents()).map(squash));
  return rows;
}

beforeAll(async () => {
  e2e = await startE2E();
  const seasons = await e2e.api.call('GET', '/seasons', { as: 'demo-staff-claire' });
  const seasonId = seasons.body.items.find((s: { status: string }) => s.status === 'running').seasonId;
  const essaimes = (await e2e.api.call('GET', `/seasons/${seasonId}/essaimes`, { as: 'demo-staff-claire' })).body.items as { essaimeId: string; structureId: string }[];
  passerelleId = essaimes.find((e) => e.structureId === 'str_passerelle')!.essaimeId;
});

afterAll(async () => {
  await e2e?.stop();
});

describe('views of the study', () => {
  it('staff see every reference figure of the study with its source, on the programme’s and a structure’s dashboards', async () => {
    const expected = referenceFigures.map((f) => [f.label, formatReferenceValue(f), f.period, f.source].map(squash));
    const programme = await e2e.signIn('demo-staff-claire', '/tableau-de-bord');
    expect(await heading(programme)).toBe('Tableau de bord du programme');
    await programme.getByTestId('reference-figures').waitFor();
    const programmeRows = await rowsOf(programme.getByTestId('reference-figures'));
    expect(programmeRows).toHaveLength(referenceFigures.length);
    for (const figure of expected) expect(programmeRows).toContainEqual(figure);
    await expectAccessible(programme, 'programme dashboard');

    const structure = await e2e.signIn('demo-staff-claire', `/structure-essaimee/${passerelleId}/tableau-de-bord`);
    expect(await heading(structure)).toBe('Tableau de bord — Passerelle');
    await structure.getByTestId('reference-figures').waitFor();
    const structureRows = await rowsOf(structure.getByTestId('reference-figures'));
    for (const figure of expected) expect(structureRows).toContainEqual(figure);
    expect(jsErrors(programme)).toEqual([]);
    expect(jsErrors(structure)).toEqual([]);
  });

  it('staff see the ramp-up: essaimés per season against 5–10, hypothesis mix, fidelity and label per structure', async () => {
    // A label decided by A.CO.R.'s lead, so that the view has one to show next to structures without any.
    const decided = await e2e.api.call('POST', `/essaimes/${passerelleId}/label-decisions`, {
      as: 'demo-tutor-isabelle',
      body: { decision: 'labelled', reasons: ['Les quatre principes sont appliqués.'] },
    });
    expect(decided.status).toBe(201);
    const answer = await e2e.api.call('GET', '/programme/ramp-up?limit=5', { as: 'demo-staff-claire' });
    expect(answer.status).toBe(200);
    const rampUp = answer.body as RampUp;
    expect(rampUp.items.length).toBeGreaterThan(0);
    expect(rampUp.target).toMatchObject({ min: 5, max: 10 });

    const page = await e2e.signIn('demo-staff-claire', '/montee-en-charge');
    expect(await heading(page)).toBe('Montée en charge du programme');
    await settled(page);
    expect(await text(page.locator('main'))).toContain('Objectif : de 5 à 10 nouveaux territoires.');
    const statusLabel = (n: number) => (n < 5 ? 'En dessous de l’objectif' : n > 10 ? 'Au-delà de l’objectif' : 'Dans l’objectif');
    const fidelityText = { 'not-started': 'Pas encore engagé', emerging: 'En cours d’appropriation', substantial: 'Largement appliqué', faithful: 'Pleinement fidèle' } as const;
    const labelText = { labelled: 'Labellisée', conditional: 'Labellisée sous conditions', 'not-yet': 'Pas encore labellisée' } as const;
    let labelsSeen = 0;
    for (const season of rampUp.items) {
      expect(season.essaimes).toBe(season.structures.length);
      const section = page.locator('section', { has: page.getByTestId(`ramp-up-${season.year}`) });
      expect(await text(section.locator('.card-head'))).toBe(`${season.name}${statusLabel(season.structures.length)}`);
      const kpiList = section.getByTestId(`ramp-up-${season.year}`);
      const values = (await kpiList.locator('.kpi-value').allTextContents()).map(squash);
      const labels = (await kpiList.locator('.kpi-label').allTextContents()).map(squash);
      const byHypothesis = (h: 'A' | 'B') => season.structures.filter((s) => s.hypothesis === h).length;
      const labelled = season.structures.filter((s) => s.label === 'labelled' || s.label === 'conditional').length;
      const conditional = season.structures.filter((s) => s.label === 'conditional').length;
      expect(labels).toEqual(['structures essaimées (objectif 5 à 10)', 'Hypothèse A', 'Hypothèse B', `labellisées (dont ${conditional} sous conditions)`]);
      expect(values).toEqual([season.structures.length, byHypothesis('A'), byHypothesis('B'), labelled].map(String));
      const rows = await rowsOf(section);
      expect(rows).toHaveLength(season.structures.length);
      for (const s of season.structures) {
        const row = rows.find((r) => r[0] === s.structureName);
        expect(row, s.structureName).toBeDefined();
        expect(row![1]).toBe(squash(s.territoryName));
        expect(row![2]).toBe(s.hypothesis);
        expect(row![3]).toBe(s.fidelity ? fidelityText[s.fidelity] : 'Pas encore évaluée');
        expect(row![5]).toBe(s.label ? labelText[s.label] : 'Aucune décision');
        if (s.label) labelsSeen += 1;
      }
    }
    const passerelle = rampUp.items.flatMap((s) => s.structures).find((s) => s.essaimeId === passerelleId);
    expect(passerelle?.label).toBe('labelled');
    expect(labelsSeen).toBeGreaterThan(0);
    await screenshot(page, 'staff-ramp-up');
    await expectAccessible(page, 'ramp-up');
    expect(jsErrors(page)).toEqual([]);
  });

  it('a referent answers A4.2 with an equivalent; staff accept it and the criterion is met; the signature path is unchanged', async () => {
    const mine = await e2e.api.call('GET', '/me/applications', { as: 'demo-applicant-envol' });
    const applicationId = mine.body.items[0].applicationId as string;
    const equivalent = 'Procès-verbal du conseil d’administration du 12 mars approuvant l’entrée dans l’essaimage';

    const referent = await e2e.signIn('demo-applicant-envol', `/candidatures/${applicationId}`);
    const form = referent.getByRole('form', { name: 'Brouillon de candidature' });
    await form.getByLabel('Effectif (ETP)').fill('4');
    const a42 = form.locator('[data-criterion="A4.2"]');
    await a42.getByRole('checkbox', { name: /^Signé par/ }).uncheck();
    await a42.getByRole('checkbox', { name: 'Je fournis un justificatif équivalent à la signature' }).check();
    await a42.getByLabel('Justificatif fourni').fill(equivalent);
    await expect.poll(() => text(referent.getByTestId('feedback-A4.2'))).toContain(`Justificatif équivalent proposé : ${equivalent} (à vérifier par l’équipe Ansa)`);
    await expect.poll(() => text(referent.getByTestId('live-eligibility'))).toContain('Éligible');
    await expectAccessible(referent, 'application with an equivalent');
    await referent.getByRole('button', { name: 'Déposer la candidature' }).click();
    await referent.getByRole('dialog', { name: /^Déposer la candidature de/ }).getByRole('button', { name: 'Déposer', exact: true }).click();
    await referent.locator('.subtitle').getByText('Déposée').waitFor();
    const submitted = (await e2e.api.call('GET', `/applications/${applicationId}`, { as: 'demo-staff-claire' })).body;
    expect(submitted.answers['A4.2']).toMatchObject({ kind: 'alternative', description: equivalent });
    expect(submitted.eligibility.results.find((r: { criterionId: string }) => r.criterionId === 'A4.2')).toMatchObject({ status: 'met', alternative: true, verification: 'pending' });

    const staff = await e2e.signIn('demo-staff-claire', `/candidatures/${applicationId}`);
    const criterion = staff.getByRole('list', { name: 'Éligibilité par critère' }).locator('[data-criterion="A4.2"]');
    await expect.poll(() => text(criterion)).toContain('Justificatif équivalent : vérification sur pièces à faire par l’équipe Ansa');
    expect(await text(criterion)).toContain(equivalent);
    await criterion.getByLabel('Commentaire de vérification (A4.2)').fill('Procès-verbal signé reçu et lu.');
    await criterion.getByRole('button', { name: 'Équivalent accepté' }).click();
    await expect.poll(() => text(criterion)).toContain('Justificatif équivalent : vérifié');
    expect(await text(criterion)).toContain(`Rempli Justificatif équivalent accepté par l’équipe Ansa : ${equivalent}.`);
    await screenshot(staff, 'staff-equivalent-accepted');
    await expectAccessible(staff, 'staff application review');
    const accepted = (await e2e.api.call('GET', `/applications/${applicationId}`, { as: 'demo-staff-claire' })).body;
    expect(accepted.eligibility.results.find((r: { criterionId: string }) => r.criterionId === 'A4.2')).toMatchObject({ status: 'met', alternative: true, verification: 'verified' });

    // The default path: the president's signature needs no staff verification, and none can be recorded for it.
    const pes = (await e2e.api.call('GET', '/me/applications', { as: 'demo-applicant-collectif-pes' })).body.items[0];
    expect(pes.answers['A4.2'].kind).toBe('signed_attestation');
    expect(pes.eligibility.results.find((r: { criterionId: string }) => r.criterionId === 'A4.2')).toMatchObject({ status: 'met', alternative: false, verification: null });
    const refused = await e2e.api.call('POST', `/applications/${pes.applicationId}/verifications`, { as: 'demo-staff-claire', body: { criterionId: 'A4.2', outcome: 'verified', comment: 'Signature lue.' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CRITERION_NOT_VERIFIABLE');
    expect(jsErrors(referent)).toEqual([]);
    expect(jsErrors(staff)).toEqual([]);
  });
});
