import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../functions/api/routes';
import { lambdaContext } from '../../infra/local/lambda-context';
import { createDocumentClient, createDynamoDbClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDbEntityRepository } from '../../shared/adapters/dynamodb/dynamodb-entity-repository';
import { DynamoDbOutboxRepository } from '../../shared/adapters/dynamodb/dynamodb-outbox-repository';
import { SnsSmsSender } from '../../shared/adapters/sns/sns-sms-sender';
import { sendOutboxMessage } from '../../shared/app/send-outbox-message';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { sweepOutbox } from '../../shared/app/sweep-outbox';
import { ServiceUnavailableError } from '../../shared/domain/errors';
import { httpHandler } from '../../shared/http/api-handler';
import { Router } from '../../shared/http/router';
import type { Ports } from '../../shared/ports/ports';
import { ADMIN, apiEvent, JSON_HEADERS } from '../support/api-events';
import { HROMADA, seedBasics, taxiRequest, withRules } from '../support/fixtures';
import { bookingOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

/**
 * DynamoDB throttling injected into the client the code uses: a middleware below the SDK's retry
 * middleware throws what DynamoDB answers when a table is over its throughput, so the SDK retries
 * it as it would in AWS (4 attempts in all for DynamoDB, with backoff), and what outlasts those
 * retries reaches our code.
 */
interface Throttle {
  /** Throttles the next `times` calls that match; 0 stops throttling. */
  next(times: number, match: (command: string, input: Record<string, unknown>) => boolean): void;
  /** Calls throttled so far. */
  readonly count: number;
}

function throttled(command: string): Error {
  return Object.assign(new Error(`Throughput exceeds the current capacity (${command})`), {
    name: 'ProvisionedThroughputExceededException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

async function throttlingPorts(t: Awaited<ReturnType<typeof freshTable>>, clock: FixedClock) {
  const client = createDynamoDbClient({ region: 'eu-central-1', endpoint: t.endpoint });
  let left = 0;
  let count = 0;
  let match: (command: string, input: Record<string, unknown>) => boolean = () => false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      if (left > 0 && match(command, args.input as Record<string, unknown>)) {
        left -= 1;
        count += 1;
        throw throttled(command);
      }
      return next(args);
    },
    { step: 'deserialize', name: 'injectThrottling' },
  );
  const throttle: Throttle = {
    next(times, m) {
      left = times;
      match = m;
    },
    get count() {
      return count;
    },
  };
  const doc = createDocumentClient(client);
  const ports = {
    ...portsFor(t, clock),
    entities: new DynamoDbEntityRepository(doc, t.tableName),
    outbox: new DynamoDbOutboxRepository(doc, t.tableName),
  };
  return { ports, throttle };
}

const sns = mockClient(SNSClient);
const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
let t: Awaited<ReturnType<typeof freshTable>>;
let residentId: string;

beforeAll(async () => {
  t = await freshTable('throttling');
  const resident = await seedBasics(portsFor(t, clock));
  await withRules(portsFor(t, clock), { monthlyRideQuota: 100 });
  residentId = resident.id;
});
afterEach(() => sns.reset());

async function requestsOnDay(ports: Pick<Ports, 'entities'>, date: string) {
  return (await ports.entities.requests.forDay(HROMADA, date)).filter((r) => r.residentId === residentId);
}

describe('DynamoDB throttles the booking write', () => {
  async function api(ports: Omit<Ports, 'sms'>) {
    const router = new Router(apiRoutes({ ...ports, sms: new SnsSmsSender(new SNSClient({})) }, {}), {
      maxBodyBytes: 65_536,
    });
    const handler = httpHandler(router);
    return async (body: unknown) =>
      (await handler(
        apiEvent('POST', `/hromady/${HROMADA}/requests`, body, JSON_HEADERS, ADMIN),
        lambdaContext('api'),
      )) as APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };
  }

  it('a short burst of throttling is absorbed by the SDK retries: 201, one request', async () => {
    const { ports, throttle } = await throttlingPorts(t, clock);
    const book = await api(ports);
    throttle.next(2, (command) => command === 'TransactWriteItemsCommand');
    const res = await book(taxiRequest(residentId, '2026-11-24', '08:00'));
    expect(res.statusCode).toBe(201);
    expect(throttle.count).toBe(2);
    expect(await requestsOnDay(ports, '2026-11-24')).toHaveLength(1);
  });

  it('throttling that outlasts the retries is a 503 with Retry-After and a Ukrainian reason; nothing half-written; the retry books once', async () => {
    const { ports, throttle } = await throttlingPorts(t, clock);
    const book = await api(ports);
    throttle.next(1000, (command) => command === 'TransactWriteItemsCommand');
    const body = taxiRequest(residentId, '2026-11-25', '08:00');
    const refused = await book(body);
    throttle.next(0, () => false);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers?.['retry-after']).toBe('2');
    const error = JSON.parse(refused.body).error;
    expect(error).toMatchObject({ code: 'unavailable', reason: expect.stringMatching(/перевантажена/) });
    expect(refused.body).not.toMatch(/Provisioned|Dynamo|TransactWrite/);
    // the transaction is atomic: no request, no guard, no SMS was left behind
    expect(await requestsOnDay(ports, '2026-11-25')).toHaveLength(0);
    expect(await ports.entities.residentDays.get(HROMADA, residentId, '2026-11-25')).toBeUndefined();

    const retried = await book(body);
    expect(retried.statusCode).toBe(201);
    expect(await requestsOnDay(ports, '2026-11-25')).toHaveLength(1);
  });

  it('a throttled read is a 503 too, never a 500', async () => {
    const { ports, throttle } = await throttlingPorts(t, clock);
    const book = await api(ports);
    throttle.next(1000, (command) => command === 'GetItemCommand');
    const res = await book(taxiRequest(residentId, '2026-11-26', '08:00'));
    throttle.next(0, () => false);
    expect(res.statusCode).toBe(503);
    expect(await requestsOnDay(ports, '2026-11-26')).toHaveLength(0);
  });
});

