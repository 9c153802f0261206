import { describe, expect, it } from 'vitest';
import { planTour } from '../../../../shared/app/tours/plan-tour';
import { solveTour } from '../../../../shared/app/tours/solve-tour';
import { buildTourProblem, secondsOf } from '../../../../shared/app/tours/tour-problem';
import type { Tour } from '../../../../shared/domain/entities/tour';
import { checkTour } from '../../../../shared/routing/checker/tour';
import { ENGINE, P, TUE, tourRequest, tourWorld, WED } from './tour-world';

/**
 * A brigade's week is not uniform: each day of a tour has its own hours (POST /providers/{p}/tours
 * `days[].start/end`). Tuesday starts late (10:30, after the drive from the depot), Wednesday is
 * short (08:00–11:30). The tour world's visits: Березна 09:00–16:00 and Турбів 12:00–16:00 on both
 * days, 45 min each. Planned through planTour, so the tour checker has passed every saved tour.
 */
const HOURS = [
  { date: TUE, start: '10:30', end: '18:00' },
  { date: WED, start: '08:00', end: '11:30' },
];
const perDay = () => tourRequest([TUE, WED], { days: HOURS });

/** Every stop of a day, and the day's leaving and arriving, inside the day's own hours. */
function expectWithinHours(tour: Tour) {
  for (const day of tour.days) {
    const hours = HOURS.find((h) => h.date === day.date)!;
    expect([day.start, day.end]).toEqual([hours.start, hours.end]);
    if (day.leave) expect(day.leave >= hours.start).toBe(true);
    if (day.arrive) expect(day.arrive <= hours.end).toBe(true);
    for (const stop of day.stops) {
      expect(stop.arrival >= hours.start, `${day.date} ${stop.arrival}`).toBe(true);
      expect(stop.departure <= hours.end, `${day.date} ${stop.departure}`).toBe(true);
    }
  }
}

describe('a tour whose days have different hours', () => {
  it('keeps each day to its own hours: a visit that only fits the longer day is served there, not on the short one', async () => {
    const { ports } = await tourWorld();
    const tour = await planTour(ports, P, perDay(), 'dispatcher', ENGINE);
    expectWithinHours(tour);
    const servedOn = (date: string) => tour.days.find((d) => d.date === date)!.stops.map((s) => s.visitId);
    // Турбів's 12:00 window fits the long Tuesday, not Wednesday that ends at 11:30
    expect(servedOn(TUE).sort()).toEqual(['v-khm-tue', 'v-tur-tue']);
    expect(servedOn(WED)).toEqual(['v-khm-wed']);
    expect(tour.unassigned).toEqual([
      { visitId: 'v-tur-wed', hromadaId: 'turbivska', reason: 'не вміщується в робочий день туру' },
    ]);
    // the late start holds: nothing on Tuesday before 10:30, though Березна opens at 09:00
    expect(tour.days[0]!.leave! >= '10:30').toBe(true);
  });

  it('the same visits with one set of hours every day are all served (the short day is what leaves one out)', async () => {
    const { ports } = await tourWorld();
    const tour = await planTour(ports, P, tourRequest(), 'dispatcher', ENGINE);
    expect(tour.unassigned).toEqual([]);
    expect(tour.days.flatMap((d) => d.stops)).toHaveLength(4);
  });

  it("the tour checker holds each day to its own hours: a route planned for uniform days is refused on the short day's hours", async () => {
    const { ports, entities } = await tourWorld();
    const visits = await entities.tours.visitsOfProvider(P, TUE, WED);
    expect(visits).toHaveLength(4);
    const uniform = await buildTourProblem(ports.travel, tourRequest(), visits);
    const solution = await solveTour(ports.solver, uniform.problem, { timeLimitMs: 1000, ...ENGINE });
    expect(checkTour(uniform.problem, solution).feasible).toBe(true);
    const narrowed = await buildTourProblem(ports.travel, perDay(), visits);
    expect(narrowed.problem.days.map((d) => d.hours)).toEqual(
      HOURS.map((h) => [secondsOf(h.start), secondsOf(h.end)]),
    );
    const check = checkTour(narrowed.problem, solution);
    expect(check.feasible).toBe(false);
    expect(check.violations.some((v) => v.startsWith(`day ${WED}:`))).toBe(true);
    expect(check.violations.some((v) => v.startsWith(`day ${TUE}:`))).toBe(true);
  });
});
