import type { z } from 'zod/mini';
import type { Principal } from '../access/principal';
import { assertStructureVisible } from '../access/policy';
import { commit } from '../db/transact';
import { getEssaime } from '../essaimes/repository';
import { conflict, notFound } from '../errors';
import { newId } from '../ids';
import type { Deps } from '../runtime';
import { getEssaimeTraining, markDeliverableWrite, putDeliverableWrite } from './progress-repository';
import { getModule } from './repository';
import type { Deliverable, submitDeliverableBody } from './schemas';
import { actorOf } from './support';

/** The referent submits (or replaces) the essaimé's action plan for a module's axis: its deliverable. */
export async function submitDeliverable(deps: Deps, principal: Principal, essaimeId: string, moduleId: string, input: z.output<typeof submitDeliverableBody>): Promise<Deliverable> {
  const essaime = await getEssaime(deps.db, essaimeId);
  if (!essaime) throw notFound('Essaimé');
  assertStructureVisible(principal, essaime.structureId, 'Essaimé');
  const training = await getEssaimeTraining(deps.db, essaimeId);
  if (!training.progress) throw notFound('Training of this essaimé');
  const module = await getModule(deps.db, training.progress.cohortId, moduleId);
  if (!module) throw notFound('Module');
  const current = training.deliverables.find((d) => d.moduleId === moduleId);
  if (current && input.expectedVersion === undefined) {
    throw conflict('DELIVERABLE_EXISTS', 'A deliverable was already submitted for this module; send expectedVersion to replace it');
  }
  if (!current && input.expectedVersion !== undefined) throw notFound('Deliverable');
  const now = deps.now().toISOString();
  const deliverable: Deliverable = {
    deliverableId: current?.deliverableId ?? newId('deliverable'),
    essaimeId,
    cohortId: training.progress.cohortId,
    moduleId,
    axis: module.axis,
    title: input.title,
    content: input.content,
    submittedBy: principal.userId,
    submittedAt: now,
    version: (input.expectedVersion ?? 0) + 1,
  };
  await commit(deps.db, actorOf(principal), [putDeliverableWrite(deps.db, deliverable, input.expectedVersion), markDeliverableWrite(deps.db, essaimeId, moduleId, now)], [
    {
      action: current ? 'deliverable.resubmitted' : 'deliverable.submitted',
      entityType: 'deliverable',
      entityId: deliverable.deliverableId,
      changes: { essaimeId, moduleId, axis: module.axis, title: input.title, version: deliverable.version },
    },
  ], deps.now());
  return deliverable;
}
