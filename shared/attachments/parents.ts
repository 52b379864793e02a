import type { Principal } from '../access/principal';
import { assertAuthorOrStructureReader, assertFollowedRecordVisible, isStaff } from '../access/policy';
import { getApplication } from '../applications/repository';
import { assertDraft } from '../applications/rules';
import { criteriaOf, loadCall } from '../calls/use-cases';
import { getEssaime } from '../essaimes/repository';
import { conflict, notFound, unprocessable } from '../errors';
import { getReport, getStage } from '../evaluation/repository';
import { canDo } from '../evaluation/rules';
import type { Deps } from '../runtime';
import { getEssaimeTraining } from '../training/progress-repository';
import { getModule } from '../training/repository';
import { messageForAttachments } from '../threads/use-cases';
import type { AttachmentParent, ParentKind } from './schemas';

/**
 * Who may read and change a record's documents: the record's own access rules (shared/access/policy.ts),
 * resolved once per parent kind. `read` may see and download; `write` may upload and delete, while the
 * record is editable. Unknown or invisible records answer 404, as their own routes do.
 */
export type AttachmentAccessMode = 'read' | 'write';

/** What the use cases need to know about the parent once access is granted. */
export interface ResolvedParent {
  /** The structure whose record it is (null when the record belongs to no structure). */
  structureId: string | null;
}

export type ParentResolver<K extends ParentKind = ParentKind> = (
  deps: Deps,
  principal: Principal,
  parent: Extract<AttachmentParent, { kind: K }>,
  mode: AttachmentAccessMode,
) => Promise<ResolvedParent>;

/** The referent of the structure, acting for it; anyone else is refused as if the record did not exist. */
function assertReferentWriter(principal: Principal, structureId: string, what: string) {
  if (principal.role !== 'referent' || !principal.structureIds.includes(structureId)) throw notFound(what);
}

/** Evidence for a criterion, or the dossier's pieces: read by staff and the structure's referents; written by its author while a draft. */
const application: ParentResolver<'application'> = async (deps, principal, parent, mode) => {
  const app = await getApplication(deps.db, parent.applicationId, mode === 'write');
  if (!app) throw notFound('Application');
  assertAuthorOrStructureReader(principal, { authorUserId: app.applicantUserId, structureId: app.structureId }, mode, 'Application');
  if (mode === 'write') {
    if (isStaff(principal)) throw notFound('Application');
    assertDraft(app);
    if (parent.criterionId !== null) {
      const criterion = criteriaOf(await loadCall(deps, app.callId), app.criteriaVersion).find((c) => c.criterionId === parent.criterionId);
      // evidence checked by staff, or the document a criterion asks for
      const takesFiles = criterion?.requiresEvidence || criterion?.kind === 'document';
      if (!criterion || !takesFiles || (app.hypothesis !== null && criterion.hypothesis !== app.hypothesis)) {
        throw unprocessable('CRITERION_NOT_VERIFIABLE', 'This criterion does not apply to the application or needs no evidence', [
          { path: 'criterionId', message: 'Not a criterion needing evidence for this application' },
        ]);
      }
    }
  }
  return { structureId: app.structureId };
};

/** A module deliverable: read like the essaimé's training (staff, its referents, its tutor now); written by its referent. */
const deliverable: ParentResolver<'deliverable'> = async (deps, principal, parent, mode) => {
  const essaime = await getEssaime(deps.db, parent.essaimeId);
  if (!essaime) throw notFound('Deliverable');
  assertFollowedRecordVisible(principal, essaime, 'Deliverable');
  const training = await getEssaimeTraining(deps.db, parent.essaimeId);
  if (!training.progress || !(await getModule(deps.db, training.progress.cohortId, parent.moduleId))) throw notFound('Module');
  if (mode === 'write') assertReferentWriter(principal, essaime.structureId, 'Deliverable');
  return { structureId: essaime.structureId };
};

/** A stage report's annexes: read like the report; written by the referent while the report is a draft or sent back. */
const report: ParentResolver<'report'> = async (deps, principal, parent, mode) => {
  const [essaime, stage] = await Promise.all([getEssaime(deps.db, parent.essaimeId), getStage(deps.db, parent.stageId)]);
  if (!essaime) throw notFound('Report');
  assertFollowedRecordVisible(principal, essaime, 'Report');
  if (!stage || stage.seasonId !== essaime.seasonId) throw notFound('Report');
  if (mode === 'write') {
    assertReferentWriter(principal, essaime.structureId, 'Report');
    const current = await getReport(deps.db, parent.stageId, parent.essaimeId);
    if (current && !canDo('save', current.status)) {
      if (current.status === 'accepted') throw conflict('REPORT_LOCKED', 'The report has been accepted: it is locked');
      throw conflict('REPORT_SUBMITTED', 'The report is submitted and awaits review');
    }
  }
  return { structureId: essaime.structureId };
};

/** Thread messages: read by the thread's participants (staff, the structure's side), attached to by their author. */
const threadMessage: ParentResolver<'threadMessage'> = (deps, principal, parent, mode) =>
  messageForAttachments(deps, principal, parent.threadId, parent.messageId, mode);

const resolvers: { [K in ParentKind]: ParentResolver<K> } = { application, deliverable, report, threadMessage };

/** Grants `mode` on the parent's documents or throws (404, or 409/422 when the record cannot change now). */
export function resolveParent(deps: Deps, principal: Principal, parent: AttachmentParent, mode: AttachmentAccessMode): Promise<ResolvedParent> {
  const resolver = resolvers[parent.kind] as ParentResolver;
  return resolver(deps, principal, parent, mode);
}

/** The codes the parents' rules may answer (route specs list them). */
export const parentErrorCodes = ['NOT_FOUND', 'APPLICATION_NOT_DRAFT', 'CRITERION_NOT_VERIFIABLE', 'REPORT_LOCKED', 'REPORT_SUBMITTED'] as const;
