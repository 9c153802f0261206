import { describe, expect, it } from 'vitest';
import { CheckerRefusal } from '../../../../shared/app/planning/checker-refusal';
import { loadDayToChange, loadDayToPlan } from '../../../../shared/app/planning/load-day';
import { type EngineStep, runPipeline } from '../../../../shared/app/planning/pipeline';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { solve } from '../../../../shared/routing/engine/index';
import type { VroomProblem } from '../../../../shared/routing/vroom-format';
import { HROMADA } from '../../../support/fixtures';
import { demoDay, ENGINE, TUESDAY } from './demo-day';

/** The engine itself, in process, with the tests' fixed iterations. */
const solveInProcess: EngineStep = {
  what: 'plan',
  run: async (problem) => solve(problem, { ...ENGINE, now: () => 0 }),
};

describe('the planning pipeline', () => {
  it('gives the engine step the day under way as an input: stops made are done steps, the next is locked, the car starts now', async () => {
    const d = await demoDay();
    const { ports, clock, anna } = d;
    const early = await d.ride(anna.id, '08:30');
    const later = await d.ride(anna.id, '12:00');
    const first = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(first.routes).toHaveLength(1);

    clock.at = new Date('2026-11-24T08:00:00Z'); // 10:00 in Kyiv: the 08:30 ride is over
    const loaded = await loadDayToPlan(ports, { hromadaId: HROMADA, date: TUESDAY, expectedVersion: 1 });
    const seen: VroomProblem[] = [];
    await runPipeline(ports, {
      loaded,
      actor: 'd',
      requests: () => loaded.requests,
      engine: {
        what: 'plan',
        run: (problem, underWay, day) => {
          seen.push(problem);
          return solveInProcess.run(problem, underWay, day);
        },
      },
      version: ({ routes }) => ({ plan: { ...first, version: 2, routes }, fields: ['routes'] }),
    });
    const [problem] = seen;
    const onTheRoad = problem!.vehicles.filter((v) => (v.done_steps ?? []).length > 0);
    expect(onTheRoad).toHaveLength(1);
    const car = onTheRoad[0]!;
    // task ids follow the day's requests: the 08:30 ride is 1, the 12:00 ride is 2
    expect(car.done_steps!.map((s) => [s.type, s.id])).toEqual([
      ['pickup', 1],
      ['delivery', 1],
    ]);
    expect(car.locked_steps).toEqual([{ type: 'pickup', id: 2 }]);
    expect(car.time_window![0]).toBe(10 * 3600); // now, in seconds from local midnight
    expect(car.start_index).toBe(problem!.shipments![0]!.delivery.location_index); // where it dropped off
    // the stops made are kept exactly as planned
    const saved = (await ports.entities.plans.forDay(HROMADA, TUESDAY)) as unknown as typeof first;
    const stops = (p: typeof first) =>
      p.routes.flatMap((r) => r.stops).filter((s) => s.requestId === early.id);
    expect(stops(saved)).toEqual(stops(first));
    expect(saved.routes.flatMap((r) => r.stops).some((s) => s.requestId === later.id)).toBe(true);
  });

  it('saves nothing the checker refuses: an engine answer with a drop-off before its pickup is an error, the plan stays as it was', async () => {
    const d = await demoDay();
    const { ports, anna } = d;
    await d.ride(anna.id, '09:00');
    await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    const before = await ports.entities.plans.forDay(HROMADA, TUESDAY);
    const audit = (await ports.entities.audit.list(HROMADA)).items.length;

    const loaded = await loadDayToChange(
      ports,
      { hromadaId: HROMADA, date: TUESDAY, expectedVersion: 1 },
      { openDayOnly: true },
    );
    const backwards: EngineStep = {
      what: 'plan',
      run: async (problem, underWay, day) => {
        const solution = await solveInProcess.run(problem, underWay, day);
        const route = solution.routes[0]!;
        const [start, ...rest] = route.steps;
        const end = rest.pop()!;
        route.steps = [start!, ...rest.reverse(), end];
        return solution;
      },
    };
    await expect(
      runPipeline(ports, {
        loaded,
        actor: 'd',
        requests: () => loaded.requests,
        engine: backwards,
        version: ({ routes }) => ({ plan: { ...loaded.plan, version: 2, routes }, fields: ['routes'] }),
      }),
    ).rejects.toThrow(CheckerRefusal); // counted by the planCheckerRejected metric
    expect(await ports.entities.plans.forDay(HROMADA, TUESDAY)).toEqual(before);
    expect((await ports.entities.audit.list(HROMADA)).items).toHaveLength(audit);
  });
});
