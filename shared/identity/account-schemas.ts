import * as z from 'zod/mini';

/** One account per e-mail (the table's side of it: Cognito enforces it too in AWS). */
export const accountEmailSchema = z.object({
  emailHash: z.string(),
  userId: z.string(),
});
export type AccountEmail = z.infer<typeof accountEmailSchema>;

/** The structure's one active delegate. */
export const delegateSlotSchema = z.object({
  structureId: z.string(),
  userId: z.string(),
  since: z.string(),
});
export type DelegateSlot = z.infer<typeof delegateSlotSchema>;

/**
 * Local runs only: what Cognito keeps in AWS. `unconfirmed`: signed up, e-mail not verified yet (a code
 * hash waits); `invited`: created by an invitation, no password yet; `confirmed`: may sign in.
 */
export const localCredentialSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  state: z.enum(['unconfirmed', 'invited', 'confirmed']),
  /** scrypt$<salt hex>$<hash hex> */
  passwordHash: z.nullable(z.string()),
  /** SHA-256 of the e-mail verification code, while unconfirmed. */
  codeHash: z.nullable(z.string()),
  failedCodes: z.int(),
  createdAt: z.string(),
});
export type LocalCredential = z.infer<typeof localCredentialSchema>;

export const localInvitationSchema = z.object({
  tokenHash: z.string(),
  userId: z.string(),
  createdAt: z.string(),
});
export type LocalInvitation = z.infer<typeof localInvitationSchema>;
