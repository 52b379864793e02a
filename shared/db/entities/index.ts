import type { ItemType } from '../entity';
import { applicationsItemTypes } from './applications';
import { attachmentsItemTypes } from './attachments';
import { auditItemTypes } from './audit';
import { callsItemTypes } from './calls';
import { essaimesItemTypes } from './essaimes';
import { evaluationItemTypes } from './evaluation';
import { fidelityItemTypes } from './fidelity';
import { governanceItemTypes } from './governance';
import { identityItemTypes } from './identity';
import { idempotencyItemTypes } from './idempotency';
import { notificationsItemTypes } from './notifications';
import { privacyItemTypes } from './privacy';
import { seasonItemTypes } from './seasons';
import { seedItemTypes } from './seed';
import { threadsItemTypes } from './threads';
import { trainingItemTypes } from './training';
import { tutoringItemTypes } from './tutoring';

/** Every item type of the table: the registry the prefix test and docs/data-model.md read. */
export const allItemTypes: readonly ItemType[] = [
  ...seasonItemTypes,
  ...identityItemTypes,
  ...essaimesItemTypes,
  ...callsItemTypes,
  ...applicationsItemTypes,
  ...attachmentsItemTypes,
  ...trainingItemTypes,
  ...tutoringItemTypes,
  ...threadsItemTypes,
  ...evaluationItemTypes,
  ...fidelityItemTypes,
  ...governanceItemTypes,
  ...privacyItemTypes,
  ...notificationsItemTypes,
  ...auditItemTypes,
  ...idempotencyItemTypes,
  ...seedItemTypes,
];
