/**
 * A travel matrix made to go around the danger zones. Offline, every leg whose straight line
 * passes through a zone costs its estimate stretched by (way around ÷ straight line): the same
 * detour factor and speed, over the shortest way around. A routing service that was asked to avoid
 * the zones is trusted when its road is at least as long as the way around; a shorter one (the
 * service ignored the polygons) is stretched the same way and counted. A leg the zones shut off
 * entirely is forbidden: it costs more than any day. Pure.
 */
import { type Detour, type LatLonPoint, ZoneMap, type ZonePolygons } from './zone-map';

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
  for (const detour of map.detours(points)) {
    const { from, to } = detour;
    const cell = aroundZones(matrix.durations[from]![to]!, matrix.distances[from]![to]!, detour, mode);
    if (!cell) continue;
    changed += 1;
    matrix.durations[from]![to] = cell.duration;
    matrix.distances[from]![to] = cell.distance;
  }
  return changed;
}

/** One leg through a zone, made to go around it; undefined: it already does (`when-short`). */
export function aroundZones(
  duration: number,
  distance: number,
  { straight, around }: Detour,
  mode: 'always' | 'when-short',
): { duration: number; distance: number } | undefined {
  if (mode === 'when-short' && distance >= around) return undefined;
  if (around === Infinity || straight <= 0) return { ...SHUT_OFF };
  const stretch = around / straight;
  // the estimate's own detour factor is kept; never shorter than the way around itself
  return {
    distance: Math.ceil(Math.max(distance * stretch, around)),
    duration: Math.ceil(duration * stretch),
  };
}
