import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  estimateMatrix,
  RURAL_CAR,
} from '../../../shared/adapters/offline-travel-times/offline-travel-times';
import { blockShape, OrsTravelTimes } from '../../../shared/adapters/openrouteservice/ors-travel-times';
import { TokenBucket } from '../../../shared/adapters/openrouteservice/token-bucket';
import { DEMO_POINTS, OrsStub } from '../../support/ors-stub';

const points = DEMO_POINTS;

/** A clock that only moves when someone sleeps: no test waits. */
function fakeTime() {
  const t = { now: 0, slept: [] as number[] };
  return {
    t,
    now: () => t.now,
    sleep: async (ms: number) => {
      t.slept.push(ms);
      t.now += ms;
    },
  };
}

const stub = new OrsStub();
beforeAll(() => stub.start());
afterAll(() => stub.stop());

describe('the rate limit (a token bucket)', () => {
  it('lets a burst of the quota through, then one request per 60/quota seconds', async () => {
    const time = fakeTime();
    const bucket = new TokenBucket(40, time.now, time.sleep);
    const at: number[] = [];
    for (let i = 0; i < 42; i++) {
      await bucket.take();
      at.push(time.t.now);
    }
    expect(at.slice(0, 40).every((x) => x === 0)).toBe(true);
    expect(at[40]).toBe(1500);
    expect(at[41]).toBe(3000);
  });

  it('keeps a plan of many blocks within the quota: never more than 2 requests in a minute', async () => {
    const time = fakeTime();
    stub.requests.length = 0;
    const ors = new OrsTravelTimes({
      host: stub.host,
      maxCellsPerRequest: 4,
      requestsPerMinute: 2,
      sleep: time.sleep,
      now: time.now,
    });
    const m = await ors.matrix(points, 'driving-car');
    expect(m.stats).toMatchObject({ source: 'ors', calls: 9, estimatedCells: 0 });
    expect(stub.requests).toHaveLength(9);
    // 2 at once, then one every 30 s of the fake clock
    expect(time.t.now).toBe(7 * 30_000);
  });
});

describe('openrouteservice failing for good', () => {
  it('fills a block still failing after the last attempt with the offline estimate, counted on the matrix', async () => {
    const time = fakeTime();
    stub.requests.length = 0;
    stub.script.push(...Array.from({ length: 3 }, () => () => [503, { error: 'down' }] as [number, unknown]));
    const ors = new OrsTravelTimes({ host: stub.host, attempts: 3, sleep: time.sleep, now: time.now });
    const m = await ors.matrix(points.slice(0, 3), 'driving-car');
    expect(stub.requests).toHaveLength(3);
    expect(time.t.slept).toEqual([500, 1000]); // backoff between the attempts
    expect(m.stats).toMatchObject({ source: 'ors', calls: 3, estimatedCells: 9 });
    expect(m.durations).toEqual(estimateMatrix(points.slice(0, 3), RURAL_CAR).durations);
  });
});

describe('the API key', () => {
  it('is read once, on first use (a secret), and sent with every request', async () => {
    let reads = 0;
    stub.requests.length = 0;
    const ors = new OrsTravelTimes({
      host: stub.host,
      apiKey: async () => {
        reads += 1;
        return 'secret-key';
      },
    });
    expect(reads).toBe(0);
    await ors.matrix(points.slice(0, 2), 'driving-hgv');
    await ors.matrix(points.slice(0, 3), 'driving-hgv');
    expect(reads).toBe(1);
    expect(stub.requests.map((r) => [r.path, r.auth])).toEqual([
      ['/v2/matrix/driving-hgv', 'secret-key'],
      ['/v2/matrix/driving-hgv', 'secret-key'],
    ]);
  });
});

describe('block shape', () => {
  it('is square for a large matrix and whole rows or columns for a thin one, within the limit', () => {
    expect(blockShape(100, 100, 3500)).toEqual([59, 59]);
    expect(blockShape(1, 200, 3500)).toEqual([1, 3500]);
    expect(blockShape(199, 1, 3500)).toEqual([3500, 1]);
    expect(blockShape(5, 5, 4)).toEqual([2, 2]);
  });
});
