import { roles } from '../../access/principal';
import { defineRoute } from '../../http/route';
import { erasureResultSchema, personalDataExportSchema } from './views';
import { erasureBody, participantParams, userParams } from './schemas';

/** Routes of personal-data export and erasure; served by the read model in shared/read-models/personal-data. */
export const privacyApi = {
  exportParticipant: defineRoute({
    operationId: 'exportParticipantData',
    method: 'GET',
    path: '/privacy/essaimes/{essaimeId}/participants/{participantId}',
    summary: "Everything held on one participant, as the participant may see it (their record and every copy of their name or email; never staff's reviews or notes)",
    tag: 'privacy',
    access: ['staff'],
    params: participantParams,
    response: { status: 200, description: 'The export', schema: personalDataExportSchema },
    errors: ['NOT_FOUND'],
  }),
  eraseParticipant: defineRoute({
    operationId: 'eraseParticipantData',
    method: 'POST',
    path: '/privacy/essaimes/{essaimeId}/participants/{participantId}/erasure',
    summary: "Erase a participant's name and email everywhere; the record stays, anonymised, so counts and dashboards hold",
    tag: 'privacy',
    access: ['staff'],
    params: participantParams,
    body: erasureBody,
    response: { status: 200, description: 'What was erased', schema: erasureResultSchema },
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
  exportUser: defineRoute({
    operationId: 'exportUserData',
    method: 'GET',
    path: '/privacy/users/{userId}',
    summary: "Everything held on one user, as the user may see it whoever asks (staff: anyone; others: themselves, another's is 403); never staff's reviews, notes or verifications",
    tag: 'privacy',
    access: roles,
    params: userParams,
    response: { status: 200, description: 'The export', schema: personalDataExportSchema },
    errors: ['NOT_YOUR_DATA', 'NOT_FOUND'],
  }),
  eraseUser: defineRoute({
    operationId: 'eraseUserData',
    method: 'POST',
    path: '/privacy/users/{userId}/erasure',
    summary: "Erase a user's name and email everywhere; their profile stays, anonymised",
    tag: 'privacy',
    access: ['staff'],
    params: userParams,
    body: erasureBody,
    response: { status: 200, description: 'What was erased', schema: erasureResultSchema },
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
};
