import { createServer, type Server, type Socket } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/db/client';
import { conflict } from '../../shared/errors';
import { isServiceUnavailable, toErrorResponse } from '../../shared/http/errors';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, ...extra });

describe('DynamoDB faults are answered 503 with Retry-After', () => {
  it.each([
    ['a timeout', named('TimeoutError')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' })],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['throttling', named('ThrottlingException')],
    ['provisioned throughput', named('ProvisionedThroughputExceededException')],
    ['the request limit', named('RequestLimitExceeded')],
    ['an internal server error', named('InternalServerError')],
    ['an unavailable service', named('ServiceUnavailable')],
    ['a transaction throttled', named('TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }] })],
    ['a refusal wrapped as a cause', new Error('outer', { cause: Object.assign(new Error('inner'), { code: 'ETIMEDOUT' }) })],
  ])('%s', (_, error) => {
    const { response, unexpected, transient } = toErrorResponse(error);
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(response.body as string).error.code).toBe('SERVICE_UNAVAILABLE');
    expect(unexpected).toBe(false);
    expect(transient).toBe(true);
  });

  it('leaves bugs (500) and domain refusals as they are', () => {
    expect(toErrorResponse(new TypeError('x is undefined')).response.statusCode).toBe(500);
    expect(toErrorResponse(named('ValidationException')).response.statusCode).toBe(500);
    expect(toErrorResponse(named('TransactionCanceledException', { CancellationReasons: [{ Code: 'ValidationError' }] })).response.statusCode).toBe(500);
    expect(toErrorResponse(conflict('CALL_FULL', 'Full')).response.statusCode).toBe(409);
  });
});

describe('the document client never hangs on a frozen DynamoDB', () => {
  const sockets: Socket[] = [];
  let server: Server | undefined;
  afterAll(() => {
    for (const s of sockets) s.destroy();
    server?.close();
  });

  it('gives up after its bounded attempts, with an error answered 503', async () => {
    // accepts connections and never answers: what a frozen DynamoDB looks like from the client
    server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const doc = createDocumentClient(`http://127.0.0.1:${port}`);
    const started = Date.now();
    const error = await doc.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } })).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    doc.destroy();
    expect(isServiceUnavailable(error)).toBe(true);
    // three attempts of 2 s (DynamoDB Local's bound) and the jittered waits between them
    expect(elapsed).toBeLessThan(8_000);
    expect(sockets.length).toBe(3);
  }, 15_000);
});
