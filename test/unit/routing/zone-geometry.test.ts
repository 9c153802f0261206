import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convexHull,
  locate,
  planeRing,
  segmentEnters,
  type XY,
} from '../../../shared/routing/geometry/plane';
import { avoidZones, SHUT_OFF } from '../../../shared/routing/geometry/zone-detours';
import { ZoneMap, type ZonePolygons } from '../../../shared/routing/geometry/zone-map';

const xy = (x: number, y: number): XY => ({ x, y });
const square = planeRing([xy(0, 0), xy(10, 0), xy(10, 10), xy(0, 10), xy(0, 0)]);
// a U open to the north: the notch 4..6 × 3..10 is outside
const cup = planeRing([
  xy(0, 0),
  xy(10, 0),
  xy(10, 10),
  xy(6, 10),
  xy(6, 3),
  xy(4, 3),
  xy(4, 10),
  xy(0, 10),
  xy(0, 0),
]);

describe('plane geometry', () => {
  it('locates points inside, on the edge and outside', () => {
    expect(locate(xy(5, 5), square)).toBe('inside');
    expect(locate(xy(10, 5), square)).toBe('boundary');
    expect(locate(xy(0, 0), square)).toBe('boundary');
    expect(locate(xy(11, 5), square)).toBe('outside');
    expect(locate(xy(5, 8), cup)).toBe('outside');
  });

  it('a segment through the middle enters; along an edge, touching a corner or outside does not', () => {
    expect(segmentEnters(xy(-5, 5), xy(15, 5), square)).toBe(true);
    expect(segmentEnters(xy(-5, 0), xy(15, 0), square)).toBe(false);
    expect(segmentEnters(xy(-5, 5), xy(5, 15), square)).toBe(false); // touches the corner (0,10)
    expect(segmentEnters(xy(-5, -5), xy(-1, 20), square)).toBe(false);
    // corner to corner through the inside: only vertices are met
    expect(segmentEnters(xy(0, 0), xy(10, 10), square)).toBe(true);
    // down the cup's notch and across its arms
    expect(segmentEnters(xy(5, 12), xy(5, 4), cup)).toBe(false);
    expect(segmentEnters(xy(2, 8), xy(8, 8), cup)).toBe(true);
  });

  it('property: a segment entirely outside the hull never enters', () => {
    const coord = fc.double({ min: -50, max: 50, noNaN: true });
    const ring = fc.array(fc.tuple(coord, coord), { minLength: 3, maxLength: 12 });
    fc.assert(
      fc.property(ring, coord, coord, coord, coord, (pts, ax, ay, bx, by) => {
        const poly = planeRing(pts.map(([x, y]) => xy(x, y)));
        const hull = convexHull(poly.vertices);
        // shift the segment to the right of the hull's box: wholly outside it
        const shift = Math.max(...hull.map((p) => p.x)) + 1 - Math.min(ax, bx);
        return !segmentEnters(xy(ax + shift, ay), xy(bx + shift, by), poly);
      }),
    );
  });

  it('property: a segment with an end strictly inside a convex polygon enters it', () => {
    const inner = fc.double({ min: 0.5, max: 9.5, noNaN: true });
    const any = fc.double({ min: -30, max: 30, noNaN: true });
    fc.assert(
      fc.property(inner, inner, any, any, (x, y, bx, by) => segmentEnters(xy(x, y), xy(bx, by), square)),
    );
  });
});

/** A box around (lon 27.90..27.92, lat 49.55..49.57) near Хмільник. */
const BOX: ZonePolygons = [
  [
    [
      [27.9, 49.55],
      [27.92, 49.55],
      [27.92, 49.57],
      [27.9, 49.57],
      [27.9, 49.55],
    ],
  ],
];

describe('zones as obstacles', () => {
  const zones = new ZoneMap(BOX);
  const west = { lat: 49.56, lon: 27.88 };
  const east = { lat: 49.56, lon: 27.94 };
  const north = { lat: 49.59, lon: 27.91 };

  it('knows a point inside and a leg through', () => {
    expect(zones.inside({ lat: 49.56, lon: 27.91 })).toBe(true);
    expect(zones.inside(west)).toBe(false);
    const d = zones.detours([west, east, north]);
    expect(d.map((x) => [x.from, x.to])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // around the box's corners: longer than straight, shorter than straight + the box's height
    const { straight, around } = d[0]!;
    expect(around).toBeGreaterThan(straight);
    expect(around).toBeLessThan(straight + 2300);
  });

  it('offline: a crossing leg costs the way around; others unchanged', () => {
    const m = {
      durations: [
        [0, 100, 100],
        [100, 0, 100],
        [100, 100, 0],
      ],
      distances: [
        [0, 4000, 4000],
        [4000, 0, 4000],
        [4000, 4000, 0],
      ],
    };
    expect(avoidZones(m, [west, east, north], BOX, 'always')).toBe(2);
    expect(m.durations[0]![1]).toBeGreaterThan(100);
    expect(m.distances[0]![1]).toBeGreaterThan(4000);
    expect(m.durations[0]![2]).toBe(100);
  });

  it('a service that went around is trusted; one that did not is stretched', () => {
    const around = new ZoneMap(BOX).detours([west, east])[0]!.around;
    const m = {
      durations: [
        [0, 500],
        [500, 0],
      ],
      distances: [
        [0, Math.ceil(around) + 10],
        [10, 0],
      ],
    };
    expect(avoidZones(m, [west, east], BOX, 'when-short')).toBe(1);
    expect(m.distances[0]![1]).toBe(Math.ceil(around) + 10);
    expect(m.distances[1]![0]).toBeGreaterThanOrEqual(around);
  });

  it('a point shut in by a ring of zones cannot be reached: the leg is forbidden', () => {
    const ring: ZonePolygons = [
      // a square annulus as four boxes around (27.91, 49.56)
      [
        [
          [27.89, 49.55],
          [27.93, 49.55],
          [27.93, 49.552],
          [27.89, 49.552],
          [27.89, 49.55],
        ],
      ],
      [
        [
          [27.89, 49.568],
          [27.93, 49.568],
          [27.93, 49.57],
          [27.89, 49.57],
          [27.89, 49.568],
        ],
      ],
      [
        [
          [27.89, 49.549],
          [27.892, 49.549],
          [27.892, 49.571],
          [27.89, 49.571],
          [27.89, 49.549],
        ],
      ],
      [
        [
          [27.928, 49.549],
          [27.93, 49.549],
          [27.93, 49.571],
          [27.928, 49.571],
          [27.928, 49.549],
        ],
      ],
    ];
    const m = {
      durations: [
        [0, 1],
        [1, 0],
      ],
      distances: [
        [0, 1],
        [1, 0],
      ],
    };
    avoidZones(
      m,
      [
        { lat: 49.56, lon: 27.91 },
        { lat: 49.56, lon: 27.98 },
      ],
      ring,
      'always',
    );
    expect(m.durations[0]![1]).toBe(SHUT_OFF.duration);
  });
});
