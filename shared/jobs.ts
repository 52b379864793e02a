import type { ScheduledEvent } from 'aws-lambda';
import { logger } from './logger';
import { runtimeDeps, type Deps } from './runtime';

/** Lambda handler of a scheduled job: same `run` as the local trigger, with a log line of its figures. */
export function jobHandler(name: string, run: (deps: Deps) => Promise<Record<string, unknown>>) {
  return async (_event: ScheduledEvent | Record<string, unknown>) => {
    logger.appendKeys({ job: name });
    const result = await run(runtimeDeps());
    logger.info('Job finished', { result });
    return result;
  };
}
