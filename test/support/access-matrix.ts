import type { TestApi } from './api';
import { sampleFiles, uploadDocument } from './attachments';
import { DemoIds } from './demo-ids';

/**
 * The callers of the authorization matrix (test/api/authorization-matrix.test.ts), each a demo user whose
 * ties are known: Michel tutors Passerelle, Isabelle tutors nobody, Nadia is Passerelle's referent, Julien
 * Jura Service's, Sophie applies for L'Envol (a referent of no essaimé yet).
 */
export const callers = {
  anonymous: null,
  staff: 'demo-staff-claire',
  assignedTutor: 'demo-tutor-michel',
  otherTutor: 'demo-tutor-isabelle',
  referent: 'demo-referent-passerelle',
  otherReferent: 'demo-referent-jura',
  applicant: 'demo-applicant-envol',
} as const;
export type Caller = keyof typeof callers;
export const allCallers = Object.keys(callers) as Caller[];
export const signedIn = allCallers.filter((c) => c !== 'anonymous');

/** 'ok': 2xx (or, for a write, a refusal that comes after the access check); 'denied': 401, 403 or 404. */
export type Outcome = 'ok' | 'denied';

/**
 * Demo ids for every path parameter, Passerelle's records first (so that "assigned" and "of the structure"
 * mean Passerelle), and L'Envol's draft for {applicationId} (so that the applicant owns it).
 */
export class MatrixIds extends DemoIds {
  private readonly extra = new Map<string, Promise<string>>();

  constructor(api: TestApi) {
    super(api);
  }

  private staffGet = async (url: string): Promise<any> => {
    const res = await this.api.call('GET', url, { as: callers.staff });
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status} ${res.text.slice(0, 300)}`);
    return res.body;
  };

  private readonly own: Record<string, () => Promise<string>> = {
    applicationId: async () => {
      const mine = await this.api.call('GET', '/me/applications', { as: callers.applicant });
      return mine.body.items[0].applicationId;
    },
    guideEntryId: async () => {
      const entries = await this.staffGet(`/seasons/${await this.get('seasonId')}/guide/entries?limit=100`);
      if (!entries.items[0]) throw new Error('No guide entry in the demo data');
      return entries.items[0].guideEntryId;
    },
    threadId: async () => this.get('applicationId'),
    // a document the applicant attached to her draft's criterion A1.2 (written: resolve it before snapshots)
    attachmentId: async () => {
      const applicationId = await this.get('applicationId');
      const ready = await uploadDocument(this.api, callers.applicant, { kind: 'application', applicationId, criterionId: 'A1.2' }, sampleFiles.pdf());
      if (ready.status !== 200) throw new Error(`Demo document: ${ready.status} ${ready.text.slice(0, 300)}`);
      return ready.body.attachmentId as string;
    },
    format: async () => 'markdown',
    jobName: async () => 'tutoring-overdue-reminders',
    year: async () => String(new Date().getFullYear()),
    templateVersion: async () => '1',
    entityType: async () => 'essaime',
    entityId: async () => this.get('essaimeId'),
  };

  override has(name: string): boolean {
    return name in this.own || super.has(name);
  }

  override get(name: string): Promise<string> {
    const resolve = this.own[name];
    if (!resolve) return super.get(name);
    let id = this.extra.get(name);
    if (!id) {
      id = resolve();
      this.extra.set(name, id);
    }
    return id;
  }

  /** The application of another structure that a staff member recused herself from (Solidarité Multi-Services). */
  async recusedApplicationId(): Promise<string> {
    const list = await this.staffGet(`/calls/${await this.get('callId')}/applications?limit=100`);
    const app = list.items.find((a: { structureName: string }) => a.structureName === 'Solidarité Multi-Services');
    if (!app) throw new Error('No application of Solidarité Multi-Services in the demo data');
    return app.applicationId;
  }
}
