import { axisLabels, type Axis } from '../programme/axes';

/**
 * Matching of A.CO.R. tutors to essaimés. Pure: no I/O, deterministic for a given input.
 *
 * - `rankTutors` ranks the tutors who can take one more essaimé for one essaimé, each with a score (0–100)
 *   and French, human-readable reasons. A tutor who covers the essaimé's top need (expertise ≥ 1 on it) is
 *   always ranked above one who does not; then by score (weighted expertise on the declared needs, and
 *   spare capacity), then lighter load, then id.
 * - `planAssignments` proposes one tutor per essaimé still without one, for the whole season at once: a
 *   maximum-cardinality, maximum-score assignment (min-cost flow) that never gives a tutor more essaimés
 *   than its spare capacity. When the spare capacity of the available tutors is at least the number of
 *   essaimés to place, every one of them gets a proposal.
 */
export type ExpertiseLevel = 0 | 1 | 2 | 3;

export interface MatchTutor {
  tutorUserId: string;
  displayName: string;
  expertise: Record<Axis, ExpertiseLevel>;
  capacity: number;
  /** Essaimés currently assigned. */
  load: number;
  available: boolean;
}

export interface MatchNeed {
  axis: Axis;
  /** 1 = highest priority. */
  priority: number;
}

export interface MatchEssaime {
  essaimeId: string;
  needs: MatchNeed[];
  tutorUserId: string | null;
}

export interface Candidate {
  tutorUserId: string;
  displayName: string;
  /** 0–100, rounded. */
  score: number;
  coversTopNeed: boolean;
  load: number;
  capacity: number;
  reasons: string[];
}

export interface EssaimeSuggestion {
  essaimeId: string;
  currentTutorUserId: string | null;
  /** The plan's proposal for an essaimé without a tutor (null when already assigned or no capacity left). */
  proposedTutorUserId: string | null;
  candidates: Candidate[];
}

export const MAX_LEVEL = 3;
const EXPERTISE_WEIGHT = 0.75;
const CAPACITY_WEIGHT = 0.25;

/** The essaimé's top need: lowest priority number; the first declared among equals. */
export function topNeed(needs: readonly MatchNeed[]): MatchNeed | undefined {
  let top: MatchNeed | undefined;
  for (const need of needs) if (!top || need.priority < top.priority) top = need;
  return top;
}

/** Priority 1 weighs 5, priority 5 weighs 1. */
const weightOf = (need: MatchNeed) => Math.max(1, 6 - need.priority);

export function spareCapacity(tutor: MatchTutor): number {
  return tutor.available ? Math.max(0, tutor.capacity - tutor.load) : 0;
}

export function canTakeOneMore(tutor: MatchTutor): boolean {
  return spareCapacity(tutor) > 0;
}

/** Weighted expertise on the declared needs, 0–1 (each axis counted once, at its highest priority). */
export function expertiseFit(tutor: MatchTutor, needs: readonly MatchNeed[]): number {
  const byAxis = new Map<Axis, MatchNeed>();
  for (const need of needs) {
    const seen = byAxis.get(need.axis);
    if (!seen || need.priority < seen.priority) byAxis.set(need.axis, need);
  }
  let weighted = 0;
  let total = 0;
  for (const need of byAxis.values()) {
    weighted += weightOf(need) * tutor.expertise[need.axis];
    total += weightOf(need) * MAX_LEVEL;
  }
  return total === 0 ? 0 : weighted / total;
}

/** Raw score, 0–1: mostly expertise on the needs, partly spare capacity (a lighter load scores higher). */
export function rawScore(tutor: MatchTutor, needs: readonly MatchNeed[]): number {
  const capacityShare = tutor.capacity > 0 ? spareCapacity(tutor) / tutor.capacity : 0;
  const fit = needs.length === 0 ? 0 : expertiseFit(tutor, needs);
  return needs.length === 0 ? capacityShare : EXPERTISE_WEIGHT * fit + CAPACITY_WEIGHT * capacityShare;
}

const levelText = (level: number) => `${level}/${MAX_LEVEL}`;

function reasonsFor(tutor: MatchTutor, needs: readonly MatchNeed[]): string[] {
  const reasons: string[] = [];
  const top = topNeed(needs);
  if (!top) {
    reasons.push('Aucun besoin déclaré : classement selon la disponibilité seule');
  } else {
    const level = tutor.expertise[top.axis];
    reasons.push(
      level > 0
        ? `Besoin prioritaire « ${axisLabels[top.axis]} » : expertise ${levelText(level)}`
        : `Aucune expertise sur le besoin prioritaire « ${axisLabels[top.axis]} »`,
    );
    const others = needs.filter((n) => n.axis !== top.axis);
    const covered = [...new Map(others.map((n) => [n.axis, n])).values()].filter((n) => tutor.expertise[n.axis] > 0);
    const uncovered = [...new Set(others.map((n) => n.axis))].filter((axis) => tutor.expertise[axis] === 0);
    if (covered.length > 0) {
      reasons.push(`Autres besoins couverts : ${covered.map((n) => `${axisLabels[n.axis]} (${levelText(tutor.expertise[n.axis])})`).join(', ')}`);
    }
    if (uncovered.length > 0) reasons.push(`Sans expertise sur : ${uncovered.map((axis) => axisLabels[axis]).join(', ')}`);
  }
  const spare = spareCapacity(tutor);
  reasons.push(
    `Charge actuelle : ${tutor.load} essaimé${tutor.load > 1 ? 's' : ''} sur ${tutor.capacity} (${spare} place${spare > 1 ? 's' : ''} libre${spare > 1 ? 's' : ''})`,
  );
  return reasons;
}

