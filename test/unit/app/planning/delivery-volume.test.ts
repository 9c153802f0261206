import { describe, expect, it } from 'vitest';
import { dayPlan } from '../../../../shared/app/planning/day-plan';
import { dayPoints } from '../../../../shared/app/planning/day-points';
import { dayProblem } from '../../../../shared/app/planning/day-problem';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { createEntity } from '../../../../shared/app/registry';
import { registryKinds } from '../../../../shared/domain/registry';
import { checkSolution } from '../../../../shared/routing/checker/index';
import { solve } from '../../../../shared/routing/engine/index';
import { HROMADA } from '../../../support/fixtures';
import { fieldsOf } from '../../../support/inputs';
import { type DemoDay, demoDay, ENGINE, stopsOf, TUESDAY } from './demo-day';

/** A van that carries 500 kg but only 100 litres. */
const van = (id: string) =>
  fieldsOf(registryKinds.vehicles, {
    id,
    name: 'Доставка',
    plate: `АВ${id.length}0ВС`,
    depotId: 'depot',
    services: ['delivery'],
    capacity: { seats: 2, cargoKg: 500, cargoLitres: 100 },
    shifts: [{ days: [2], start: '08:00', end: '17:00' }],
  });

/** Three 40-litre food boxes (light: 12 kg each) to Березна on Tuesday: 120 litres in all. */
async function boxes(d: DemoDay) {
  const out = [];
  for (const time of ['10:00', '10:30', '11:00'])
    out.push(
      await d.book({
        serviceType: 'delivery',
        residentId: d.anna.id,
        date: TUESDAY,
        pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
        requestedTime: { kind: 'pickup', time },
        purpose: 'social-services',
        parcel: { kg: 12, count: 1, litres: 40 },
        allowOverlap: true,
      }),
    );
  return out;
}

describe('parcel volume as a capacity dimension', () => {
  it("loads a van's litres like its kilograms; the checker accepts the engine's answer", async () => {
    const d = await demoDay();
    await createEntity(d.ports, registryKinds.vehicles, HROMADA, van('van'), 'test');
    const requests = await boxes(d);
    const hromada = (await d.ports.entities.hromady.get(HROMADA))!;
    const input = {
      hromada,
      date: TUESDAY,
      requests,
      vehicles: (await d.ports.entities.registry.list(registryKinds.vehicles, HROMADA)).items,
      depots: (await d.ports.entities.registry.list(registryKinds.depots, HROMADA)).items,
    };
    const day = dayPoints(input);
    const problem = dayProblem(input, day, {
      'driving-car': await d.ports.travel.matrix(day.points, 'driving-car'),
    });
    const vanK = problem.vehicles.findIndex((v) => v.description === 'Доставка');
    expect(problem.vehicles[vanK]!.capacity).toEqual([2, 0, 500, 100]);
    expect(problem.jobs?.map((j) => j.delivery)).toEqual([
      [0, 0, 12, 40],
      [0, 0, 12, 40],
      [0, 0, 12, 40],
    ]);
    const solution = solve(problem, { timeLimitMs: 1e9, now: () => 0, maxIterations: 200, seed: 1 });
    expect(checkSolution(problem, solution).violations).toEqual([]);
    // 36 kg fit 500 kg, but 120 litres do not fit 100: one box stays at the depot
    expect(dayPlan(day, solution).unassigned).toEqual([
      expect.objectContaining({ reason: 'вантажні авто вже повні: не вистачає кг або літрів' }),
    ]);
  });

  it('plans a day whose boxes exceed one van on two vans, or leaves one out with the reason on one van', async () => {
    const one = await demoDay();
    await createEntity(one.ports, registryKinds.vehicles, HROMADA, van('van'), 'test');
    const onOne = await boxes(one);
    const planOne = await planDay(one.ports, HROMADA, TUESDAY, 'd', ENGINE); // the pipeline runs the checker
    expect(planOne.unassigned).toHaveLength(1);
    expect(planOne.unassigned[0]!.reason).toBe('вантажні авто вже повні: не вистачає кг або літрів');
    expect(onOne.filter((r) => stopsOf(planOne, r.id))).toHaveLength(2);

    const two = await demoDay();
    await createEntity(two.ports, registryKinds.vehicles, HROMADA, van('van'), 'test');
    await createEntity(two.ports, registryKinds.vehicles, HROMADA, van('van-2'), 'test');
    const onTwo = await boxes(two);
    const planTwo = await planDay(two.ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(planTwo.unassigned).toEqual([]);
    const vans = new Set(onTwo.map((r) => stopsOf(planTwo, r.id)!.route.vehicleId));
    expect(vans).toEqual(new Set(['van', 'van-2']));
  });
});
