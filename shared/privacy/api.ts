import { roles } from '../access/principal';
import { defineRoute } from '../http/route';
import { erasureBody, participantParams, userParams } from './schemas';

export const privacyApi = {
  exportParticipant: defineRoute({
    operationId: 'exportParticipantData',
    method: 'GET',
    path: '/privacy/essaimes/{essaimeId}/participants/{participantId}',
    summary: "Everything held on one participant (their record and every copy of their name or email)",
    tag: 'privacy',
    access: ['staff'],
    params: participantParams,
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
  }),
  exportUser: defineRoute({
    operationId: 'exportUserData',
    method: 'GET',
    path: '/privacy/users/{userId}',
    summary: "Everything held on one user (staff: anyone; others: themselves)",
    tag: 'privacy',
    access: roles,
    params: userParams,
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
  }),
};
