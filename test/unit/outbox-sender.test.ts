import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { outboxMessageOf, sendOutboxRecords, type OutgoingEmail, type OutboxSenderPorts } from '../../shared/notifications/outbox-sender';

let sequence = 100;

function record(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', item: Record<string, unknown>): DynamoDBRecord {
  sequence += 1;
  return {
    eventName,
    dynamodb: { SequenceNumber: String(sequence), NewImage: marshall(item, { removeUndefinedValues: true }) as never },
  };
}

const outboxItem = (n: number, recipientUserId = `user-${n}`) => ({
  pk: `OUTBOX#reminder#${n}`,
  sk: 'MESSAGE',
  type: 'OutboxMessage',
  messageId: `msg_${n}`,
  dedupeKey: `reminder#${n}`,
  kind: 'report-reminder',
  recipientUserId,
  subject: `Rappel : rapport d’étape n°${n}`,
  body: 'Bonjour,\nVotre rapport d’étape est attendu.',
  related: { entityType: 'report', entityId: `rep_${n}` },
  createdAt: '2020-03-01T08:00:00.000Z',
});

/** Ports that record what was sent; addresses come from a fixed directory. */
function fakePorts(directory: Record<string, string>, failOn: (email: OutgoingEmail) => Error | undefined = () => undefined) {
  const sent: OutgoingEmail[] = [];
  const ports: OutboxSenderPorts = {
    recipientEmail: async (userId) => directory[userId],
    sendEmail: async (email) => {
      const error = failOn(email);
      if (error) throw error;
      sent.push(email);
      return `ses-${sent.length}`;
    },
  };
  return { ports, sent };
}

const sesError = (name: string) => Object.assign(new Error(name), { name });

describe('outbox sender: which stream records are messages', () => {
  it('reads an inserted OutboxMessage item and ignores updates, deletions and other item types', () => {
    expect(outboxMessageOf(record('INSERT', outboxItem(1)))).toMatchObject({ messageId: 'msg_1', recipientUserId: 'user-1', subject: 'Rappel : rapport d’étape n°1' });
    expect(outboxMessageOf(record('MODIFY', outboxItem(1)))).toBeUndefined();
    expect(outboxMessageOf(record('REMOVE', outboxItem(1)))).toBeUndefined();
    expect(outboxMessageOf(record('INSERT', { ...outboxItem(1), type: 'UserProfile' }))).toBeUndefined();
    expect(outboxMessageOf({ eventName: 'INSERT', dynamodb: {} })).toBeUndefined();
  });

  it('skips a malformed outbox item instead of sending half a message', () => {
    const { subject: _s, ...noSubject } = outboxItem(1);
    expect(outboxMessageOf(record('INSERT', noSubject))).toBeUndefined();
  });
});

describe('outbox sender: sending a batch', () => {
  it('sends each new message to the address of its recipient, with its French subject and body', async () => {
    const { ports, sent } = fakePorts({ 'user-1': 'claire@ansa.example', 'user-2': 'michel@acor.example' });
    const result = await sendOutboxRecords(
      [record('INSERT', outboxItem(1)), record('MODIFY', outboxItem(9)), record('INSERT', outboxItem(2))],
      ports,
    );
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sent).toEqual([
      { to: 'claire@ansa.example', subject: 'Rappel : rapport d’étape n°1', body: 'Bonjour,\nVotre rapport d’étape est attendu.' },
      { to: 'michel@acor.example', subject: 'Rappel : rapport d’étape n°2', body: 'Bonjour,\nVotre rapport d’étape est attendu.' },
    ]);
  });

  it('skips a recipient without an address without failing the batch', async () => {
    const { ports, sent } = fakePorts({ 'user-2': 'michel@acor.example' });
    const result = await sendOutboxRecords([record('INSERT', outboxItem(1)), record('INSERT', outboxItem(2))], ports);
    expect(result.batchItemFailures).toEqual([]);
    expect(sent.map((e) => e.to)).toEqual(['michel@acor.example']);
  });

  it('does not retry a message SES rejects for good (bad address, rejected content)', async () => {
    const { ports, sent } = fakePorts({ 'user-1': 'not-an-address', 'user-2': 'michel@acor.example' }, (email) =>
      email.to === 'not-an-address' ? sesError('BadRequestException') : undefined,
    );
    const result = await sendOutboxRecords([record('INSERT', outboxItem(1)), record('INSERT', outboxItem(2))], ports);
    expect(result.batchItemFailures).toEqual([]);
    expect(sent.map((e) => e.to)).toEqual(['michel@acor.example']);
  });

  it('stops at a transient failure and reports that record, so the retry neither resends nor skips', async () => {
    const { ports, sent } = fakePorts({ 'user-1': 'a@x.example', 'user-2': 'b@x.example', 'user-3': 'c@x.example' }, (email) =>
      email.to === 'b@x.example' ? sesError('TooManyRequestsException') : undefined,
    );
    const records = [record('INSERT', outboxItem(1)), record('INSERT', outboxItem(2)), record('INSERT', outboxItem(3))];
    const result = await sendOutboxRecords(records, ports);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: records[1]!.dynamodb!.SequenceNumber }]);
    expect(sent.map((e) => e.to)).toEqual(['a@x.example']);
  });

  it('reports a failed address lookup (e.g. DynamoDB throttling) as a failure to retry', async () => {
    const ports: OutboxSenderPorts = {
      recipientEmail: async () => {
        throw sesError('ProvisionedThroughputExceededException');
      },
      sendEmail: async () => 'never',
    };
    const records = [record('INSERT', outboxItem(1))];
    expect(await sendOutboxRecords(records, ports)).toEqual({ batchItemFailures: [{ itemIdentifier: records[0]!.dynamodb!.SequenceNumber }] });
  });
});

describe('outbox sender: configuration', () => {
  it('fails loudly when the sender address is not configured', async () => {
    const { config, resetConfigCache } = await import('../../shared/config');
    const before = process.env.SENDER_ADDRESS;
    try {
      delete process.env.SENDER_ADDRESS;
      resetConfigCache();
      expect(() => config.senderAddress).toThrow(/SENDER_ADDRESS/);
      process.env.SENDER_ADDRESS = 'programme@ansa.example';
      resetConfigCache();
      expect(config.senderAddress).toBe('programme@ansa.example');
    } finally {
      if (before === undefined) delete process.env.SENDER_ADDRESS;
      else process.env.SENDER_ADDRESS = before;
      resetConfigCache();
    }
  });
});
