import type { Db } from '../db/client';
import { keyBatch, type KeyBatch } from '../db/key-batch';
import type { Page } from '../db/pagination';
import { essaimeEntity } from '../essaimes/entities';
import type { TutoringRequest } from './schemas';

/**
 * Which essaimés each tutor's last list showed, per container: only to know which essaimés to read while the
 * page itself is read, never what they hold. Every essaimé is still read strongly during the request, so a
 * tutor released a moment ago is refused at once; a wrong guess costs a read, never a wrong answer.
 */
const lastShown = new Map<string, readonly string[]>();
const rememberedTutors = 1_000;
const rememberedEssaimes = 25;

function remember(tutorUserId: string, essaimeIds: readonly string[]): void {
  if (lastShown.size >= rememberedTutors && !lastShown.has(tutorUserId)) lastShown.clear();
  lastShown.set(tutorUserId, essaimeIds.slice(0, rememberedEssaimes));
}

/**
 * A tutor's list keeps only the requests of essaimés they follow now (closed ones of a former essaimé stay
 * behind). The essaimés the tutor's last page showed are read (strongly, in `batch` when given: the request's
 * batch, with the tutor's profile) together with the page: on the warm path the list costs one round trip.
 */
export async function followedNow(db: Db, tutorUserId: string, readPage: () => Promise<Page<TutoringRequest>>, batch?: KeyBatch): Promise<Page<TutoringRequest>> {
  const own = batch ? undefined : keyBatch(db);
  const reader = batch ?? own!;
  const early = new Map((lastShown.get(tutorUserId) ?? []).map((essaimeId) => [essaimeId, reader.get(essaimeEntity, { essaimeId }, true)] as const));
  own?.send();
  // A guess the page does not need is never awaited: its failure must not be an unhandled rejection.
  for (const read of early.values()) read.catch(() => undefined);
  const page = await readPage();
  const essaimeIds = [...new Set(page.items.map((r) => r.essaimeId))];
  remember(tutorUserId, essaimeIds);
  const late = keyBatch(db);
  const reads = essaimeIds.map((essaimeId) => early.get(essaimeId) ?? late.get(essaimeEntity, { essaimeId }, true));
  late.send();
  const essaimes = await Promise.all(reads);
  const tutors = new Map(essaimeIds.map((id, i) => [id, essaimes[i]?.tutorUserId ?? null]));
  return { items: page.items.filter((r) => tutors.get(r.essaimeId) === tutorUserId), nextCursor: page.nextCursor };
}
