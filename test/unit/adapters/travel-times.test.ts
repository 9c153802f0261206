import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  estimateMatrix,
  haversineMetres,
  RURAL_CAR,
} from '../../../shared/adapters/offline-travel-times/offline-travel-times';
import {
  OrsTravelTimes,
  TravelTimesUnavailableError,
} from '../../../shared/adapters/openrouteservice/ors-travel-times';
import { DEMO_POINTS, OrsStub, type OrsStubRequest } from '../../support/ors-stub';

const points = DEMO_POINTS;

describe('offline travel-time estimate', () => {
  it('gives a plausible rural drive: Хмільник → Березна is ~7.6 km straight, ~10 km and ~15 min by road', () => {
    expect(haversineMetres(points[0]!, points[1]!)).toBeGreaterThan(7500);
    expect(haversineMetres(points[0]!, points[1]!)).toBeLessThan(7800);
    const m = estimateMatrix(points, RURAL_CAR);
    expect(m.distances[0]![1]).toBeGreaterThan(10_000);
    expect(m.durations[0]![1]).toBeGreaterThan(13 * 60);
    expect(m.durations[0]![1]).toBeLessThan(16 * 60);
  });

  it('is symmetric with a zero diagonal', () => {
    const m = estimateMatrix(points, RURAL_CAR);
    points.forEach((_, i) => {
      expect(m.durations[i]![i]).toBe(0);
      points.forEach((_, j) => {
        expect(m.durations[i]![j]).toBe(m.durations[j]![i]);
      });
    });
  });
});

/** The openrouteservice stub, answering each cell recognisably (echoMatrix). */
const stub = new OrsStub(echoMatrix);
const { requests, script } = stub;
let host: string;
beforeAll(async () => {
  host = (await stub.start()).host;
});
afterAll(() => stub.stop());

/** Answers duration = 100·from + to (by original lon tag) so each cell is recognisable. */
function echoMatrix(body: OrsStubRequest['body']): [number, unknown] {
  const id = (k: number) => points.findIndex((p) => p.lon === body.locations[k]![0]);
  return [
    200,
    {
      durations: body.sources.map((s) => body.destinations.map((d) => 100 * id(s) + id(d))),
      distances: body.sources.map((s) => body.destinations.map((d) => 1000 * id(s) + id(d))),
    },
  ];
}

describe('OrsTravelTimes against an HTTP stub', () => {
  const noSleep = async () => undefined;

  it('splits a matrix into blocks within the per-request limit and puts every cell in place', async () => {
    requests.length = 0;
    const ors = new OrsTravelTimes({ host, apiKey: 'test-key', maxCellsPerRequest: 4, sleep: noSleep });
    const m = await ors.matrix(points, 'driving-car');
    expect(requests).toHaveLength(9); // 5 points in blocks of 2: 3 × 3
    expect(requests[0]).toMatchObject({ path: '/v2/matrix/driving-car', auth: 'test-key' });
    for (const r of requests)
      expect(r.body.sources.length * r.body.destinations.length).toBeLessThanOrEqual(4);
    points.forEach((_, i) => {
      points.forEach((_, j) => {
        expect(m.durations[i]![j]).toBe(100 * i + j);
        expect(m.distances[i]![j]).toBe(1000 * i + j);
      });
    });
  });

  it('retries a rate limit (429) and a server fault (502)', async () => {
    requests.length = 0;
    script.push(
      () => [429, { error: 'Rate limit exceeded' }],
      () => [502, { error: 'Bad gateway' }],
    );
    const ors = new OrsTravelTimes({ host, maxCellsPerRequest: 100, sleep: noSleep });
    const m = await ors.matrix(points.slice(0, 2), 'driving-car');
    expect(requests).toHaveLength(3);
    expect(m.durations[0]![1]).toBe(1);
  });

  it('fills unroutable cells (null) with the offline estimate and counts them', async () => {
    script.push((body) => {
      const [, payload] = echoMatrix(body);
      (payload as { durations: (number | null)[][] }).durations[0]![1] = null;
      return [200, payload];
    });
    const ors = new OrsTravelTimes({ host, maxCellsPerRequest: 100, sleep: noSleep });
    const m = await ors.matrix(points.slice(0, 2), 'driving-car');
    expect(ors.estimatedCells).toBe(1);
    expect(m.durations[0]![1]).toBe(estimateMatrix(points.slice(0, 2), RURAL_CAR).durations[0]![1]);
  });

  it('gives up on a bad request (400) with a clear error', async () => {
    script.push(() => [
      400,
      { error: { code: 6003, message: 'Request parameters exceed the server limits' } },
    ]);
    const ors = new OrsTravelTimes({ host, maxCellsPerRequest: 100, sleep: noSleep });
    await expect(ors.matrix(points.slice(0, 2), 'driving-car')).rejects.toThrow(TravelTimesUnavailableError);
    await expect(ors.matrix(points.slice(0, 2), 'driving-car')).resolves.toBeDefined();
  });
});