describe('DynamoDB throttles the outbox while an SMS is being sent', () => {
  async function pendingMessage(ports: Omit<Ports, 'sms'>, date: string) {
    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(residentId, date, '10:00')),
      'd',
    );
    return (await ports.outbox.get(`book-${request.id}`))!;
  }
  /** What the stream and the every-minute sweeper do, until the message is final. */
  async function deliver(ports: Omit<Ports, 'sms'>, id: string) {
    const sms = new SnsSmsSender(new SNSClient({ region: 'eu-central-1' }));
    const at = new FixedClock(clock.now());
    const p = { ...ports, clock: at, sms };
    for (let round = 0; round < 10; round++) {
      const m = (await p.outbox.get(id))!;
      if (m.status === 'sent' || m.status === 'failed') return m;
      if (m.status === 'pending') await sendOutboxMessage(p, id, m.version).catch(() => 'stream retries');
      else {
        at.at = new Date(at.at.getTime() + 5 * 60_000); // past the claim's lease
        await sweepOutbox(p);
      }
    }
    return (await p.outbox.get(id))!;
  }

  it('the SMS went out but recording it is throttled beyond the SDK retries: still sent once, recorded sent', async () => {
    const { ports, throttle } = await throttlingPorts(t, clock);
    sns.on(PublishCommand).resolves({ MessageId: 'sns-once' });
    const message = await pendingMessage(ports, '2026-11-27');
    const markSent = (command: string, input: Record<string, unknown>) =>
      command === 'UpdateItemCommand' && String(input.UpdateExpression).startsWith('SET #s = :sent');
    // 6: more than one call's 4 attempts
    throttle.next(6, markSent);
    const final = await deliver(ports, message.id);
    expect(throttle.count).toBe(6);
    expect(final).toMatchObject({ status: 'sent', providerMessageId: 'sns-once' });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });

  it('the claim, then the budget, throttled past the retries: nothing sent until it can be; then sent exactly once', async () => {
    const { ports, throttle } = await throttlingPorts(t, clock);
    sns.on(PublishCommand).resolves({ MessageId: 'sns-after-throttling' });
    const message = await pendingMessage(ports, '2026-11-28');
    const send = () =>
      sendOutboxMessage({ ...ports, sms: new SnsSmsSender(new SNSClient({})) }, message.id, message.version);
    // the claim (UpdateItem) throttled: the stream record fails and is retried; the message is untouched
    throttle.next(1000, (command) => command === 'UpdateItemCommand');
    await expect(send()).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect((await ports.outbox.get(message.id))!.status).toBe('pending');
    // claimed, then the day's SMS budget (TransactWriteItems) throttled: `sending`, no SMS out
    throttle.next(1000, (command) => command === 'TransactWriteItemsCommand');
    await expect(send()).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect((await ports.outbox.get(message.id))!.status).toBe('sending');
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
    // the overload ends: the sweeper takes the claim back after its lease, the stream sends it once
    throttle.next(0, () => false);
    const final = await deliver(ports, message.id);
    expect(final).toMatchObject({ status: 'sent', providerMessageId: 'sns-after-throttling' });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });
});
