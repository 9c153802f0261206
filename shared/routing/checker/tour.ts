/**
 * The tour checker: a multi-day tour (shared/routing/tour-format.ts) checked as a whole. It builds
 * each day's VROOM problem itself from the tour's own data — the day's start and end as the tour
 * says, its working hours as the vehicle's shift, that date's visits as jobs — and hands each
 * day's route to the day checker (checkSolution), so a route built from a wrong problem (a visit
 * of another date, hours stretched) is caught here, not trusted. Then what only the tour knows:
 *
 * - `tour_depot`: day 1 starts and the last day ends at the depot;
 * - `tour_continuity`: day k+1 starts where day k ended;
 * - `tour_overnight`: every night is spent at an allowed overnight place;
 * - `tour_date`: a visit served on a day other than its date;
 * - `tour_duplicate` / `tour_missing`: every visit served once or listed unassigned, never both;
 * - `tour_idle_move`: a day with no route must still get from its start to its end within hours.
 *
 * Pure: no I/O, no clock. Violations carry the day's date: `day 2026-12-07: [shift] …`.
 */
import type { TourDay, TourProblem, TourSolution } from '../tour-format';
import type { VroomProblem } from '../vroom-format';
import { type CheckResult, checkSolution } from './index';

export interface TourCheckResult {
  feasible: boolean;
  violations: string[];
  /** Recomputed travel time over all days (seconds). */
  duration: number;
  /** Recomputed distance over all days (metres; 0 without distances). */
  distance: number;
  /** Visits served. */
  served: number;
  unassigned: number;
}

/** The day's problem as the tour defines it: one vehicle, that date's visits. */
export function tourDayProblem(
  tour: TourProblem,
  day: TourDay,
  startIndex: number,
  endIndex: number,
): VroomProblem {
  return {
    vehicles: [{ id: 1, start_index: startIndex, end_index: endIndex, time_window: day.hours }],
    jobs: tour.visits
      .filter((v) => v.date === day.date)
      .map((v) => ({
        id: v.id,
        location_index: v.location_index,
        service: v.service,
        time_windows: [v.window],
        ...(v.exclusive ? { exclusive: true } : {}),
      })),
    matrices: { car: tour.matrix },
  };
}

export function checkTour(tour: TourProblem, solution: TourSolution): TourCheckResult {
  const violations: string[] = [];
  const add = (kind: string, text: string) => violations.push(`[${kind}] ${text}`);
  const last = tour.days.length - 1;
  if (solution.days.length !== tour.days.length)
    add('tour_days', `${solution.days.length} days routed, the tour has ${tour.days.length}`);
  const overnight = new Set(tour.overnight);
  const dateOf = new Map(tour.visits.map((v) => [v.id, v.date]));
  const servedOn = new Map<number, string[]>();
  let duration = 0;
  let distance = 0;

  tour.days.forEach((day, k) => {
    const routed = solution.days[k];
    if (!routed || routed.date !== day.date) {
      add('tour_days', `day ${k + 1} (${day.date}) is not routed in order`);
      return;
    }
    if (k === 0 && routed.start_index !== tour.depot)
      add('tour_depot', `day ${day.date}: the tour starts at ${routed.start_index}, not the depot`);
    if (k === last && routed.end_index !== tour.depot)
      add('tour_depot', `day ${day.date}: the tour ends at ${routed.end_index}, not the depot`);
    if (k < last && !overnight.has(routed.end_index))
      add('tour_overnight', `night after ${day.date} at ${routed.end_index}, not an allowed place`);
    const previous = solution.days[k - 1];
    if (k > 0 && previous && routed.start_index !== previous.end_index)
      add(
        'tour_continuity',
        `day ${day.date} starts at ${routed.start_index}, day ${previous.date} ended at ${previous.end_index}`,
      );
    for (const route of routed.solution.routes ?? [])
      for (const step of route.steps) {
        if (step.type !== 'job' || step.id === undefined) continue;
        servedOn.set(step.id, [...(servedOn.get(step.id) ?? []), day.date]);
        const date = dateOf.get(step.id);
        if (date !== undefined && date !== day.date)
          add('tour_date', `visit ${step.id} dated ${date} served on ${day.date}`);
      }
    const result = checkDay(tour, day, routed.start_index, routed.end_index, routed.solution, violations);
    duration += result.duration;
    distance += result.distance;
    if (result.routes === 0 && (routed.solution.routes ?? []).length === 0) {
      const move = tour.matrix.durations[routed.start_index]?.[routed.end_index] ?? Number.POSITIVE_INFINITY;
      if (day.hours[0] + move > day.hours[1])
        add('tour_idle_move', `day ${day.date}: ${move} s from start to end do not fit the working hours`);
      duration += Number.isFinite(move) ? move : 0;
      distance += tour.matrix.distances?.[routed.start_index]?.[routed.end_index] ?? 0;
    }
  });

  const unassigned = new Set(solution.unassigned);
  for (const visit of tour.visits) {
    const days = servedOn.get(visit.id) ?? [];
    if (days.length > 1) add('tour_duplicate', `visit ${visit.id} served ${days.length} times`);
    if (days.length > 0 && unassigned.has(visit.id))
      add('tour_duplicate', `visit ${visit.id} both served and unassigned`);
    if (days.length === 0 && !unassigned.has(visit.id))
      add('tour_missing', `visit ${visit.id} neither served nor unassigned`);
  }
  for (const id of servedOn.keys())
    if (!dateOf.has(id)) add('tour_unknown_visit', `visit ${id} is not one of the tour's`);

  return {
    feasible: violations.length === 0,
    violations,
    duration,
    distance,
    served: [...servedOn.keys()].filter((id) => dateOf.has(id)).length,
    unassigned: unassigned.size,
  };
}

/** One day through the day checker, its violations prefixed with the date. */
function checkDay(
  tour: TourProblem,
  day: TourDay,
  start: number,
  end: number,
  solution: TourSolution['days'][number]['solution'],
  violations: string[],
): CheckResult {
  const result = checkSolution(tourDayProblem(tour, day, start, end), solution);
  for (const v of result.violations) violations.push(`day ${day.date}: ${v}`);
  return result;
}
