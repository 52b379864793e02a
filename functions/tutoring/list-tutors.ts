import { httpHandler } from '../../shared/http/handler';
import { tutorsApi } from '../../shared/tutoring/api';
import { listTutors } from '../../shared/tutoring/repository';

export const handler = httpHandler(tutorsApi.list, async ({ query, deps }) => ({ body: await listTutors(deps.db, query) }));
