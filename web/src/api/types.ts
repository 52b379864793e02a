/**
 * The API's types as the web app uses them, imported from the server's own declarations (type-only:
 * nothing of the server is bundled). Pages may also import from shared/ directly.
 */
export type { Role } from '../../../shared/access/principal';
export type { MeView as Me } from '../../../shared/identity/schemas';
export type { Hypothesis, Season, SeasonStatus } from '../../../shared/seasons/schemas';
export type { AuditRecord } from '../../../shared/db/audit-record';
export type { OutboxMessage } from '../../../shared/notifications/schemas';

export type { Axis, Principle, Setting } from '../../../shared/programme/axes';

export type { DemoUser } from '../../../shared/identity/schemas';

export type { Essaime, EssaimeView as EssaimeWithParticipants, Need, ParticipantView as Participant, Territory } from '../../../shared/essaimes/schemas';
