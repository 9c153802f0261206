import { SNSClient } from '@aws-sdk/client-sns';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../functions/api/routes';
import { lambdaContext } from '../../infra/local/lambda-context';
import { createDocumentClient, createDynamoDbClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDbEntityRepository } from '../../shared/adapters/dynamodb/dynamodb-entity-repository';
import { DynamoDbOutboxRepository } from '../../shared/adapters/dynamodb/dynamodb-outbox-repository';
import { SnsSmsSender } from '../../shared/adapters/sns/sns-sms-sender';
import { AnswerDueError, closingMargin } from '../../shared/domain/answer-deadline';
import { httpHandler } from '../../shared/http/api-handler';
import { Router } from '../../shared/http/router';
import type { TravelTimes } from '../../shared/ports/travel-times';
import { ADMIN, apiEvent, JSON_HEADERS } from '../support/api-events';
import { HROMADA, seedBasics, taxiRequest, withRules } from '../support/fixtures';
import { FixedClock, freshTable, portsFor } from './support';

/**
 * bench:load at 200 callers on two cores: bookings that outlived the function's time were answered
 * 500 by middy's timeout, and their transactions were written afterwards. On DynamoDB Local, through
 * the real client (its middleware stack) and the real API: such a call is answered 503, and its
 * work stops at its next storage call, its write never sent; a write already in flight at the close is waited for and answered 201.
 */
const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
let t: Awaited<ReturnType<typeof freshTable>>;
let residentId: string;

beforeAll(async () => {
  t = await freshTable('deadline');
  residentId = (await seedBasics(portsFor(t, clock))).id;
  await withRules(portsFor(t, clock), { monthlyRideQuota: 100 });
});

const until = async (ready: () => boolean) => {
  while (!ready()) await new Promise((r) => setTimeout(r, 10));
};

interface Slow {
  /** The travel lookup returns only once this is true. */
  travelUntil?: () => boolean;
  /** The booking transaction is sent to DynamoDB Local only once this is true. */
  writeUntil?: () => boolean;
}

/**
 * The API on ports with a DynamoDB client of their own that counts the transactions DynamoDB Local
 * received, and `refused`: the first storage call the deadline gate refused (its command's name).
 */
function world(slow: Slow) {
  const client = createDynamoDbClient({ region: 'eu-central-1', endpoint: t.endpoint });
  const sent = { transactions: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') {
        await until(slow.writeUntil ?? (() => true));
        sent.transactions += 1;
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'holdAndCountTransactions' },
  );
  let refusedBy!: (command: string) => void;
  const refused = new Promise<string>((r) => {
    refusedBy = r;
  });
  const seeRefusals =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: unknown) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof AnswerDueError) refusedBy(context.commandName ?? '?');
        throw error;
      }
    };
  // outside the gate, to see what it refuses
  client.middlewareStack.addRelativeTo(seeRefusals as never, {
    relation: 'before',
    toMiddleware: 'answerDeadlineGate',
    name: 'seeRefusals',
  });
  const entities = new DynamoDbEntityRepository(createDocumentClient(client), t.tableName);
  const base = portsFor(t, clock);
  const travel: TravelTimes = {
    ...base.travel,
    matrix: async (...args: Parameters<TravelTimes['matrix']>) => {
      await until(slow.travelUntil ?? (() => true));
      return base.travel.matrix(...args);
    },
  } as TravelTimes;
  const ports = {
    ...base,
    entities,
    travel,
    outbox: new DynamoDbOutboxRepository(createDocumentClient(client), t.tableName),
    sms: new SnsSmsSender(new SNSClient({})),
  };
  const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
  const book = async (date: string, context: ReturnType<typeof lambdaContext>) =>
    (await handler(
      apiEvent('POST', `/hromady/${HROMADA}/requests`, taxiRequest(residentId, date), JSON_HEADERS, ADMIN),
      context,
    )) as APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };
  return { ports, book, sent, refused };
}

const requestsOn = async (ports: ReturnType<typeof world>['ports'], date: string) =>
  (await ports.entities.requests.forDay(HROMADA, date)).filter((r) => r.residentId === residentId);

describe('a booking still working when the API function is nearly out of time', () => {
  it('is answered 503 with Retry-After, and its transaction is never sent', async () => {
    const context = lambdaContext('api', 2_000);
    // the travel lookup returns only after the function's whole time
    const { ports, book, sent, refused } = world({
      travelUntil: () => context.getRemainingTimeInMillis() === 0,
    });

    const res = await book('2026-11-24', context);
    // the late booking goes on in the background up to its next storage call, which is refused
    const refusedCall = await refused;

    expect(res.statusCode).toBe(503);
    expect(res.headers?.['retry-after']).toBe('2');
    expect(JSON.parse(res.body).error).toMatchObject({
      code: 'unavailable',
      reason: expect.stringMatching(/нічого не збережено/),
    });
    expect(refusedCall).toMatch(/Command$/);
    expect(sent.transactions).toBe(0);
    expect(await requestsOn(ports, '2026-11-24')).toEqual([]);
  });

  it('a transaction already sent at the close is waited for: 201, one request', async () => {
    // 6 s: the close 1.2 s before the end; the transaction, sent at once, is held below the gate
    // (counted in flight) until 0.1 s past the close, leaving it 1.1 s to be written
    const budget = 6_000;
    const context = lambdaContext('api', budget);
    const closesAt = closingMargin(budget);
    let hold = false;
    const { ports, book, sent } = world({
      writeUntil: () => !hold || context.getRemainingTimeInMillis() < closesAt - 100,
    });
    // a first booking warms the client and DynamoDB Local's transactions up, unheld
    expect((await book('2026-11-26', lambdaContext('api'))).statusCode).toBe(201);
    hold = true;

    const res = await book('2026-11-25', context);

    expect(res.statusCode).toBe(201);
    expect(sent.transactions).toBe(2);
    expect(await requestsOn(ports, '2026-11-25')).toHaveLength(1);
  });
});

describe('a plan job saved before the close whose function is slow to start', () => {
  it('is answered 202, not "nothing saved", and a retry with its key gets the same job', async () => {
    // 2 s: the close 0.4 s before the end; the job (with its key's record) is written at once, and
    // the plan function's start returns only 0.1 s past the close
    const budget = 2_000;
    const context = lambdaContext('api', budget);
    const started: string[] = [];
    const ports = {
      ...portsFor(t, clock),
      sms: new SnsSmsSender(new SNSClient({})),
      planJobRunner: {
        start: async ({ jobId }: { jobId: string }) => {
          await until(() => context.getRemainingTimeInMillis() < closingMargin(budget) - 100);
          started.push(jobId);
        },
      },
    };
    const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
    const headers = { ...JSON_HEADERS, 'idempotency-key': 'plan-across-the-close' };
    const plan = async (ctx: ReturnType<typeof lambdaContext>) =>
      (await handler(
        apiEvent('POST', `/hromady/${HROMADA}/plans/2026-11-27`, {}, headers, ADMIN),
        ctx,
      )) as APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

    const res = await plan(context);
    const again = await plan(lambdaContext('api'));

    expect(res.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    const id = JSON.parse(res.body).id;
    expect(JSON.parse(again.body).id).toBe(id);
    expect(started).toEqual([id]);
    expect((await ports.planJobs.get(HROMADA, id))?.state).toBe('queued');
  });
});
