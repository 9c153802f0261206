import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedTravelTimes } from '../../../shared/adapters/cached-travel-times/cached-travel-times';
import { MemoryTravelCellStore } from '../../../shared/adapters/cached-travel-times/travel-cell-store';
import { OrsTravelTimes } from '../../../shared/adapters/openrouteservice/ors-travel-times';
import { ZoneMap, type ZonePolygons } from '../../../shared/routing/geometry/zone-map';
import { DEMO_POINTS, OrsStub } from '../../support/ors-stub';

/** A band between Березна (1) and Хмільник (0). */
const BAND: ZonePolygons = [
  [
    [
      [27.89, 49.45],
      [27.9, 49.45],
      [27.9, 49.65],
      [27.89, 49.65],
      [27.89, 49.45],
    ],
  ],
];

const stub = new OrsStub();
beforeAll(() => stub.start());
afterAll(() => stub.stop());

const ors = () =>
  new OrsTravelTimes({ host: stub.host, apiKey: 'k', sleep: async () => undefined, now: () => 0 });

describe('openrouteservice and danger zones', () => {
  it('sends the zones as options.avoid_polygons; a leg the service still routes through them is stretched around', async () => {
    stub.requests.length = 0;
    const m = await ors().matrix(DEMO_POINTS, 'driving-car', { avoid: BAND });
    expect(stub.requests[0]!.body).toMatchObject({
      options: { avoid_polygons: { type: 'MultiPolygon', coordinates: BAND } },
    });
    // the stub ignores the polygons (as an older service would): 0↔1 crosses the band
    const detour = new ZoneMap(BAND).detours(DEMO_POINTS).find((d) => d.from === 0 && d.to === 1)!;
    expect(m.distances[0]![1]).toBeGreaterThanOrEqual(detour.around);
    expect(m.stats!.estimatedCells).toBeGreaterThan(0);
    const plain = await ors().matrix(DEMO_POINTS, 'driving-car');
    expect(m.distances[0]![1]).toBeGreaterThan(plain.distances[0]![1]!);
    expect(plain.distances[0]![2]).toBe(m.distances[0]![2]);
  });

  it("the cache keeps cells with zones apart from those without, under the zones' version", async () => {
    const store = new MemoryTravelCellStore();
    const cached = new CachedTravelTimes(ors(), store);
    stub.requests.length = 0;
    const plain = await cached.matrix(DEMO_POINTS, 'driving-car');
    expect(plain.stats!.calls).toBe(1);
    const zoned = await cached.matrix(DEMO_POINTS, 'driving-car', { avoid: BAND });
    // not answered from the cells made without zones
    expect(zoned.stats!.calls).toBe(1);
    expect(zoned.distances[0]![1]).toBeGreaterThan(plain.distances[0]![1]!);
    const again = await cached.matrix(DEMO_POINTS, 'driving-car', { avoid: BAND });
    expect(again.stats).toMatchObject({ calls: 0, cachedCells: 20 });
    expect(again.distances).toEqual(zoned.distances);
    expect(stub.requests).toHaveLength(2);
  });
});
