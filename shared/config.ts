/**
 * Runtime configuration, read from the environment once and checked.
 * A missing required variable fails loudly at first use instead of producing undefined behaviour.
 */
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
  /** Address the outbox sender sends from (a verified SES identity); only the outbox sender function needs it. */
  get senderAddress(): string {
    return read('SENDER_ADDRESS', true) as string;
  },
  get region(): string {
    return read('AWS_REGION', false) ?? 'eu-west-3';
  },
};

/** Tests switch tables between files; this forgets what was read. */
export function resetConfigCache(): void {
  cache.clear();
}
