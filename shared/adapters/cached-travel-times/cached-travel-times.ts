import { createHash } from 'node:crypto';
import type {
  LatLon,
  MatrixOptions,
  TravelMatrix,
  TravelProfile,
  TravelTimes,
} from '../../ports/travel-times';
import type { ZonePolygons } from '../../routing/geometry/zone-map';
import type { MatrixRectangle, RectangleAnswer } from '../openrouteservice/ors-travel-times';
import { cellKey, pointKey, type TravelCell, type TravelCellStore } from './travel-cell-store';

/** A service that can answer only the cells asked for (OrsTravelTimes). */
export interface RectangleTravelTimes {
  rectangle(
    points: LatLon[],
    cells: MatrixRectangle,
    profile: TravelProfile,
    avoid?: ZonePolygons,
  ): Promise<RectangleAnswer>;
}

/**
 * Road travel times cached across days: the cells already known come from the store, the service
 * is asked only for the others (grouped into rectangles: a new address costs its row and its
 * column, not the whole matrix), and what it routed is stored. Estimated cells are not stored, so
 * they are asked again next time. Points are rounded to ~1 m, so one place is one key. Cells made
 * around danger zones are kept under the zones' version (a hash of their polygons) next to the
 * profile, so cells with and without zones, or with other zones, never mix.
 */
export class CachedTravelTimes implements TravelTimes {
  constructor(
    private readonly service: RectangleTravelTimes,
    private readonly store: TravelCellStore,
  ) {}

  async matrix(points: LatLon[], profile: TravelProfile, options: MatrixOptions = {}): Promise<TravelMatrix> {
    const avoid = options.avoid?.length ? options.avoid : undefined;
    const space = avoid ? `${profile}~${zonesVersion(avoid)}` : profile;
    // one place, one row: two requests at the same door share it
    const keys = points.map(pointKey);
    const places = [...new Set(keys)];
    const at = new Map(places.map((k, i) => [k, i]));
    const located = places.map((k) => points[keys.indexOf(k)]!);
    const m = places.length;
    const key = (i: number, j: number) => cellKey(space, places[i]!, places[j]!);
    const wanted: string[] = [];
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) wanted.push(key(i, j));
    const known = wanted.length > 0 ? await this.store.get(wanted) : new Map<string, TravelCell>();

    const cell = (i: number, j: number): TravelCell | undefined =>
      i === j ? { duration: 0, distance: 0 } : known.get(key(i, j));
    const found = new Map<string, TravelCell>();
    const stats = { source: 'ors' as const, estimatedCells: 0, calls: 0, cachedCells: known.size };
    const fresh: Array<[string, TravelCell]> = [];
    for (const rect of missingRectangles(m, (i, j) => cell(i, j) !== undefined)) {
      const answer = await this.service.rectangle(located, rect, profile, avoid);
      stats.calls += answer.calls;
      stats.estimatedCells += answer.estimatedCells;
      const estimated = new Set(answer.estimated.map(([a, b]) => `${a},${b}`));
      rect.sources.forEach((i, a) => {
        rect.destinations.forEach((j, b) => {
          const c = { duration: answer.durations[a]![b]!, distance: answer.distances[a]![b]! };
          if (i === j) return;
          found.set(key(i, j), c);
          if (!estimated.has(`${a},${b}`)) fresh.push([key(i, j), c]);
        });
      });
    }
    if (fresh.length > 0) await this.store.put(fresh);

    const n = points.length;
    const durations = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const distances = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let p = 0; p < n; p++) {
      for (let q = 0; q < n; q++) {
        const i = at.get(keys[p]!)!;
        const j = at.get(keys[q]!)!;
        const c = cell(i, j) ?? found.get(key(i, j))!;
        durations[p]![q] = c.duration;
        distances[p]![q] = c.distance;
      }
    }
    return { durations, distances, stats };
  }
}

/**
 * The cells still to ask for, as few rectangles: rows lacking the same columns go together (a new
 * place: its own row against every column, and every other row against its column).
 */
export function missingRectangles(m: number, has: (i: number, j: number) => boolean): MatrixRectangle[] {
  const bySignature = new Map<string, MatrixRectangle>();
  for (let i = 0; i < m; i++) {
    const cols: number[] = [];
    for (let j = 0; j < m; j++) if (j !== i && !has(i, j)) cols.push(j);
    if (cols.length === 0) continue;
    // a row lacking every other column asks for its own too (a zero): it then goes with the rest
    if (cols.length === m - 1) cols.splice(i, 0, i);
    const signature = cols.join(',');
    const rect = bySignature.get(signature);
    if (rect) rect.sources.push(i);
    else bySignature.set(signature, { sources: [i], destinations: cols });
  }
  const rects = [...bySignature.values()];
  return rects.length > 1 ? asOneWhenMostlyMissing(rects) : rects;
}

/**
 * A day whose bookings cached a few rides knows a cell here and there: each row then lacks a
 * slightly different set of columns, and one request per row (each paying the service's latency)
 * would replace one request for the whole matrix. When the rectangle around every missing cell is
 * at most twice their number, it is asked instead (the known cells asked again cost only quota).
 */
function asOneWhenMostlyMissing(rects: MatrixRectangle[]): MatrixRectangle[] {
  const rows = new Set<number>();
  const cols = new Set<number>();
  let missing = 0;
  for (const r of rects) {
    for (const i of r.sources) rows.add(i);
    for (const j of r.destinations) cols.add(j);
    missing += r.sources.length * r.destinations.length;
  }
  if (rows.size * cols.size > 2 * missing) return rects;
  const sorted = (xs: Set<number>) => [...xs].sort((a, b) => a - b);
  return [{ sources: sorted(rows), destinations: sorted(cols) }];
}

/** The zones' version in a cache key: 16 hex digits of the SHA-256 of their coordinates. */
export function zonesVersion(zones: ZonePolygons): string {
  return createHash('sha256').update(JSON.stringify(zones)).digest('hex').slice(0, 16);
}
