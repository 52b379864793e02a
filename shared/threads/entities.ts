import { defineEntity, fill } from '../db/entity';
import { thread, threadMessage, threadReader } from '../db/entities/threads';
import { threadMessageSchema, threadReaderSchema, threadSchema, type Thread } from './schemas';

const base = defineEntity(thread, threadSchema);

/** gsi3 is sparse: only a thread of an application is in its applicant's list. */
export function applicantIndexOf(value: Thread): Record<string, string> {
  if (!value.applicantUserId) return {};
  const [keys] = thread.indexes.gsi3;
  return { gsi3pk: fill(keys.pk, value), gsi3sk: fill(keys.sk, value) };
}

export const applicantThreadsPartition = (applicantUserId: string) => fill(thread.indexes.gsi3[0].pk, { applicantUserId });

export const threadEntity: typeof base = {
  ...base,
  toItem: (value, extra) => base.toItem(value, { ...applicantIndexOf(value), ...extra }),
};
export const threadMessageEntity = defineEntity(threadMessage, threadMessageSchema);
export const threadReaderEntity = defineEntity(threadReader, threadReaderSchema);
