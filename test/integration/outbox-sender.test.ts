import type { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/db/client';
import { putProfileWrite } from '../../shared/identity/repository';
import { profileEmailLookup, sesEmailSender } from '../../shared/notifications/outbox-sender';
import { createTestDb } from '../support/db';

let db: Db;

beforeAll(async () => {
  db = await createTestDb();
  const put = putProfileWrite(db, {
    userId: 'user-referent-1',
    role: 'referent',
    displayName: 'Nadia Ferrand',
    email: 'nadia.ferrand@passerelle.example',
    organisation: 'Passerelle',
  }).item.Put!;
  await db.doc.send(new PutCommand(put as never));
});
afterAll(() => db.doc.destroy());

describe('outbox sender adapters', () => {
  it('finds the recipient address in the profile item (USER#<id> / PROFILE) on DynamoDB Local', async () => {
    const lookup = profileEmailLookup(db);
    expect(await lookup('user-referent-1')).toBe('nadia.ferrand@passerelle.example');
    expect(await lookup('user-unknown')).toBeUndefined();
  });

  it('sends a plain-text UTF-8 email from the configured sender through SES v2', async () => {
    const commands: SendEmailCommand[] = [];
    const ses = {
      send: async (command: SendEmailCommand) => {
        commands.push(command);
        return { MessageId: 'ses-1', $metadata: {} };
      },
    };
    const send = sesEmailSender(ses as never, 'programme@ansa.example');
    expect(await send({ to: 'nadia.ferrand@passerelle.example', subject: 'Décision de sélection', body: 'Bonjour,\nVotre candidature est retenue.' })).toBe('ses-1');
    expect(commands).toHaveLength(1);
    expect(commands[0]!.input).toEqual({
      FromEmailAddress: 'programme@ansa.example',
      Destination: { ToAddresses: ['nadia.ferrand@passerelle.example'] },
      Content: {
        Simple: {
          Subject: { Data: 'Décision de sélection', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Bonjour,\nVotre candidature est retenue.', Charset: 'UTF-8' } },
        },
      },
    });
  });
});
