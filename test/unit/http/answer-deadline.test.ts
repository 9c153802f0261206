import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { closingMargin, deadlineWrite } from '../../../shared/domain/answer-deadline';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import type { Change } from '../../../shared/ports/entity-repository';
import type { TravelTimes } from '../../../shared/ports/travel-times';
import { ADMIN, apiEvent, JSON_HEADERS } from '../../support/api-events';
import {
  HROMADA,
  memoryPorts,
  type RecordingPlanJobRunner,
  seedBasics,
  taxiRequest,
} from '../../support/fixtures';

/**
 * A booking that is still working when the function's time runs out (bench:load at 200 callers:
 * 131 of 400 bookings got middy's TimeoutError as a 500, and their transactions were written after
 * the answer). The caller must get a 503 with Retry-After, and its 503 must be true: nothing is
 * written after it, whatever the late booking does next.
 */
/** The dispatcher's POST of a taxi booking for the resident. */
const bookingCall = (residentId: string) =>
  apiEvent('POST', `/hromady/${HROMADA}/requests`, taxiRequest(residentId), JSON_HEADERS, ADMIN);

describe('a call still working when its time runs out', () => {
  /** Seeded memory ports whose travel-time lookup hangs until `release`, and the next commit's fate. */
  async function slowWorld() {
    const { ports, entities } = memoryPorts();
    const resident = await seedBasics(ports);
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    const travel = ports.travel;
    ports.travel = {
      ...travel,
      matrix: async (...args: Parameters<TravelTimes['matrix']>) => {
        await released;
        return travel.matrix(...args);
      },
    } as TravelTimes;
    // the late booking's commit, once it has been tried: written or refused
    let committed!: (outcome: string) => void;
    const commitTried = new Promise<string>((r) => {
      committed = r;
    });
    const commit = entities.commit.bind(entities);
    entities.commit = async (changes: Change[]) => {
      try {
        await commit(changes);
        committed('written');
      } catch (error) {
        committed(`refused: ${(error as Error).name}`);
        throw error;
      }
    };
    return { ports, entities, resident, release, commitTried };
  }

  it('is answered 503 with Retry-After, and its booking is not written afterwards', async () => {
    const { ports, entities, resident, release, commitTried } = await slowWorld();
    const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
    const event = bookingCall(resident.id);

    // one second for the whole call, as a Lambda timeout; the travel lookup outlasts it
    const res = await handler(event, lambdaContext('api', 1_000));
    release();
    const late = await commitTried;

    expect(res.statusCode).toBe(503);
    expect(res.headers?.['retry-after']).toBe('2');
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe('unavailable');
    expect(body.error.reason).toMatch(/нічого не збережено/);
    expect(late).toBe('refused: AnswerDueError');
    expect(await entities.requests.forDay(HROMADA, '2026-11-24')).toEqual([]);
  });

  it('a write still in flight at the very end is a 503 that says the outcome is unknown, never a 500', async () => {
    const { ports, entities, resident, release } = await slowWorld();
    release();
    const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
    const context = lambdaContext('api', 1_000);
    // the booking's transaction is sent (counted in flight) and answered only after the call was
    // answered (so on a busy machine it cannot land first)
    let land!: () => void;
    const landing = new Promise<void>((r) => {
      land = r;
    });
    const commit = entities.commit.bind(entities);
    entities.commit = (changes: Change[]) =>
      deadlineWrite(async () => {
        await landing;
        return commit(changes);
      });
    const event = bookingCall(resident.id);

    const res = await handler(event, context);
    land();

    expect(res.statusCode).toBe(503);
    expect(res.headers?.['retry-after']).toBe('2');
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe('unavailable');
    expect(body.error.reason).toMatch(/Оновіть дані, щоб побачити, чи її збережено/);
    expect(res.body).not.toMatch(/Timeout|Abort|middy/i);
  });

  it('a booking written across the close still records its Idempotency-Key answer: 201, and a retry gets it again', async () => {
    const { ports, entities, resident, release } = await slowWorld();
    release();
    const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
    // the first transaction (the booking with its key) is in flight at the close (2.4 s of 3 s)
    // and lands just after it; the next write (the key's answer) comes after the close
    const context = lambdaContext('api', 3_000);
    const commit = entities.commit.bind(entities);
    let first = true;
    entities.commit = (changes: Change[]) => {
      if (!first) return commit(changes);
      first = false;
      return deadlineWrite(async () => {
        while (context.getRemainingTimeInMillis() > 500) await new Promise((r) => setTimeout(r, 10));
        return commit(changes);
      });
    };
    const headers = { ...JSON_HEADERS, 'idempotency-key': 'call-across-the-close' };
    const event = () =>
      apiEvent('POST', `/hromady/${HROMADA}/requests`, taxiRequest(resident.id), headers, ADMIN);

    const res = await handler(event(), context);
    const again = await handler(event(), lambdaContext('api', 1_000));

    expect(res.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(JSON.parse(again.body).id).toBe(JSON.parse(res.body).id);
    expect(await entities.requests.forDay(HROMADA, '2026-11-24')).toHaveLength(1);
  });
});

/**
 * A call whose first write landed before the close, then slow in a step that is not storage (the
 * plan function's asynchronous invoke): its job is saved and runs, so "nothing saved" would be
 * false, and a call cut off there left its Idempotency-Key in flight for 24 h. In memory, with no
 * wrapper around the commit: the memory adapters mark the call written themselves.
 */
describe('a call that wrote before the close and is slow afterwards', () => {
  const until = async (ready: () => boolean) => {
    while (!ready()) await new Promise((r) => setTimeout(r, 10));
  };

  /** Memory ports whose plan function starts only past the close of `context`'s call. */
  async function slowStart(context: ReturnType<typeof lambdaContext>, budget: number) {
    const { ports } = memoryPorts();
    await seedBasics(ports);
    const runner = ports.planJobRunner as RecordingPlanJobRunner;
    const start = runner.start.bind(runner);
    runner.start = async (event) => {
      await until(() => context.getRemainingTimeInMillis() < closingMargin(budget) - 50);
      return start(event);
    };
    const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
    return { ports, runner, handler };
  }

  it('its plan job is answered 202 (not "nothing saved") and a retry with its key gets the same job', async () => {
    const budget = 1_000;
    const context = lambdaContext('api', budget);
    const { ports, runner, handler } = await slowStart(context, budget);
    const headers = { ...JSON_HEADERS, 'idempotency-key': 'plan-across-the-close' };
    const event = () => apiEvent('POST', `/hromady/${HROMADA}/plans/2026-11-24`, {}, headers, ADMIN);

    const res = await handler(event(), context);
    const again = await handler(event(), lambdaContext('api', budget));

    expect(res.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    const id = JSON.parse(res.body).id;
    expect(JSON.parse(again.body).id).toBe(id);
    expect(runner.started).toEqual([{ hromadaId: HROMADA, jobId: id }]);
    expect((await ports.planJobs.get(HROMADA, id))?.state).toBe('queued');
  });

  it('without an Idempotency-Key too: 202, and the job is saved', async () => {
    const budget = 1_000;
    const context = lambdaContext('api', budget);
    const { ports, handler } = await slowStart(context, budget);

    const res = await handler(
      apiEvent('POST', `/hromady/${HROMADA}/plans/2026-11-24`, {}, JSON_HEADERS, ADMIN),
      context,
    );

    expect(res.statusCode).toBe(202);
    expect((await ports.planJobs.get(HROMADA, JSON.parse(res.body).id))?.state).toBe('queued');
  });
});
