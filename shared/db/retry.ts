import { DomainError, type ErrorCode } from '../errors';

/**
 * Runs a read-decide-write step again when another writer got there first: the step re-reads, so a retry
 * decides on fresh data. Only the codes named in `retryOn` are retried (a transaction that merely collided,
 * a version that moved); domain refusals (CALL_FULL, …) are thrown at once.
 */
export async function withRetry<T>(
  run: () => Promise<T>,
  options: { retryOn?: readonly ErrorCode[]; attempts?: number } = {},
): Promise<T> {
  const retryOn = new Set<ErrorCode>(options.retryOn ?? ['TRANSACTION_CONFLICT']);
  const attempts = options.attempts ?? 15;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !(error instanceof DomainError) || !retryOn.has(error.code)) throw error;
      // Jittered exponential backoff, capped: concurrent writers spread out instead of colliding again.
      const ceiling = Math.min(25 * 2 ** attempt, 500);
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
    }
  }
}
