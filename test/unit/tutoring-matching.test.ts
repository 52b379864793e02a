import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axes, type Axis } from '../../shared/programme/axes';
import {
  planAssignments,
  rankTutors,
  spareCapacity,
  suggestTutors,
  topNeed,
  type ExpertiseLevel,
  type MatchEssaime,
  type MatchTutor,
} from '../../shared/tutoring/matching';

// ---------------------------------------------------------------------------------------------------------
// Arbitraries

const level = fc.constantFrom<ExpertiseLevel>(0, 1, 2, 3);
const expertise = fc.record(Object.fromEntries(axes.map((a) => [a, level])) as Record<Axis, fc.Arbitrary<ExpertiseLevel>>);

const tutorShape = fc
  .record({ expertise, capacity: fc.integer({ min: 1, max: 5 }), loadShare: fc.integer({ min: 0, max: 5 }), available: fc.boolean() })
  .map(({ expertise: e, capacity, loadShare, available }) => ({ expertise: e, capacity, load: Math.min(loadShare, capacity), available }));

const tutorsArb = fc
  .array(tutorShape, { minLength: 0, maxLength: 8 })
  .map((list) => list.map((t, i): MatchTutor => ({ ...t, tutorUserId: `t${i}`, displayName: `Tuteur ${i}` })));

const needsArb = fc
  .shuffledSubarray([...axes], { minLength: 0, maxLength: 5 })
  .chain((chosen) => fc.tuple(fc.constant(chosen), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: chosen.length, maxLength: chosen.length })))
  .map(([chosen, priorities]) => chosen.map((axis, i) => ({ axis, priority: priorities[i]! })));

const essaimesArb = fc
  .array(fc.record({ needs: needsArb, assigned: fc.boolean() }), { minLength: 0, maxLength: 10 })
  .map((list) => list.map((e, i): MatchEssaime => ({ essaimeId: `e${i}`, needs: e.needs, tutorUserId: null })));

const totalSpare = (tutors: MatchTutor[]) => tutors.reduce((s, t) => s + spareCapacity(t), 0);

// ---------------------------------------------------------------------------------------------------------

