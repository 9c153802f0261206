/**
 * A provider's tour in the engine's words: the depot, the overnight places and the visits as
 * location indices of one travel matrix; times in seconds since each day's local midnight.
 * (Wall-clock seconds: a tour's working hours never span the 03:00 change of a DST night.)
 */
import type { TourCreate } from '../../domain/entities/tour';
import type { TourVisit } from '../../domain/entities/tour-visit';
import type { Ports } from '../../ports/ports';
import type { LatLon } from '../../ports/travel-times';
import type { TourProblem } from '../../routing/tour-format';

export const secondsOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;

export function hhmmOf(seconds: number): string {
  const minutes = Math.min(24 * 60 - 1, Math.round(seconds / 60));
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export interface BuiltTour {
  problem: TourProblem;
  /** The place id (depot or overnight place) of each of the first location indices. */
  placeIds: string[];
  /** The visit of each engine job id (id - 1). */
  visits: TourVisit[];
}

export async function buildTourProblem(
  travel: Ports['travel'],
  input: TourCreate,
  visits: TourVisit[],
): Promise<BuiltTour> {
  const places = [input.depot, ...input.overnightPlaces];
  const points: LatLon[] = [...places.map((p) => p.location), ...visits.map((v) => v.location)];
  const matrix = await travel.matrix(points, 'driving-car');
  const problem: TourProblem = {
    depot: 0,
    overnight: input.overnightPlaces.map((_p, i) => i + 1),
    days: input.days.map((d) => ({ date: d.date, hours: [secondsOf(d.start), secondsOf(d.end)] })),
    visits: visits.map((v, i) => ({
      id: i + 1,
      date: v.date,
      location_index: places.length + i,
      window: [secondsOf(v.from), secondsOf(v.to)],
      service: v.durationMinutes * 60,
      ...(v.confidential ? { exclusive: true } : {}),
    })),
    matrix: { durations: matrix.durations, distances: matrix.distances },
  };
  return { problem, placeIds: places.map((p) => p.id), visits };
}
