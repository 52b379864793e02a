import { defineEntity } from '../db/entity';
import { outboxMessage } from '../db/entities/notifications';
import { outboxMessageSchema } from './schemas';

export const outboxMessageEntity = defineEntity(outboxMessage, outboxMessageSchema);
