import { httpHandler } from '../../shared/http/handler';
import { guideApi } from '../../shared/tutoring/api';
import { exportGuide } from '../../shared/tutoring/guide-export';

export const handler = httpHandler(guideApi.export, async ({ params, deps }) => ({ text: await exportGuide(deps, params.seasonId, params.format) }));
