import { describe, expect, it } from 'vitest';
import { InProcessRouteSolver } from '../../../../shared/adapters/routing/in-process-route-solver';
import { solveTour } from '../../../../shared/app/tours/solve-tour';
import { checkTour, tourDayProblem } from '../../../../shared/routing/checker/tour';
import type { TourProblem, TourSolution } from '../../../../shared/routing/tour-format';
import type { VroomProblem } from '../../../../shared/routing/vroom-format';

/**
 * A synthetic 5-day tour on a line: the depot at 0 km, three overnight places and visits spread
 * out. Travel is 60 s per km. Planned by the day engine with the overnight places chosen by the
 * tour planner, then checked whole; each broken rule of the tour is caught by the checker.
 */
const KM = [0, 60, 75, 130, 20, 62, 78, 128, 70, 135, 25, 64];
// 0 depot; 1..3 overnight places; 4.. visit locations
const matrix = {
  durations: KM.map((a) => KM.map((b) => Math.abs(a - b) * 60)),
  distances: KM.map((a) => KM.map((b) => Math.abs(a - b) * 1000)),
};
const H = (h: number) => h * 3600;
const DATES = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
const tour: TourProblem = {
  depot: 0,
  overnight: [1, 2, 3],
  days: DATES.map((date) => ({ date, hours: [H(8), H(17)] })),
  visits: [
    { id: 1, date: DATES[0]!, location_index: 4, window: [H(9), H(12)], service: 2700 },
    { id: 2, date: DATES[0]!, location_index: 5, window: [H(13), H(16)], service: 2700, exclusive: true },
    { id: 3, date: DATES[1]!, location_index: 6, window: [H(9), H(15)], service: 3600 },
    { id: 4, date: DATES[1]!, location_index: 7, window: [H(10), H(16)], service: 1800 },
    { id: 5, date: DATES[2]!, location_index: 9, window: [H(9), H(12)], service: 2700 },
    { id: 6, date: DATES[2]!, location_index: 8, window: [H(13), H(16)], service: 2700 },
    { id: 7, date: DATES[3]!, location_index: 11, window: [H(9), H(16)], service: 2700 },
    { id: 8, date: DATES[4]!, location_index: 10, window: [H(9), H(14)], service: 2700 },
  ],
  matrix,
};

async function planned(): Promise<TourSolution> {
  return solveTour(new InProcessRouteSolver(), tour, { timeLimitMs: 60_000, maxIterations: 200 });
}

describe('tour planning and the tour checker', () => {
  it('a 5-day tour plans every visit on its own date and passes the checker', async () => {
    const solution = await planned();
    const result = checkTour(tour, solution);
    expect(result.violations).toEqual([]);
    expect(result.feasible).toBe(true);
    expect(result.served).toBe(8);
    expect(solution.days.map((d) => d.date)).toEqual(DATES);
    expect(solution.days[0]?.start_index).toBe(0);
    expect(solution.days[4]?.end_index).toBe(0);
    // the nights are where the next day's work is: 130 km out on day 2 → the far place
    expect(solution.days[1]?.end_index).toBe(3);
  });

  it('the nights chosen are the best of all 81 choices (the dynamic programme is exact)', async () => {
    const solver = new InProcessRouteSolver();
    const travel = async (problem: VroomProblem, start: number, end: number) => {
      if ((problem.jobs ?? []).length === 0) return matrix.durations[start]![end]!;
      const answer = await solver.solve(problem, { timeLimitMs: 2000, seed: 1, maxIterations: 200 });
      expect(answer.unassigned).toEqual([]);
      return answer.routes.reduce((sum, r) => sum + r.duration, 0);
    };
    const costOf = async (nights: number[]) => {
      const places = [tour.depot, ...nights, tour.depot];
      let total = 0;
      for (const [k, day] of tour.days.entries())
        total += await travel(
          tourDayProblem(tour, day, places[k]!, places[k + 1]!),
          places[k]!,
          places[k + 1]!,
        );
      return total;
    };
    const solution = await planned();
    const chosen = await costOf(solution.days.slice(0, 4).map((d) => d.end_index));
    let best = Number.POSITIVE_INFINITY;
    for (let code = 0; code < 81; code += 1) {
      const nights = [0, 1, 2, 3].map((k) => tour.overnight[Math.floor(code / 3 ** k) % 3]!);
      best = Math.min(best, await costOf(nights));
    }
    expect(chosen).toBe(best);
  });

  it('catches a broken continuity: day 3 starting elsewhere than day 2 ended', async () => {
    const solution = structuredClone(await planned());
    const day = solution.days[2]!;
    day.start_index = tour.overnight.find((p) => p !== day.start_index)!;
    const result = checkTour(tour, solution);
    expect(result.feasible).toBe(false);
    expect(result.violations.some((v) => v.startsWith('[tour_continuity]'))).toBe(true);
  });

  it('catches a night outside the allowed places and a tour not ending at the depot', async () => {
    const solution = structuredClone(await planned());
    solution.days[0]!.end_index = 4;
    solution.days[1]!.start_index = 4;
    solution.days[4]!.end_index = 1;
    const result = checkTour(tour, solution);
    expect(result.violations.some((v) => v.startsWith('[tour_overnight]'))).toBe(true);
    expect(result.violations.some((v) => v.startsWith('[tour_depot]'))).toBe(true);
  });

  it('catches a visit served on the wrong day', async () => {
    const solution = structuredClone(await planned());
    // visit 8 is dated the last day: move it into day 4's route
    const lastRoute = solution.days[4]!.solution.routes[0]!;
    const step = lastRoute.steps.find((s) => s.type === 'job' && s.id === 8)!;
    lastRoute.steps = lastRoute.steps.filter((s) => s !== step);
    const day4 = solution.days[3]!.solution.routes[0]!;
    day4.steps.splice(day4.steps.length - 1, 0, { ...step });
    const result = checkTour(tour, solution);
    expect(result.feasible).toBe(false);
    expect(result.violations).toContain(`[tour_date] visit 8 dated ${DATES[4]} served on ${DATES[3]}`);
  });

  it('catches working hours exceeded: a day ending after its hours', async () => {
    const solution = structuredClone(await planned());
    const route = solution.days[0]!.solution.routes[0]!;
    const end = route.steps[route.steps.length - 1]!;
    const shortTour: TourProblem = {
      ...tour,
      days: tour.days.map((d, k) => (k === 0 ? { ...d, hours: [d.hours[0], end.arrival - 600] } : d)),
    };
    const result = checkTour(shortTour, solution);
    expect(result.feasible).toBe(false);
    expect(result.violations.some((v) => v.startsWith(`day ${DATES[0]}: [shift]`))).toBe(true);
  });

  it('catches a visit served twice and one lost', async () => {
    const solution = structuredClone(await planned());
    solution.unassigned = [1];
    const lost = solution.days[3]!.solution.routes[0]!;
    lost.steps = lost.steps.filter((s) => !(s.type === 'job' && s.id === 7));
    const result = checkTour(tour, solution);
    expect(result.violations).toContain('[tour_duplicate] visit 1 both served and unassigned');
    expect(result.violations).toContain('[tour_missing] visit 7 neither served nor unassigned');
  });
});
