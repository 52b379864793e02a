import type { Db } from './client';
import { commit, type Actor, type AuditEntry, type Write } from './transact';

/** DynamoDB's limit of items in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/** An atomic unit of change: its writes and audit entries always land together. */
export interface Group {
  writes: Write[];
  audit: AuditEntry[];
}

export interface CommitGroupsOptions<G extends Group> {
  /** Commit the first group alone first, so that a refused creation writes nothing at all. */
  gate?: boolean;
  /** Per-transaction writes (e.g. counters aggregated over the groups of that transaction)... */
  extra?: (chunk: G[]) => Write[];
  /** ...and how many items they take. */
  extraSize?: number;
}

/**
 * Commits groups packed into as few transactions as possible (≤ 100 items each). Each group is atomic; the
 * transactions are not: a failure leaves the groups already committed in place. Returns the transactions made.
 */
export async function commitGroups<G extends Group>(db: Db, actor: Actor, groups: G[], now: () => Date, options: CommitGroupsOptions<G> = {}): Promise<number> {
  const capacity = MAX_TRANSACTION_ITEMS - (options.extraSize ?? 0);
  const chunks: G[][] = [];
  let current: G[] = [];
  let size = 0;
  groups.forEach((group, index) => {
    const groupSize = group.writes.length + group.audit.length;
    if (groupSize > capacity) throw new Error(`A change group of ${groupSize} items does not fit in a transaction`);
    if (current.length > 0 && (size + groupSize > capacity || (options.gate && index === 1))) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(group);
    size += groupSize;
  });
  if (current.length > 0) chunks.push(current);
  for (const chunk of chunks) {
    await commit(db, actor, [...chunk.flatMap((g) => g.writes), ...(options.extra?.(chunk) ?? [])], chunk.flatMap((g) => g.audit), now());
  }
  return chunks.length;
}
