/**
 * Shapes of the API's resources as the web app uses them (the API's OpenAPI document at /openapi.json is
 * the reference). Only the fields the pages read are listed.
 */
export type { Role } from '../../../shared/access/principal';
export type { MeView as Me } from '../../../shared/identity/schemas';
export type { Hypothesis, Season, SeasonStatus } from '../../../shared/seasons/schemas';
export type { AuditRecord } from '../../../shared/db/audit-record';
export type { OutboxMessage } from '../../../shared/notifications/schemas';
import type { Role } from '../../../shared/access/principal';

export type { Axis, Principle, Setting } from '../../../shared/programme/axes';

export interface DemoUser {
  userId: string;
  role: Role;
  displayName: string;
  description: string;
}

export type { Essaime, EssaimeView as EssaimeWithParticipants, Need, ParticipantView as Participant, Territory } from '../../../shared/essaimes/schemas';
