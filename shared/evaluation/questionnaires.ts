import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { parisDay } from '../calendar';
import { withRetry } from '../db/retry';
import { commit } from '../db/transact';
import { conflict, unprocessable } from '../errors';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { loadContext, prefixed, requireTemplate } from './context';
import { countQuestionnaireWrite, getQuestionnaireCount, listQuestionnaires, putQuestionnaireWrite } from './repository';
import { checkQuestionnaireAnswers, isOpen, personalDataFindings } from './rules';
import type { addQuestionnaireBody, QuestionnaireResponse } from './schemas';

/** At most this many questionnaire answers per structure and stage (a director and a team of professionals). */
export const MAX_QUESTIONNAIRES_PER_STRUCTURE = 30;

/**
 * One anonymous questionnaire answer (a director or a professional of the structure), entered by the
 * referent, on a stage whose template has a questionnaire, until the stage's report is accepted.
 */
export async function addQuestionnaireResponse(deps: Deps, principal: Principal, stageId: string, essaimeId: string, input: z.output<typeof addQuestionnaireBody>): Promise<QuestionnaireResponse> {
  const ctx = await loadContext(deps, principal, stageId, essaimeId);
  const today = parisDay(deps.now());
  if (!isOpen(ctx.stage, today)) throw conflict('STAGE_NOT_OPEN', `The stage opens on ${ctx.stage.opensOn}`);
  if (ctx.report?.status === 'accepted') throw conflict('REPORT_LOCKED', 'The report has been accepted: the stage is closed for this structure');
  const template = await requireTemplate(deps, stageId, ctx.report?.templateVersion ?? ctx.stage.templateVersion);
  if (!template.questionnaire) throw conflict('NO_QUESTIONNAIRE', 'This stage has no questionnaire');
  const problems = [
    ...checkQuestionnaireAnswers(template.questionnaire.questions, input.answers),
    ...personalDataFindings({ respondentFunction: input.respondentFunction ?? '' }, '').map((d) => ({ ...d, path: 'respondentFunction' })),
  ];
  if (problems.length) throw unprocessable('INVALID_ANSWERS', 'Some answers are not valid', prefixed(problems, 'body'));
  const limitReached = () => conflict('QUESTIONNAIRE_LIMIT', `At most ${MAX_QUESTIONNAIRES_PER_STRUCTURE} answers per structure`);
  // The counter decides (a condition of the transaction below); answers stored before it existed seed it.
  const counted = (await getQuestionnaireCount(deps.db, stageId, essaimeId)) ?? (await listQuestionnaires(deps.db, stageId, essaimeId)).length;
  if (counted >= MAX_QUESTIONNAIRES_PER_STRUCTURE) throw limitReached();
  const now = deps.now().toISOString();
  const response: QuestionnaireResponse = {
    responseId: newId('questionnaire'),
    stageId,
    essaimeId,
    structureId: ctx.essaime.structureId,
    respondentRole: input.respondentRole,
    respondentFunction: input.respondentFunction ?? null,
    answers: input.answers,
    templateVersion: template.templateVersion,
    createdAt: now,
    createdBy: principal.userId,
  };
  // parallel answers meet on the counter item: a collided transaction is sent again, its condition decides
  await withRetry(() => commit(deps.db, principal, [countQuestionnaireWrite(deps.db, stageId, essaimeId, counted, MAX_QUESTIONNAIRES_PER_STRUCTURE, limitReached()), putQuestionnaireWrite(deps.db, response)], [
    { action: 'questionnaire.answered', entityType: 'stage', entityId: stageId, changes: { essaimeId, responseId: response.responseId, respondentRole: response.respondentRole } },
  ], deps.now()));
  return response;
}

export async function listQuestionnaireResponses(deps: Deps, principal: Principal, stageId: string, essaimeId: string): Promise<QuestionnaireResponse[]> {
  await loadContext(deps, principal, stageId, essaimeId);
  return listQuestionnaires(deps.db, stageId, essaimeId);
}
