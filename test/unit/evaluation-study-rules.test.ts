import { describe, expect, it } from 'vitest';
import { importTotals, parseDelimited, parseFigure, readImport } from '../../shared/evaluation/import-rules';
import { coversFirstTwelveMonths, derivedOf, ratiosOf, twelveMonthWindow } from '../../shared/evaluation/ratio-rules';
import { formatReferenceValue, referenceFigures } from '../../shared/evaluation/reference';
import { defaultTemplate } from '../../shared/evaluation/templates';
import { overallLevel, trendBetween, trendPerPrinciple } from '../../shared/governance/fidelity-rules';
import type { FidelityAssessment } from '../../shared/governance/fidelity-schemas';

describe('reference figures of the study', () => {
  it('hold each figure once, with a page of the study as source', () => {
    expect(new Set(referenceFigures.map((f) => f.key)).size).toBe(referenceFigures.length);
    for (const f of referenceFigures) expect(f.source).toMatch(/, p\. \d+/);
    const values = Object.fromEntries(referenceFigures.map((f) => [f.key, formatReferenceValue(f)]));
    expect(values).toMatchObject({ returnToJobRate: '70\u00a0%', returnToJobRate2016To2017: '69\u00a0%', durableShare2016To2017: '35\u00a0%', stillEmployedAfterFourYears: '80\u00a0%', peoplePerCre: '60 à 70', costPerPersonPerYear: '1\u00a0900\u00a0€', monthsToFirstContract: '3,5\u00a0mois' });
    // 1,800 company contacts a month for a team of 20: 90 per CRE.
    expect(referenceFigures.find((f) => f.key === 'contactsPerCrePerMonth')!.value).toBe(1800 / 20);
  });
});

describe('per-CRE ratios and the twelve-month goal', () => {
  it('derive numerator and denominator over the same reports', () => {
    const period = { start: '2020-01-01', end: '2020-06-30' };
    expect(derivedOf({ indicators: { activeFile: 60, creFte: 0 }, period })).toEqual({});
    const d = derivedOf({ indicators: { activeFile: 60, creFte: 1, companiesContacted: 540, budgetEuros: 57_000 }, period });
    const ratios = ratiosOf(d);
    expect(ratios.peoplePerCre).toBe(60);
    expect(ratios.contactsPerCrePerMonth).toBeCloseTo(540 / (182 / 30.4375), 9);
    expect(ratios.costPerPersonPerYear).toBeCloseTo((57_000 * 12) / (182 / 30.4375) / 60, 9);
    expect(ratios.twelveMonthReturnRate).toBeNull();
  });

  it('measure the goal on the structure’s first twelve months, a month’s tolerance each way', () => {
    expect(twelveMonthWindow('2020-09-01')).toEqual({ start: '2020-09-01', end: '2021-08-31' });
    expect(twelveMonthWindow('2020-02-29')).toEqual({ start: '2020-02-29', end: '2021-02-27' });
    expect(coversFirstTwelveMonths({ start: '2020-09-01', end: '2021-08-31' }, '2020-09-01')).toBe(true);
    expect(coversFirstTwelveMonths({ start: '2020-09-15', end: '2021-08-31' }, '2020-09-01')).toBe(true);
    expect(coversFirstTwelveMonths({ start: '2020-09-01', end: '2021-02-28' }, '2020-09-01')).toBe(false);
    expect(coversFirstTwelveMonths({ start: '2021-09-01', end: '2022-08-31' }, '2020-09-01')).toBe(false);
    expect(coversFirstTwelveMonths({ start: '2020-09-01', end: '2021-08-31' }, null)).toBe(false);
  });
});

describe('fidelity trend', () => {
  const at = (assessedOn: string, level: FidelityAssessment['principles'][number]['level']): FidelityAssessment => ({
    assessmentId: `fid_${assessedOn}`,
    kind: 'at-date',
    essaimeId: 'ess_abc',
    stageId: null,
    structureId: 'str_x',
    assessedOn,
    principles: [{ principle: 'cre-team', level, evidence: 'Constat observé.' }],
    summary: null,
    assessedBy: 'demo-tutor-michel',
    assessedAt: `${assessedOn}T10:00:00Z`,
    version: 1,
  });

  it('compares the latest level with the one before, in date order whatever the order written', () => {
    expect(trendBetween(null, null)).toBe('none');
    expect(trendBetween(null, 'emerging')).toBe('single');
    expect(trendBetween('emerging', 'faithful')).toBe('improving');
    expect(trendBetween('faithful', 'substantial')).toBe('declining');
    const cre = trendPerPrinciple([at('2020-06-01', 'faithful'), at('2020-01-01', 'emerging')]).find((t) => t.principle === 'cre-team')!;
    expect(cre).toMatchObject({ previous: 'emerging', latest: 'faithful', trend: 'improving' });
    expect(trendPerPrinciple([]).every((t) => t.trend === 'none')).toBe(true);
    expect(overallLevel([at('2020-01-01', 'faithful'), at('2020-03-01', 'emerging')])).toBe('emerging');
  });
});

describe('CSV import rules', () => {
  const template = defaultTemplate('intermediate');
  const targets = [{ essaimeId: 'ess_a', structureId: 'str_a', structureName: 'Passerelle' }];

  it('reads ; or , files with French decimals, quoted cells and blank lines', () => {
    expect(parseDelimited('\uFEFFa;b\r\n"x;y";2,5\r\n\r\n')).toEqual([['a', 'b'], ['x;y', '2,5']]);
    expect(parseDelimited('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseFigure('1 234,5')).toBe(1234.5);
    expect(parseFigure('douze')).toBeNull();
  });

  it('names each error by its line and column', () => {
    const csv = ['structure;periodStart;periodEnd;activeFile;backInJob', 'passerelle;2020-01-01;2020-06-30;10;12', 'Inconnue;2020-13-01;2020-06-30;x;1'].join('\n');
    const { headerErrors, rows } = readImport(csv, template, targets);
    expect(headerErrors).toEqual([]);
    expect(rows[0]!.essaimeId).toBe('ess_a');
    expect(rows[0]!.errors.map((e) => [e.line, e.field])).toEqual(expect.arrayContaining([[2, 'backInJob']]));
    expect(rows[1]!.errors.map((e) => [e.line, e.field])).toEqual(expect.arrayContaining([[3, 'structure'], [3, 'periodStart'], [3, 'activeFile']]));
    expect(importTotals([{ indicators: { activeFile: 2, meanDelayDays: 90 } }, { indicators: { activeFile: 3 } }])).toEqual({ activeFile: 5 });
  });
});
