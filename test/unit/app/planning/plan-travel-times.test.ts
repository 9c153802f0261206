import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CachedTravelTimes,
  missingRectangles,
} from '../../../../shared/adapters/cached-travel-times/cached-travel-times';
import { MemoryTravelCellStore } from '../../../../shared/adapters/cached-travel-times/travel-cell-store';
import { OfflineTravelTimes } from '../../../../shared/adapters/offline-travel-times/offline-travel-times';
import { OrsTravelTimes } from '../../../../shared/adapters/openrouteservice/ors-travel-times';
import { TravelTimesBySource } from '../../../../shared/adapters/travel-times-by-source';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { updateEntity } from '../../../../shared/app/registry';
import { registryKinds } from '../../../../shared/domain/registry';
import type { TravelTimes } from '../../../../shared/ports/travel-times';
import { HROMADA, withRules } from '../../../support/fixtures';
import { OrsStub } from '../../../support/ors-stub';
import { type DemoDay, demoDay, ENGINE, TUESDAY } from './demo-day';

const stub = new OrsStub();
beforeAll(() => stub.start());
afterAll(() => stub.stop());

/** The deployment's wiring (ports-from-config.ts) with the stub as openrouteservice. */
function orsWiring(store = new MemoryTravelCellStore()): {
  travel: TravelTimes;
  store: MemoryTravelCellStore;
} {
  const ors = new OrsTravelTimes({
    host: stub.host,
    apiKey: 'k',
    sleep: async () => undefined,
    now: () => 0,
  });
  const travel = new TravelTimesBySource(
    { offline: new OfflineTravelTimes(), ors: new CachedTravelTimes(ors, store) },
    'ors',
  );
  return { travel, store };
}

async function threeRides(d: DemoDay) {
  const petro = await d.resident('Петро Коваль');
  await d.ride(d.anna.id, '09:00');
  await d.ride(petro.id, '10:00');
}

describe('planning with openrouteservice travel times', () => {
  it('asks the service once for a day; planning the same day again makes no matrix call (the cache)', async () => {
    const d = await demoDay();
    await threeRides(d);
    d.ports.travel = orsWiring().travel;
    stub.requests.length = 0;

    const first = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    const firstCalls = stub.requests.length;
    expect(firstCalls).toBeGreaterThan(0);
    // a day not cached: one request (the matrix fits in one block)
    expect(firstCalls).toBe(1);
    expect(first.travelTimes).toMatchObject({
      source: 'ors',
      calls: firstCalls,
      estimatedCells: 0,
      cachedCells: 0,
    });

    const again = await planDay(d.ports, HROMADA, TUESDAY, 'd', { ...ENGINE, expectedVersion: 1 });
    expect(stub.requests.length).toBe(firstCalls);
    expect(again.travelTimes).toMatchObject({ source: 'ors', calls: 0, estimatedCells: 0 });
    expect(again.travelTimes!.cachedCells).toBeGreaterThan(0);
    expect(again.routes).toEqual(first.routes);
  });

  it('for a new address asks only its row and column, not the whole matrix again', async () => {
    const d = await demoDay();
    await threeRides(d);
    d.ports.travel = orsWiring().travel;
    await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    const olena = await d.resident('Олена Мельник');
    await d.visit(olena.id);
    stub.requests.length = 0;

    const plan = await planDay(d.ports, HROMADA, TUESDAY, 'd', { ...ENGINE, expectedVersion: 1 });
    const places = new Set(stub.requests.flatMap((r) => r.body.locations.map((l) => l.join(',')))).size;
    // one new place among `places`: its row (with its own zero) and its column, two requests
    expect(stub.requests).toHaveLength(2);
    expect(stub.cells()).toBe(2 * places - 1);
    expect(plan.travelTimes).toMatchObject({ source: 'ors', calls: stub.requests.length });
  });

  it('records the cells the service could not route (filled with the offline estimate) on the plan', async () => {
    const d = await demoDay();
    await threeRides(d);
    d.ports.travel = orsWiring().travel;
    stub.requests.length = 0;
    stub.script.push((body) => {
      const n = body.sources.length * body.destinations.length;
      const nulls = body.sources.map(() => body.destinations.map(() => null));
      return [200, { durations: nulls, distances: nulls, n }];
    });
    const plan = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    const asked = stub.requests[0]!.body;
    expect(plan.travelTimes).toMatchObject({
      source: 'ors',
      estimatedCells: asked.sources.length * asked.destinations.length,
    });
  });

  it('asks for a driving-hgv matrix only when a vehicle says so, and plans with both', async () => {
    const d = await demoDay();
    await threeRides(d);
    d.ports.travel = orsWiring().travel;
    await updateEntity(
      d.ports,
      registryKinds.vehicles,
      HROMADA,
      'brigade',
      { version: 1, profile: 'driving-hgv' },
      'd',
    );
    stub.requests.length = 0;

    const plan = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(new Set(stub.requests.map((r) => r.path))).toEqual(
      new Set(['/v2/matrix/driving-car', '/v2/matrix/driving-hgv']),
    );
    expect(plan.unassigned).toEqual([]);
  });

  it('a hromada whose rule says offline gets the offline estimate, with no call, and the plan says so', async () => {
    const d = await demoDay();
    await threeRides(d);
    d.ports.travel = orsWiring().travel;
    await withRules(d.ports, { travelTimes: 'offline' });
    stub.requests.length = 0;

    const plan = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(stub.requests).toHaveLength(0);
    expect(plan.travelTimes).toEqual({ source: 'offline', estimatedCells: 0, calls: 0, cachedCells: 0 });
  });
});

describe('the cells the cache asks for', () => {
  it('a day not cached is one rectangle (every place × every place), a new place its row and its column', () => {
    expect(missingRectangles(4, () => false)).toEqual([
      { sources: [0, 1, 2, 3], destinations: [0, 1, 2, 3] },
    ]);
    const known = (i: number, j: number) => i !== 3 && j !== 3;
    expect(missingRectangles(4, known)).toEqual([
      { sources: [0, 1, 2], destinations: [3] },
      { sources: [3], destinations: [0, 1, 2, 3] },
    ]);
  });
});

describe('the cells the cache asks for, when a few are known here and there', () => {
  it('asks one rectangle, not one request per row, when most cells are missing (a day after its bookings cached a few rides)', () => {
    // rows 3, 4, 5 each know one different cell (a ride's matrix cached at booking); the rest is new
    const known = (i: number, j: number) =>
      (i === 3 && j === 0) || (i === 4 && j === 1) || (i === 5 && j === 2);
    expect(missingRectangles(6, (i, j) => i === j || known(i, j))).toEqual([
      { sources: [0, 1, 2, 3, 4, 5], destinations: [0, 1, 2, 3, 4, 5] },
    ]);
  });
});
