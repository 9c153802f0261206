import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrsRouteGeometry } from '../../../shared/adapters/openrouteservice/ors-route-geometry';
import { CachedRouteGeometry } from '../../../shared/adapters/route-geometry/cached-route-geometry';
import { MemoryRouteLineStore } from '../../../shared/adapters/route-geometry/route-line-store';
import type { ZonePolygons } from '../../../shared/routing/geometry/zone-map';
import { DEMO_POINTS, OrsStub } from '../../support/ors-stub';

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

const directions = () =>
  new OrsRouteGeometry({ host: stub.host, apiKey: 'k', sleep: async () => undefined, now: () => 0 });

describe('route geometry from openrouteservice Directions', () => {
  it('asks /v2/directions/{profile}/geojson with the stops in order and the zones; a second look is cached', async () => {
    const store = new MemoryRouteLineStore();
    const lines = new CachedRouteGeometry(directions(), store);
    stub.requests.length = 0;
    const first = await lines.line(DEMO_POINTS, 'driving-hgv', { avoid: BAND });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({
      path: '/v2/directions/driving-hgv/geojson',
      auth: 'k',
      body: {
        coordinates: DEMO_POINTS.map((p) => [p.lon, p.lat]),
        options: { avoid_polygons: { type: 'MultiPolygon', coordinates: BAND } },
      },
    });
    // the road (the stub adds a point between each two stops), not straight lines
    expect(first.source).toBe('ors');
    expect(first.coordinates).toHaveLength(2 * DEMO_POINTS.length - 1);
    const again = await lines.line(DEMO_POINTS, 'driving-hgv', { avoid: BAND });
    expect(stub.requests).toHaveLength(1);
    expect(again).toEqual(first);
    // other zones (none): another key, another request
    await lines.line(DEMO_POINTS, 'driving-hgv');
    expect(stub.requests).toHaveLength(2);
  });

  it('a long route is asked in legs of 50 waypoints, joined at their shared ends', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      lat: 49.5 + i * 0.001,
      lon: 27.9 + (i % 7) * 0.001,
    }));
    stub.requests.length = 0;
    const line = await directions().line(many, 'driving-car');
    expect(stub.requests.map((r) => r.body.coordinates!.length)).toEqual([50, 11]);
    expect(line.coordinates).toHaveLength(2 * 60 - 1);
  });

  it('retries a 429; a route the service cannot give is drawn straight and not cached', async () => {
    stub.requests.length = 0;
    stub.script.push(() => [429, { error: 'Rate limit' }]);
    expect((await directions().line(DEMO_POINTS, 'driving-car')).source).toBe('ors');
    expect(stub.requests).toHaveLength(2);
    const store = new MemoryRouteLineStore();
    stub.script.push(() => [404, { error: { code: 2010, message: 'Could not find routable point' } }]);
    const straight = await new CachedRouteGeometry(directions(), store).line(DEMO_POINTS, 'driving-car');
    expect(straight).toEqual({ coordinates: DEMO_POINTS.map((p) => [p.lon, p.lat]), source: 'offline' });
    expect(store.lines.size).toBe(0);
  });
});
