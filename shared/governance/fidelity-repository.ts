import type { Db } from '../db/client';
import { getOne, putNew, putVersioned, queryAllMixed, valuesOf } from '../db/store';
import type { Write } from '../db/transact';
import { conflict, forbidden } from '../errors';
import { acorLeadEntity, fidelityAtDateEntity, fidelityCheckpointEntity, labelDecisionEntity } from './fidelity-entities';
import type { AcorLead, FidelityAssessment, LabelDecision } from './fidelity-schemas';

/** Fidelity assessments and label decisions of an essaimé (one partition), and the A.CO.R. lead flags. */

/** The first checkpoint of a stage (expectedVersion 0) or a revision of the version read. */
export function putCheckpointWrite(db: Db, assessment: FidelityAssessment, expectedVersion: number): Write {
  const stale = conflict('STALE_VERSION', 'The assessment was saved by someone else meanwhile; reload it and retry', [
    { path: 'body.expectedVersion', message: 'Not the current version' },
  ]);
  return expectedVersion === 0
    ? putNew(db, fidelityCheckpointEntity, assessment, stale)
    : putVersioned(db, fidelityCheckpointEntity, assessment, expectedVersion, stale);
}

export function putAtDateWrite(db: Db, assessment: FidelityAssessment): Write {
  return putNew(db, fidelityAtDateEntity, assessment);
}

export function putLabelDecisionWrite(db: Db, decision: LabelDecision): Write {
  return putNew(db, labelDecisionEntity, decision);
}

export function getCheckpoint(db: Db, essaimeId: string, stageId: string): Promise<FidelityAssessment | undefined> {
  return getOne(db, fidelityCheckpointEntity, { essaimeId, stageId });
}

/** Every assessment (checkpoints and at any date) and label decision (oldest first) of one essaimé: bounded. */
export async function listEssaimeGovernance(db: Db, essaimeId: string): Promise<{ assessments: FidelityAssessment[]; labelDecisions: LabelDecision[] }> {
  const items = await queryAllMixed(db, [fidelityCheckpointEntity, fidelityAtDateEntity, labelDecisionEntity], {
    pk: fidelityCheckpointEntity.partition('table', { essaimeId }),
  });
  return {
    assessments: [...valuesOf(items, fidelityCheckpointEntity), ...valuesOf(items, fidelityAtDateEntity)],
    labelDecisions: valuesOf(items, labelDecisionEntity),
  };
}

export async function isAcorLead(db: Db, userId: string): Promise<boolean> {
  return (await getOne(db, acorLeadEntity, { userId }))?.acorLead === true;
}

export function putAcorLeadWrite(db: Db, lead: AcorLead): Write {
  return { item: { Put: { TableName: db.tableName, Item: acorLeadEntity.toItem(lead) } } };
}

/** In the label's transaction: the decider is still the A.CO.R. lead when it lands. */
export function acorLeadStillHeldCheck(db: Db, userId: string): Write {
  return {
    item: {
      ConditionCheck: {
        TableName: db.tableName,
        Key: acorLeadEntity.key({ userId }),
        ConditionExpression: 'acorLead = :yes',
        ExpressionAttributeValues: { ':yes': true },
      },
    },
    onConditionFailed: forbidden('NOT_ACOR_LEAD', 'Only the A.CO.R. lead decides the label'),
  };
}
