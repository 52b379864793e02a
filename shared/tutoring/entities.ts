import * as z from 'zod/mini';
import { fill, defineEntity } from '../db/entity';
import {
  essaimeOpenRequests,
  guideEntry,
  tutor,
  tutorAssignment,
  tutorAssignmentEvent,
  tutoringMessage,
  tutoringRequest,
  tutoringRequestAnswerIndex,
  tutoringSettings,
  tutorStats,
} from '../db/entities/tutoring';
import { axes } from '../programme/axes';
import { requestState, urgencyRank } from './rules';
import {
  assignmentEventSchema,
  currentAssignmentSchema,
  guideEntryRecordSchema,
  tutoringMessageSchema,
  tutoringRequestSchema,
  tutoringSettingsSchema,
  tutorSchema,
  tutorStatsSchema,
  type TutoringRequest,
} from './schemas';

export const tutorEntity = defineEntity(tutor, tutorSchema, { derive: (t) => ({ nameKey: t.displayName.toLowerCase() }) });
export const tutorStatsEntity = defineEntity(tutorStats, tutorStatsSchema);
export const tutorAssignmentEntity = defineEntity(tutorAssignment, currentAssignmentSchema);
export const tutorAssignmentEventEntity = defineEntity(tutorAssignmentEvent, assignmentEventSchema);
export const tutoringMessageEntity = defineEntity(tutoringMessage, tutoringMessageSchema);
export const essaimeOpenRequestsEntity = defineEntity(essaimeOpenRequests, z.object({ essaimeId: z.string(), openCount: z.int() }));
export const guideEntryEntity = defineEntity(guideEntry, guideEntryRecordSchema, {
  derive: (e) => ({ axisIndex: axes.indexOf(e.axis) }),
});
/**
 * Settings and requests stored before the same-day rule carry a number of working days
 * (`responseTargetWorkingDays`, or `targetWorkingDays` for the oldest requests): read as that rule.
 */
function withResponseTarget(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || 'responseTarget' in raw) return raw;
  const { targetWorkingDays, responseTargetWorkingDays, ...rest } = Object.fromEntries(Object.entries(raw));
  const workingDays = responseTargetWorkingDays ?? targetWorkingDays;
  return workingDays === undefined ? raw : { ...rest, responseTarget: { rule: 'working-days', workingDays } };
}

export const tutoringSettingsEntity = defineEntity(tutoringSettings, z.pipe(z.transform(withResponseTarget), tutoringSettingsSchema));

const storedRequestSchema = z.pipe(z.transform(withResponseTarget), tutoringRequestSchema);

const padMinutes = (minutes: number) => String(Math.max(0, minutes)).padStart(10, '0');

/** The sparse gsi2 of a request: awaiting a first answer by due date, or answered in the tutor's ranking. */
export function answerIndexOf(request: TutoringRequest): Record<string, string> {
  if (request.status === 'awaiting-answer') {
    const { pk, sk } = tutoringRequestAnswerIndex.awaiting;
    return { gsi2pk: fill(pk, request), gsi2sk: fill(sk, request) };
  }
  if (request.responseWorkingMinutes !== null) {
    const { pk, sk } = tutoringRequestAnswerIndex.responseTimes;
    const source = { ...request, paddedMinutes: padMinutes(request.responseWorkingMinutes) };
    return { gsi2pk: fill(pk, source), gsi2sk: fill(sk, source) };
  }
  return {};
}

export const awaitingAnswerPartition = () => fill(tutoringRequestAnswerIndex.awaiting.pk, {});
export const responseTimesPartition = (tutorUserId: string) => fill(tutoringRequestAnswerIndex.responseTimes.pk, { tutorUserId });

const requestBase = defineEntity(tutoringRequest, storedRequestSchema, {
  derive: (r) => ({ state: requestState(r.status), urgencyRank: urgencyRank[r.urgency] }),
});

export const tutoringRequestEntity: typeof requestBase = {
  ...requestBase,
  toItem: (value, extra) => requestBase.toItem(value, { ...answerIndexOf(value), ...extra }),
};
