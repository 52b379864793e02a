/**
 * Runtime configuration, read from the environment once and checked.
 * A missing required variable fails loudly at first use instead of producing undefined behaviour.
 */
import { randomBytes } from 'node:crypto';

const localCursorSecret = randomBytes(32).toString('hex');
const cache = new Map<string, string | undefined>();

function read(name: string, required: boolean): string | undefined {
  if (!cache.has(name)) {
    const value = process.env[name];
    if (required && (value === undefined || value === '')) {
      throw new Error(`Missing required environment variable ${name}`);
    }
    cache.set(name, value === '' ? undefined : value);
  }
  return cache.get(name);
}

export const config = {
  /** Name of the single DynamoDB table. */
  get tableName(): string {
    return read('TABLE_NAME', true) as string;
  },
  /** Set only locally and in tests, to reach DynamoDB Local. */
  get dynamodbEndpoint(): string | undefined {
    return read('DYNAMODB_ENDPOINT', false);
  },
  /** The private bucket of attached documents (only the attachment functions have it). */
  get attachmentsBucket(): string {
    return read('ATTACHMENTS_BUCKET', true) as string;
  },
  /** Set only locally and in tests, to reach the local S3-compatible server (path-style addressing). */
  get s3Endpoint(): string | undefined {
    return read('S3_ENDPOINT', false);
  },
  /** Lifetime of presigned upload and download URLs, in seconds (tests shorten it to see them expire). */
  get presignedUrlSeconds(): number {
    return Number(read('PRESIGNED_URL_SECONDS', false) ?? 300);
  },
  /** Address the outbox sender sends from (a verified SES identity); only the outbox sender function needs it. */
  get senderAddress(): string {
    return read('SENDER_ADDRESS', true) as string;
  },
  /**
   * Key that signs pagination cursors, so that a cursor is only accepted by the list it came from. In AWS the
   * stack's id; locally (one process) a random key made at start.
   */
  get cursorSecret(): string {
    return read('CURSOR_SECRET', false) ?? localCursorSecret;
  },
  /** Tests set CHECK_ANSWERS=1: every answer is checked against its route's declared schema and error codes. */
  get checkAnswers(): boolean {
    return read('CHECK_ANSWERS', false) === '1';
  },
  /** Set on route functions when CloudFront fronts the API: the value CloudFront sends in x-origin-verify. */
  get originVerify(): string | undefined {
    return read('ORIGIN_VERIFY', false);
  },
  get region(): string {
    return read('AWS_REGION', false) ?? 'eu-west-3';
  },
};

/** Tests switch tables between files; this forgets what was read. */
export function resetConfigCache(): void {
  cache.clear();
}