describe('matching: properties', () => {
  it('never gives a tutor more essaimés than its capacity, nor any to an unavailable tutor', () => {
    fc.assert(
      fc.property(essaimesArb, tutorsArb, (essaimes, tutors) => {
        const plan = planAssignments(essaimes, tutors);
        for (const tutor of tutors) {
          const given = [...plan.values()].filter((id) => id === tutor.tutorUserId).length;
          expect(tutor.load + given).toBeLessThanOrEqual(tutor.capacity);
          if (!tutor.available) expect(given).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives every essaimé a tutor when the spare capacity suffices (and otherwise fills all the capacity)', () => {
    fc.assert(
      fc.property(essaimesArb, tutorsArb, (essaimes, tutors) => {
        const plan = planAssignments(essaimes, tutors);
        const open = essaimes.filter((e) => e.tutorUserId === null);
        if (totalSpare(tutors) >= open.length) {
          for (const e of open) expect(plan.has(e.essaimeId)).toBe(true);
        }
        expect(plan.size).toBe(Math.min(open.length, totalSpare(tutors)));
      }),
      { numRuns: 300 },
    );
  });

  it('never proposes a tutor for an essaimé that already has one', () => {
    fc.assert(
      fc.property(essaimesArb, tutorsArb, fc.array(fc.boolean(), { maxLength: 10 }), (essaimes, tutors, flags) => {
        const withSome = essaimes.map((e, i) => (flags[i] && tutors[0] ? { ...e, tutorUserId: tutors[0].tutorUserId } : e));
        const plan = planAssignments(withSome, tutors);
        for (const e of withSome) if (e.tutorUserId !== null) expect(plan.has(e.essaimeId)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('never ranks a tutor without expertise on the top need above one who has it, all else equal', () => {
    fc.assert(
      fc.property(needsArb.filter((n) => n.length > 0), tutorShape, fc.integer({ min: 1, max: 3 }), tutorsArb, (needs, base, topLevel, others) => {
        const top = topNeed(needs)!;
        const able = { ...base, available: true, load: Math.min(base.load, base.capacity - 1) };
        const withIt: MatchTutor = { ...able, tutorUserId: 'z-with', displayName: 'Avec', expertise: { ...able.expertise, [top.axis]: topLevel as ExpertiseLevel } };
        // Same in every respect but the top need; its id sorts first so that a tie would favour it.
        const without: MatchTutor = { ...withIt, tutorUserId: 'a-without', displayName: 'Sans', expertise: { ...withIt.expertise, [top.axis]: 0 } };
        const ranking = rankTutors({ needs }, [without, ...others, withIt]).map((c) => c.tutorUserId);
        expect(ranking.indexOf('z-with')).toBeGreaterThanOrEqual(0);
        expect(ranking.indexOf('z-with')).toBeLessThan(ranking.indexOf('a-without'));
      }),
      { numRuns: 300 },
    );
  });

  it('ranks every tutor covering the top need above every tutor who does not (and only tutors able to take one more)', () => {
    fc.assert(
      fc.property(needsArb.filter((n) => n.length > 0), tutorsArb, (needs, tutors) => {
        const ranked = rankTutors({ needs }, tutors);
        const flags = ranked.map((c) => c.coversTopNeed);
        expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
        for (const c of ranked) {
          const t = tutors.find((x) => x.tutorUserId === c.tutorUserId)!;
          expect(spareCapacity(t)).toBeGreaterThan(0);
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(100);
          expect(c.reasons.length).toBeGreaterThan(0);
        }
        expect(ranked.length).toBe(tutors.filter((t) => spareCapacity(t) > 0).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('matching: examples', () => {
  const tutor = (id: string, e: Partial<Record<Axis, ExpertiseLevel>>, capacity = 2, load = 0, available = true): MatchTutor => ({
    tutorUserId: id,
    displayName: id,
    expertise: { prospecting: 0, loyalty: 0, 'jobseeker-support': 0, matching: 0, transformation: 0, ...e },
    capacity,
    load,
    available,
  });

  it('explains each suggestion in French: top need, other needs, load', () => {
    const [first] = rankTutors({ needs: [{ axis: 'prospecting', priority: 1 }, { axis: 'matching', priority: 2 }, { axis: 'loyalty', priority: 3 }] }, [
      tutor('michel', { prospecting: 3, matching: 2 }, 3, 1),
    ]);
    expect(first!.reasons).toEqual([
      'Besoin prioritaire « Prospecter les entreprises (« aller-vers ») » : expertise 3/3',
      'Autres besoins couverts : Mettre en relation offres et candidats (2/3)',
      'Sans expertise sur : Fidéliser les entreprises',
      'Charge actuelle : 1 essaimé sur 3 (2 places libres)',
    ]);
    expect(first!.coversTopNeed).toBe(true);
  });

  it('prefers the expert with spare capacity, and a lighter load all else equal', () => {
    const needs = [{ axis: 'loyalty' as const, priority: 1 }];
    const ranked = rankTutors({ needs }, [tutor('busy', { loyalty: 3 }, 4, 3), tutor('free', { loyalty: 3 }, 4, 0), tutor('novice', { loyalty: 1 }, 4, 0)]);
    expect(ranked.map((c) => c.tutorUserId)).toEqual(['free', 'busy', 'novice']);
  });

  it('leaves full and unavailable tutors out of the ranking', () => {
    const ranked = rankTutors({ needs: [{ axis: 'matching', priority: 1 }] }, [tutor('full', { matching: 3 }, 1, 1), tutor('away', { matching: 3 }, 2, 0, false), tutor('ok', {})]);
    expect(ranked.map((c) => c.tutorUserId)).toEqual(['ok']);
    expect(ranked[0]!.reasons[0]).toBe('Aucune expertise sur le besoin prioritaire « Mettre en relation offres et candidats »');
  });

  it('plans globally: gives the only transformation expert to the essaimé that needs it most', () => {
    const essaimes: MatchEssaime[] = [
      { essaimeId: 'a', needs: [{ axis: 'transformation', priority: 1 }, { axis: 'prospecting', priority: 2 }], tutorUserId: null },
      { essaimeId: 'b', needs: [{ axis: 'prospecting', priority: 1 }, { axis: 'transformation', priority: 2 }], tutorUserId: null },
    ];
    const tutors = [tutor('sylvie', { transformation: 3, prospecting: 2 }, 1), tutor('jp', { prospecting: 3 }, 1)];
    const plan = planAssignments(essaimes, tutors);
    expect(plan.get('a')).toBe('sylvie');
    expect(plan.get('b')).toBe('jp');
    const suggestions = suggestTutors(essaimes, tutors);
    expect(suggestions.map((s) => s.proposedTutorUserId)).toEqual(['sylvie', 'jp']);
  });
});
