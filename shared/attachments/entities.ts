import { defineEntity } from '../db/entity';
import { attachment } from '../db/entities/attachments';
import { attachmentSchema } from './schemas';

export const attachmentEntity = defineEntity(attachment, attachmentSchema);
