/**
 * A multi-day tour of one vehicle (a regional brigade's week across several hromady), as the
 * planner and the tour checker exchange it. Pure types, no imports but the VROOM contract.
 *
 * Model: one route per working day with carried state. Day 1 starts at the depot, the last day
 * ends there; every other day ends at an allowed overnight place, where the next day starts.
 * Each visit is dated, so it can only be served on its own date. Times are seconds since the local
 * midnight of each day (the matrices' axis, as in the day planner).
 */
import type { TimeWindow, VroomMatrix, VroomSolution } from './vroom-format';

export interface TourDay {
  /** Local date, YYYY-MM-DD; days are in order and distinct. */
  date: string;
  /** Working hours of that day: leave the start no earlier, reach the end no later. */
  hours: TimeWindow;
}

export interface TourVisitTask {
  /** Unique among the tour's visits (the engine's job id). */
  id: number;
  /** The only date the visit may be served on. */
  date: string;
  location_index: number;
  /** When the visit may start, on its date. */
  window: TimeWindow;
  /** Seconds spent there. */
  service: number;
  /** A confidential visit: nobody else in the car (VROOM extension `exclusive`). */
  exclusive?: boolean;
}

export interface TourProblem {
  /** The vehicle's home depot: the start of the first day and the end of the last. */
  depot: number;
  /** Allowed overnight places (location indices). */
  overnight: number[];
  days: TourDay[];
  visits: TourVisitTask[];
  /** One matrix over every location of the tour (depot, overnight places, visits). */
  matrix: VroomMatrix;
}

export interface TourDayRoute {
  date: string;
  /** Where the day starts: the depot on day 1, else the previous night's place. */
  start_index: number;
  /** Where the day ends: the depot on the last day, else an overnight place. */
  end_index: number;
  /** The day's route, as the engine answers (vehicle id 1; empty routes when nothing is done). */
  solution: VroomSolution;
}

export interface TourSolution {
  days: TourDayRoute[];
  /** Visits served on no day. */
  unassigned: number[];
}