interface Ranked {
  tutor: MatchTutor;
  covers: boolean;
  raw: number;
}

function compareRanked(a: Ranked, b: Ranked): number {
  if (a.covers !== b.covers) return a.covers ? -1 : 1;
  if (a.raw !== b.raw) return b.raw - a.raw;
  if (a.tutor.load !== b.tutor.load) return a.tutor.load - b.tutor.load;
  return a.tutor.tutorUserId < b.tutor.tutorUserId ? -1 : a.tutor.tutorUserId > b.tutor.tutorUserId ? 1 : 0;
}

function rankAll(needs: readonly MatchNeed[], tutors: readonly MatchTutor[]): Ranked[] {
  const top = topNeed(needs);
  return tutors
    .map((tutor) => ({ tutor, covers: top ? tutor.expertise[top.axis] > 0 : false, raw: rawScore(tutor, needs) }))
    .sort(compareRanked);
}

/** The tutors able to take this essaimé (available, below capacity), best first, with score and reasons. */
export function rankTutors(essaime: Pick<MatchEssaime, 'needs'>, tutors: readonly MatchTutor[]): Candidate[] {
  return rankAll(essaime.needs, tutors.filter(canTakeOneMore)).map(({ tutor, covers, raw }) => ({
    tutorUserId: tutor.tutorUserId,
    displayName: tutor.displayName,
    score: Math.round(raw * 100),
    coversTopNeed: covers,
    load: tutor.load,
    capacity: tutor.capacity,
    reasons: reasonsFor(tutor, essaime.needs),
  }));
}

/** Integer cost of giving `tutor` to an essaimé with these needs (lower is better): coverage first, then score. */
function assignmentCost(tutor: MatchTutor, needs: readonly MatchNeed[]): number {
  const top = topNeed(needs);
  const covers = top ? tutor.expertise[top.axis] > 0 : false;
  return -((covers ? 1_000_000 : 0) + Math.round(rawScore(tutor, needs) * 100_000));
}

/**
 * Proposes a tutor for each essaimé without one. Min-cost maximum flow (successive shortest paths with
 * Bellman-Ford; the graph is small: a season has 5 to 10 essaimés, A.CO.R. a few dozen experts).
 * Returns essaiméId → tutorUserId for the essaimés that could be placed.
 */
export function planAssignments(essaimes: readonly MatchEssaime[], tutors: readonly MatchTutor[]): Map<string, string> {
  const open = essaimes.filter((e) => e.tutorUserId === null);
  const able = tutors.filter(canTakeOneMore);
  const plan = new Map<string, string>();
  if (open.length === 0 || able.length === 0) return plan;

  // Nodes: 0 source, 1..E essaimés, E+1..E+T tutors, E+T+1 sink.
  const E = open.length;
  const T = able.length;
  const source = 0;
  const sink = E + T + 1;
  interface Edge { to: number; cap: number; cost: number; rev: number }
  const graph: Edge[][] = Array.from({ length: sink + 1 }, () => []);
  const addEdge = (from: number, to: number, cap: number, cost: number) => {
    graph[from]!.push({ to, cap, cost, rev: graph[to]!.length });
    graph[to]!.push({ to: from, cap: 0, cost: -cost, rev: graph[from]!.length - 1 });
  };
  open.forEach((essaime, i) => {
    addEdge(source, 1 + i, 1, 0);
    able.forEach((tutor, j) => {
      addEdge(1 + i, 1 + E + j, 1, assignmentCost(tutor, essaime.needs));
    });
  });
  able.forEach((tutor, j) => {
    addEdge(1 + E + j, sink, spareCapacity(tutor), 0);
  });

  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const prev: ({ node: number; edge: number } | undefined)[] = new Array(sink + 1).fill(undefined);
    dist[source] = 0;
    for (let round = 0; round < sink + 1; round++) {
      let changed = false;
      for (let u = 0; u <= sink; u++) {
        if (dist[u] === Infinity) continue;
        graph[u]!.forEach((edge, index) => {
          if (edge.cap > 0 && dist[u]! + edge.cost < dist[edge.to]!) {
            dist[edge.to] = dist[u]! + edge.cost;
            prev[edge.to] = { node: u, edge: index };
            changed = true;
          }
        });
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) break;
    // Every augmenting path carries one unit (essaimé edges have capacity 1).
    let v = sink;
    while (v !== source) {
      const step = prev[v]!;
      const edge = graph[step.node]![step.edge]!;
      edge.cap -= 1;
      graph[v]![edge.rev]!.cap += 1;
      v = step.node;
    }
  }

  open.forEach((essaime, i) => {
    const used = graph[1 + i]!.find((edge) => edge.to > E && edge.to <= E + T && edge.cap === 0);
    if (used) plan.set(essaime.essaimeId, able[used.to - 1 - E]!.tutorUserId);
  });
  return plan;
}

/** Suggestions for a season: per essaimé, the ranked candidates and, for those without a tutor, the plan's proposal. */
export function suggestTutors(essaimes: readonly MatchEssaime[], tutors: readonly MatchTutor[], maxCandidates = 5): EssaimeSuggestion[] {
  const plan = planAssignments(essaimes, tutors);
  return essaimes.map((essaime) => ({
    essaimeId: essaime.essaimeId,
    currentTutorUserId: essaime.tutorUserId,
    proposedTutorUserId: plan.get(essaime.essaimeId) ?? null,
    candidates: rankTutors(essaime, tutors.filter((t) => t.tutorUserId !== essaime.tutorUserId)).slice(0, maxCandidates),
  }));
}
