/**
 * The day's danger zones as obstacles: is a point inside one, does a straight leg pass through
 * one, and how long is the shortest way around them (the Euclidean shortest path among polygons:
 * a visibility graph over the zones' vertices, Dijkstra from each point). A zone is its outer ring:
 * a hole inside a zone counts as the zone (conservative). Pure.
 */
import {
  distance,
  LocalPlane,
  locate,
  type PlaneRing,
  type Position,
  planeRing,
  segmentEnters,
  type XY,
} from './plane';

/** GeoJSON MultiPolygon coordinates: polygons → rings (the outer one first) → positions. */
export type ZonePolygons = Position[][][];

export interface LatLonPoint {
  lat: number;
  lon: number;
}

/** A leg that passes through a zone: its straight length and the way around (metres; Infinity: none). */
export interface Detour {
  from: number;
  to: number;
  straight: number;
  around: number;
}

export class ZoneMap {
  private readonly plane: LocalPlane;
  private readonly rings: PlaneRing[];
  private readonly vertices: XY[];
  /** Which vertices see each other (computed on first use). */
  private seen: boolean[][] | undefined;

  constructor(polygons: ZonePolygons) {
    const outer = polygons.map((p) => p[0] ?? []).filter((r) => r.length >= 4);
    this.plane = LocalPlane.around(outer.flat());
    this.rings = outer.map((r) => planeRing(r.map((p) => this.plane.xy(p))));
    this.vertices = this.rings.flatMap((r) => r.vertices);
  }

  get empty(): boolean {
    return this.rings.length === 0;
  }

  xy(p: LatLonPoint): XY {
    return this.plane.xy([p.lon, p.lat]);
  }

  /** Inside a zone or on its edge. */
  inside(p: LatLonPoint): boolean {
    const q = this.xy(p);
    return this.rings.some((r) => locate(q, r) !== 'outside');
  }

  /** The straight line from a to b passes through a zone's interior. */
  blocked(a: XY, b: XY): boolean {
    return this.rings.some((r) => segmentEnters(a, b, r));
  }

  /**
   * Every leg between the points whose straight line passes through a zone, with the way around.
   * Legs from or to a point inside a zone are not listed: such a stop is not planned at all.
   */
  detours(points: LatLonPoint[]): Detour[] {
    if (this.empty) return [];
    const xy = points.map((p) => this.xy(p));
    const free = points.map((p) => !this.inside(p));
    const out: Detour[] = [];
    const around = new Map<number, number[]>();
    for (let i = 0; i < xy.length; i++) {
      if (!free[i]) continue;
      for (let j = 0; j < xy.length; j++) {
        if (i === j || !free[j] || !this.blocked(xy[i]!, xy[j]!)) continue;
        if (!around.has(i)) around.set(i, this.fromPoint(xy[i]!));
        out.push({
          from: i,
          to: j,
          straight: distance(xy[i]!, xy[j]!),
          around: this.toPoint(around.get(i)!, xy[j]!),
        });
      }
    }
    return out;
  }

  /** The shortest way around the zones from a to b (metres), Infinity when the zones shut b off. */
  aroundLength(a: XY, b: XY): number {
    return this.blocked(a, b) ? this.toPoint(this.fromPoint(a), b) : distance(a, b);
  }

  /** Dijkstra from a point over the zones' vertices: the shortest way to each vertex. */
  private fromPoint(a: XY): number[] {
    const seen = this.visibility();
    const n = this.vertices.length;
    const dist = this.vertices.map((v) => (this.blocked(a, v) ? Infinity : distance(a, v)));
    const done = new Array<boolean>(n).fill(false);
    for (;;) {
      let u = -1;
      for (let k = 0; k < n; k++) if (!done[k] && (u < 0 || dist[k]! < dist[u]!)) u = k;
      if (u < 0 || dist[u] === Infinity) break;
      done[u] = true;
      for (let k = 0; k < n; k++) {
        if (done[k] || !seen[u]![k]) continue;
        const d = dist[u]! + distance(this.vertices[u]!, this.vertices[k]!);
        if (d < dist[k]!) dist[k] = d;
      }
    }
    return dist;
  }

  private toPoint(fromA: number[], b: XY): number {
    let best = Infinity;
    this.vertices.forEach((v, k) => {
      if (fromA[k] === Infinity) return;
      const d = fromA[k]! + distance(v, b);
      if (d < best && !this.blocked(v, b)) best = d;
    });
    return best;
  }

  private visibility(): boolean[][] {
    if (this.seen) return this.seen;
    const vs = this.vertices;
    const seen = vs.map(() => new Array<boolean>(vs.length).fill(false));
    for (let i = 0; i < vs.length; i++) {
      for (let j = i + 1; j < vs.length; j++) {
        const ok = !this.blocked(vs[i]!, vs[j]!);
        seen[i]![j] = ok;
        seen[j]![i] = ok;
      }
    }
    this.seen = seen;
    return seen;
  }
}
