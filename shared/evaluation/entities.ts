import * as z from 'zod/mini';
import { defineEntity } from '../db/entity';
import { evaluationAggregate, evaluationReport, evaluationStage, questionnaireCount, questionnaireResponse, reportTemplate, stageInterview } from '../db/entities/evaluation';
import { aggregateKeyOf } from './aggregate-rules';
import { questionnaireResponseSchema, reportSchema, stageSchema, templateSchema } from './schemas';
import { interviewSchema } from './study-schemas';

/** Template versions sort as text in the stage's partition: 4 digits. */
export const paddedVersion = (version: number) => String(version).padStart(4, '0');

export const stageEntity = defineEntity(evaluationStage, stageSchema);
export const templateEntity = defineEntity(reportTemplate, templateSchema, { derive: (t) => ({ paddedVersion: paddedVersion(t.templateVersion) }) });
export const reportEntity = defineEntity(evaluationReport, reportSchema);
export const questionnaireEntity = defineEntity(questionnaireResponse, questionnaireResponseSchema);
/** A structure's number of questionnaire answers on a stage (the cap's counter). */
export const questionnaireCountEntity = defineEntity(questionnaireCount, z.object({ stageId: z.string(), essaimeId: z.string(), count: z.int() }));

/** An aggregate item: where it counts, its counters, and one number per indicator total (t_<key>) and rate bucket (b_<bucket>). */
export const aggregateItemSchema = z.catchall(z.object({
    seasonId: z.string(),
    stageId: z.string(),
    dimension: z.enum(['programme', 'hypothesis', 'region', 'setting', 'essaime']),
    dimensionValue: z.string(),
    essaimeId: z.optional(z.string()),
    acceptedReports: z.number(),
    delaySum: z.number(),
    delayWeight: z.number(),
  }), z.number());
export type AggregateItem = z.infer<typeof aggregateItemSchema>;

export const aggregateEntity = defineEntity(evaluationAggregate, aggregateItemSchema, { derive: (a) => ({ aggregateKey: aggregateKeyOf(a) }) });

export const interviewEntity = defineEntity(stageInterview, interviewSchema);
