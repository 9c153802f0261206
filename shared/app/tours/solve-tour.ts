/**
 * Plans a multi-day tour with the day engine: one route per day with carried state.
 *
 * Every visit is dated, so which day serves it is fixed; days are coupled only through the night
 * between them (day k ends where day k+1 starts, an allowed overnight place). The tour's cost is
 * the sum of its days' costs, each depending on the day's start and end only, so the choice of
 * nights is a shortest path through (day, place): dynamic programming over the few candidate
 * places, exact given each day's route. Each (day, start, end) is solved once by the engine:
 * with P places and D days, 2P + (D-2)P² solves (33 for 3 places and 5 days). A day's cost puts
 * every visit left out far above any travel, so the chosen nights serve the most visits first.
 */
import type { RouteSolver } from '../../ports/route-solver';
import type { TourDay, TourProblem, TourSolution } from '../../routing/tour-format';
import type { SolveProgress, VroomProblem, VroomSolution } from '../../routing/vroom-format';

/** A visit left out weighs more than any day's travel (seconds). */
const LEFT_OUT = 10_000_000;

export interface SolveTourOptions {
  /** Wall-clock budget for the whole tour; shared out over the day solves. */
  timeLimitMs: number;
  /** Deterministic budget per day solve (tests). */
  maxIterations?: number;
  /**
   * After each day solve: time so far, and the best partial tour through the days done (its
   * travel seconds and the visits it leaves out).
   */
  onProgress?: (progress: SolveProgress) => void;
}

interface DayAnswer {
  cost: number;
  solution: VroomSolution;
}

export async function solveTour(
  solver: RouteSolver,
  tour: TourProblem,
  options: SolveTourOptions,
): Promise<TourSolution> {
  const days = tour.days;
  if (days.length === 0) return { days: [], unassigned: tour.visits.map((v) => v.id) };
  const starts = (k: number) => (k === 0 ? [tour.depot] : tour.overnight);
  const ends = (k: number) => (k === days.length - 1 ? [tour.depot] : tour.overnight);
  const solves = days.reduce((n, _d, k) => n + starts(k).length * ends(k).length, 0);
  const perSolveMs = Math.max(20, Math.floor(options.timeLimitMs / Math.max(1, solves)));
  const began = performance.now();
  let done = 0;

  // best[k]: for each end place of day k, the cheapest tour so far and how it got there
  let best = new Map<number, { cost: number; path: Array<{ start: number; end: number; day: DayAnswer }> }>([
    [tour.depot, { cost: 0, path: [] }],
  ]);
  for (const [k, day] of days.entries()) {
    const next = new Map<
      number,
      { cost: number; path: Array<{ start: number; end: number; day: DayAnswer }> }
    >();
    for (const start of starts(k)) {
      const before = best.get(start);
      if (!before) continue;
      for (const end of ends(k)) {
        const answer = await solveDay(solver, tour, day, start, end, perSolveMs, options.maxIterations);
        const cost = before.cost + answer.cost;
        const current = next.get(end);
        if (!current || cost < current.cost)
          next.set(end, { cost, path: [...before.path, { start, end, day: answer }] });
        done += 1;
        options.onProgress?.(progressOf(next, performance.now() - began, done, k + 1));
      }
    }
    best = next;
  }
  const chosen = best.get(tour.depot);
  if (!chosen) return { days: [], unassigned: tour.visits.map((v) => v.id) };
  const served = new Set(
    chosen.path.flatMap((p) => p.day.solution.routes.flatMap((r) => r.steps.map((s) => s.id))),
  );
  return {
    days: chosen.path.map((p, k) => ({
      date: days[k]?.date ?? '',
      start_index: p.start,
      end_index: p.end,
      solution: p.day.solution,
    })),
    unassigned: tour.visits.filter((v) => !served.has(v.id)).map((v) => v.id),
  };
}

/** The best partial tour so far: travel seconds and visits left out (LEFT_OUT weighs each). */
function progressOf(
  partial: Map<number, { cost: number }>,
  elapsedMs: number,
  solves: number,
  days: number,
): SolveProgress {
  const cheapest = Math.min(...[...partial.values()].map((p) => p.cost));
  const unassigned = Number.isFinite(cheapest) ? Math.floor(cheapest / LEFT_OUT) : 0;
  const bestCost = Number.isFinite(cheapest) ? cheapest - unassigned * LEFT_OUT : 0;
  return { elapsedMs, iteration: solves, bestCost: Math.round(bestCost), routes: days, unassigned };
}

/** The planner's own day problem (the checker builds its own from the same tour). */
function dayProblem(tour: TourProblem, day: TourDay, start: number, end: number): VroomProblem {
  return {
    vehicles: [{ id: 1, start_index: start, end_index: end, time_window: day.hours }],
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

async function solveDay(
  solver: RouteSolver,
  tour: TourProblem,
  day: TourDay,
  start: number,
  end: number,
  timeLimitMs: number,
  maxIterations: number | undefined,
): Promise<DayAnswer> {
  const problem = dayProblem(tour, day, start, end);
  if ((problem.jobs ?? []).length === 0) {
    // nothing to do that day: drive from start to end, if the hours allow
    const move = tour.matrix.durations[start]?.[end] ?? Number.POSITIVE_INFINITY;
    const fits = day.hours[0] + move <= day.hours[1];
    return { cost: fits ? move : Number.POSITIVE_INFINITY, solution: emptySolution() };
  }
  const solution = await solver.solve(problem, {
    timeLimitMs,
    seed: 1,
    ...(maxIterations !== undefined ? { maxIterations } : {}),
  });
  const move = tour.matrix.durations[start]?.[end] ?? Number.POSITIVE_INFINITY;
  const idle = day.hours[0] + move <= day.hours[1] ? move : Number.POSITIVE_INFINITY;
  const travel = solution.routes.length ? solution.routes.reduce((s, r) => s + r.duration, 0) : idle;
  return { cost: solution.unassigned.length * LEFT_OUT + travel, solution };
}

function emptySolution(): VroomSolution {
  return {
    code: 0,
    summary: {
      cost: 0,
      routes: 0,
      unassigned: 0,
      setup: 0,
      service: 0,
      duration: 0,
      waiting_time: 0,
      priority: 0,
      distance: 0,
      computing_times: { loading: 0, solving: 0, routing: 0 },
    },
    unassigned: [],
    routes: [],
  };
}
