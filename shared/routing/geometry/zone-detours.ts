/**
 * A travel matrix made to go around the danger zones. Offline, every leg whose straight line
 * passes through a zone costs its estimate stretched by (way around ÷ straight line): the same
 * detour factor and speed, over the shortest way around. A routing service that was asked to avoid
 * the zones is trusted when its road is at least as long as the way around; a shorter one (the
 * service ignored the polygons) is stretched the same way and counted. A leg the zones shut off
 * entirely is forbidden: it costs more than any day. Pure.
 */
import { type LatLonPoint, ZoneMap, type ZonePolygons } from './zone-map';

/** Seconds and metres of a leg no vehicle may drive (longer than any shift). */
export const SHUT_OFF = { duration: 7 * 86_400, distance: 10_000_000 } as const;

export interface Matrix {
  durations: number[][];
  distances: number[][];
}

/**
 * `always`: the matrix knows nothing of the zones (the offline estimate). `when-short`: it was
 * asked to avoid them; only legs shorter than the way around are stretched.
 * Returns how many cells were changed.
 */
export function avoidZones(
  matrix: Matrix,
  points: LatLonPoint[],
  zones: ZonePolygons | ZoneMap,
  mode: 'always' | 'when-short',
): number {
  const map = zones instanceof ZoneMap ? zones : new ZoneMap(zones);
  let changed = 0;
  for (const { from, to, straight, around } of map.detours(points)) {
    const d = matrix.distances[from]![to]!;
    if (mode === 'when-short' && d >= around) continue;
    changed += 1;
    if (around === Infinity || straight <= 0) {
      matrix.durations[from]![to] = SHUT_OFF.duration;
      matrix.distances[from]![to] = SHUT_OFF.distance;
      continue;
    }
    const stretch = around / straight;
    // the estimate's own detour factor is kept; never shorter than the way around itself
    matrix.distances[from]![to] = Math.ceil(Math.max(d * stretch, around));
    matrix.durations[from]![to] = Math.ceil(matrix.durations[from]![to]! * stretch);
  }
  return changed;
}
