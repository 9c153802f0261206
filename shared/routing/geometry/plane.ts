/**
 * Plane geometry for danger zones: points in metres on a local equirectangular projection (exact
 * enough over a hromada, tens of kilometres), point-in-polygon and a segment's passage through a
 * polygon's interior. Pure; no clock, no I/O.
 */

/** GeoJSON order: [longitude, latitude]. */
export type Position = [number, number];

/** A point in metres on the local plane. */
export interface XY {
  x: number;
  y: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** A point this close to an edge (metres) is on the boundary. */
const EPS = 1e-6;

/** The local plane around a reference latitude and longitude. */
export class LocalPlane {
  private readonly kx: number;
  private readonly ky = EARTH_RADIUS_M * RAD;

  constructor(
    private readonly lat0: number,
    private readonly lon0: number,
  ) {
    this.kx = EARTH_RADIUS_M * RAD * Math.cos(lat0 * RAD);
  }

  /** The plane centred on the middle of these positions' bounding box. */
  static around(positions: Position[]): LocalPlane {
    if (positions.length === 0) return new LocalPlane(0, 0);
    let [minLon, minLat] = positions[0]!;
    let [maxLon, maxLat] = positions[0]!;
    for (const [lon, lat] of positions) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
    return new LocalPlane((minLat + maxLat) / 2, (minLon + maxLon) / 2);
  }

  xy([lon, lat]: Position): XY {
    return { x: (lon - this.lon0) * this.kx, y: (lat - this.lat0) * this.ky };
  }
}

export const distance = (a: XY, b: XY): number => Math.hypot(b.x - a.x, b.y - a.y);

const cross = (ax: number, ay: number, bx: number, by: number) => ax * by - ay * bx;

/** A closed ring's vertices without the repeated last one, and its bounding box. */
export interface PlaneRing {
  vertices: XY[];
  box: { minX: number; minY: number; maxX: number; maxY: number };
}

export function planeRing(ring: XY[]): PlaneRing {
  const closed = ring.length > 1 && ring[0]!.x === ring.at(-1)!.x && ring[0]!.y === ring.at(-1)!.y;
  const vertices = closed ? ring.slice(0, -1) : ring;
  const xs = vertices.map((v) => v.x);
  const ys = vertices.map((v) => v.y);
  return {
    vertices,
    box: { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) },
  };
}

function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Where a point lies against a ring: strictly inside, on its boundary, or outside. */
export function locate(p: XY, ring: PlaneRing): 'inside' | 'boundary' | 'outside' {
  const { box, vertices } = ring;
  if (p.x < box.minX - EPS || p.x > box.maxX + EPS || p.y < box.minY - EPS || p.y > box.maxY + EPS)
    return 'outside';
  let inside = false;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
    const a = vertices[i]!;
    const b = vertices[j]!;
    if (distanceToSegment(p, a, b) <= EPS) return 'boundary';
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/**
 * True when the open segment a–b passes through the ring's interior. Exact up to EPS: the segment
 * is cut wherever it meets an edge, and each piece's midpoint is tested; running along an edge or
 * touching a vertex from outside is not entering.
 */
export function segmentEnters(a: XY, b: XY, ring: PlaneRing): boolean {
  const { box, vertices } = ring;
  if (
    Math.max(a.x, b.x) < box.minX ||
    Math.min(a.x, b.x) > box.maxX ||
    Math.max(a.y, b.y) < box.minY ||
    Math.min(a.y, b.y) > box.maxY
  )
    return false;
  const rx = b.x - a.x;
  const ry = b.y - a.y;
  const rr = rx * rx + ry * ry;
  if (rr === 0) return locate(a, ring) === 'inside';
  const cuts = [0, 1];
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
    const q = vertices[j]!;
    const sx = vertices[i]!.x - q.x;
    const sy = vertices[i]!.y - q.y;
    const qpx = q.x - a.x;
    const qpy = q.y - a.y;
    const denom = cross(rx, ry, sx, sy);
    const len = Math.sqrt(rr * (sx * sx + sy * sy));
    if (Math.abs(denom) > 1e-12 * len) {
      const t = cross(qpx, qpy, sx, sy) / denom;
      const u = cross(qpx, qpy, rx, ry) / denom;
      if (t > 0 && t < 1 && u >= -1e-9 && u <= 1 + 1e-9) cuts.push(t);
    } else if (Math.abs(cross(qpx, qpy, rx, ry)) <= EPS * Math.sqrt(rr)) {
      // collinear: the overlap's ends cut the segment
      for (const t of [(qpx * rx + qpy * ry) / rr, ((qpx + sx) * rx + (qpy + sy) * ry) / rr])
        if (t > 0 && t < 1) cuts.push(t);
    }
  }
  cuts.sort((x, y) => x - y);
  for (let k = 1; k < cuts.length; k++) {
    const t0 = cuts[k - 1]!;
    const t1 = cuts[k]!;
    if ((t1 - t0) * Math.sqrt(rr) <= EPS) continue;
    const m = (t0 + t1) / 2;
    if (locate({ x: a.x + m * rx, y: a.y + m * ry }, ring) === 'inside') return true;
  }
  return false;
}

/** The convex hull (Andrew's monotone chain), counter-clockwise, without repeating the first. */
export function convexHull(points: XY[]): XY[] {
  const ps = [...points].sort((p, q) => p.x - q.x || p.y - q.y);
  if (ps.length < 3) return ps;
  const turn = (o: XY, a: XY, b: XY) => cross(a.x - o.x, a.y - o.y, b.x - o.x, b.y - o.y);
  const lower: XY[] = [];
  for (const p of ps) {
    while (lower.length >= 2 && turn(lower.at(-2)!, lower.at(-1)!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: XY[] = [];
  for (const p of ps.reverse()) {
    while (upper.length >= 2 && turn(upper.at(-2)!, upper.at(-1)!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}
