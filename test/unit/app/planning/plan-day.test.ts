import { describe, expect, it } from 'vitest';
import { dayPlan } from '../../../../shared/app/planning/day-plan';
import { dayPoints } from '../../../../shared/app/planning/day-points';
import { dayProblem } from '../../../../shared/app/planning/day-problem';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { createEntity, updateEntity } from '../../../../shared/app/registry';
import { changeRequestStatus } from '../../../../shared/app/service-requests';
import { depotSchema } from '../../../../shared/domain/entities/depot';
import { hromadaSchema } from '../../../../shared/domain/entities/hromada';
import { serviceRequestSchema } from '../../../../shared/domain/entities/service-request';
import { vehicleSchema } from '../../../../shared/domain/entities/vehicle';
import { ConflictError } from '../../../../shared/domain/errors';
import { registryKinds } from '../../../../shared/domain/registry';
import { checkSolution } from '../../../../shared/routing/checker/index';
import { solve } from '../../../../shared/routing/engine/index';
import { FakeClock, HROMADA, taxiRequest } from '../../../support/fixtures';
import { fieldsOf } from '../../../support/inputs';
import { demoDay, ENGINE, stopsOf, TUESDAY } from './demo-day';

describe('plan a day', () => {
  it('plans every open request on a vehicle that may serve it, within its window, and saves the plan', async () => {
    const d = await demoDay();
    const { ports, anna } = d;
    const petro = await d.resident('Петро Коваль');
    const olena = await d.resident('Олена Мельник', { confidential: true });
    const ride = await d.ride(anna.id, '09:00');
    const wheelchair = await d.ride(petro.id, '09:10', { passengers: { escorts: 1, wheelchair: true } });
    const secret = await d.ride(olena.id, '09:05');
    const visit = await d.visit(olena.id);
    const cancelled = await d.ride(anna.id, '13:00');
    await changeRequestStatus(ports, HROMADA, cancelled.id, 1, 'cancelled', 'd', [], 'dispatcher');

    const plan = await planDay(ports, HROMADA, TUESDAY, 'dispatcher', ENGINE);

    expect(plan).toMatchObject({ id: TUESDAY, date: TUESDAY, version: 1, status: 'draft', unassigned: [] });
    for (const r of [ride, wheelchair, secret]) {
      const found = stopsOf(plan, r.id)!;
      expect(found.route.stops.filter((s) => s.requestId === r.id).map((s) => s.kind)).toEqual([
        'pickup',
        'dropoff',
      ]);
      const pickup = found.route.stops[found.idx[0]!]!;
      expect(pickup.arrival >= r.window.start && pickup.arrival <= r.window.end).toBe(true);
    }
    expect(stopsOf(plan, cancelled.id)).toBeUndefined();
    // the wheelchair needs the ramp; the brigade visit needs the brigade's vehicle
    expect(stopsOf(plan, wheelchair.id)!.route.vehicleId).toBe('taxi');
    expect(stopsOf(plan, visit.id)!.route).toMatchObject({ vehicleId: 'brigade' });
    expect(stopsOf(plan, visit.id)!.route.stops.find((s) => s.requestId === visit.id)!.kind).toBe('visit');
    // a confidential ride shares the vehicle with nobody: its pickup and drop-off are back to back
    const { idx } = stopsOf(plan, secret.id)!;
    expect(idx[1]! - idx[0]!).toBe(1);

    expect(await ports.entities.plans.forDay(HROMADA, TUESDAY)).toMatchObject({ version: 1 });
    const audit = await ports.entities.audit.list(HROMADA);
    expect(audit.items.some((a) => a.action === 'plan' && a.itemId === TUESDAY)).toBe(true);
  });

  it('re-planning needs the version last read: a stale or missing one is a conflict', async () => {
    const d = await demoDay();
    const { ports } = d;
    await d.ride(d.anna.id, '09:00');
    await planDay(ports, HROMADA, TUESDAY, 'a', ENGINE);
    await expect(planDay(ports, HROMADA, TUESDAY, 'b', ENGINE)).rejects.toBeInstanceOf(ConflictError);
    const second = await planDay(ports, HROMADA, TUESDAY, 'b', { ...ENGINE, expectedVersion: 1 });
    expect(second.version).toBe(2);
    await expect(
      planDay(ports, HROMADA, TUESDAY, 'c', { ...ENGINE, expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      planDay(ports, HROMADA, '2026-11-25', 'c', { ...ENGINE, expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('says why a request is left out: nobody works that day, or no vehicle can take it', async () => {
    const monday = await demoDay({ fleetDays: [1] }); // Mondays only
    // the rules refuse it at booking (no car on Tuesdays): booked by an admin's override
    const r = await monday.ride(monday.anna.id, '09:00', { override: { reason: 'тест планування' } });
    const plan = await planDay(monday.ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(plan.routes).toEqual([]);
    expect(plan.unassigned).toEqual([{ requestId: r.id, reason: 'цього дня не працює жодне авто' }]);

    const d = await demoDay();
    const five = await d.ride(d.anna.id, '09:00', { passengers: { escorts: 3, wheelchair: false } });
    // the only car with a ramp is off the road: the wheelchair ride is left out, and says why
    await updateEntity(d.ports, registryKinds.vehicles, HROMADA, 'taxi', { version: 1, active: false }, 'd');
    const chair = await d.ride(d.anna.id, '10:00', {
      passengers: { escorts: 0, wheelchair: true },
      override: { reason: 'тест планування' },
    });
    const big = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(stopsOf(big, five.id)!.route.vehicleId).toBe('brigade'); // 4 seats: only the brigade's car
    expect(big.unassigned).toEqual([
      { requestId: chair.id, reason: 'жодне авто цього дня не надає цю послугу або не має пандуса' },
    ]);
  });

  it('maps times through the DST change: a Sunday 25 Oct 2026 shift starts at 08:00 Kyiv = 06:00 UTC', async () => {
    const d = await demoDay({ fleetDays: [7], clock: new FakeClock(new Date('2026-10-20T10:00:00Z')) });
    const { ports } = d;
    const sunday = '2026-10-25';
    const early = await d.book(taxiRequest(d.anna.id, sunday, '08:30'));
    // the engine's problem: time 0 is local midnight (21:00 UTC the day before, still summer time)
    const hromada = hromadaSchema.parse(await ports.entities.hromady.get(HROMADA));
    const input = {
      hromada,
      date: sunday,
      requests: [serviceRequestSchema.parse(early)],
      vehicles: (await ports.entities.registry.list(registryKinds.vehicles, HROMADA)).items.map((v) =>
        vehicleSchema.parse(v),
      ),
      depots: (await ports.entities.registry.list(registryKinds.depots, HROMADA)).items.map((x) =>
        depotSchema.parse(x),
      ),
    };
    const day = dayPoints(input);
    expect(day.dayStart.toISOString()).toBe('2026-10-24T21:00:00.000Z');
    const problem = dayProblem(input, day, {
      'driving-car': await ports.travel.matrix(day.points, 'driving-car'),
    });
    // on this 25-hour day 08:00 local is 9 h after midnight (not 8), 17:00 is 18 h after it
    expect(problem.vehicles[0]!.time_window).toEqual([9 * 3600, 18 * 3600]);
    const solution = solve(problem, { timeLimitMs: 1e9, now: () => 0, maxIterations: 200, seed: 1 });
    expect(checkSolution(problem, solution).violations).toEqual([]);
    const plan = dayPlan(day, solution);
    expect(plan.unassigned).toEqual([]);
    const pickup = plan.routes[0]!.stops[0]!;
    expect(pickup.arrival >= '2026-10-25T06:00:00.000Z').toBe(true);
    expect(pickup.arrival >= early.window.start && pickup.arrival <= early.window.end).toBe(true);
  });

  it('carries parcels by weight, a cold one only in a cold box; a parcel is for deliveries only', async () => {
    const d = await demoDay();
    const { ports, anna } = d;
    await createEntity(
      ports,
      registryKinds.vehicles,
      HROMADA,
      fieldsOf(registryKinds.vehicles, {
        id: 'van',
        name: 'Доставка',
        plate: 'АВ9012ВС',
        depotId: 'depot',
        services: ['delivery'],
        capacity: { seats: 2, cargoKg: 50 },
        features: { coldBox: true },
        shifts: [{ days: [2], start: '08:00', end: '17:00' }],
      }),
      'test',
    );
    const delivery = (time: string, parcel: { kg: number; cold: boolean }) => ({
      serviceType: 'delivery',
      residentId: anna.id,
      date: TUESDAY,
      pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
      requestedTime: { kind: 'pickup', time },
      purpose: 'medical',
      parcel,
    });
    const insulin = await d.book(delivery('10:00', { kg: 12, cold: true }));
    const heavy = await d.book({
      ...delivery('11:00', { kg: 60, cold: false }),
      override: { reason: 'тест планування' },
    });
    await expect(d.book({ ...taxiRequest(anna.id, TUESDAY), parcel: { kg: 1 } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'parcel' })],
    });

    const plan = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    expect(stopsOf(plan, insulin.id)!.route.vehicleId).toBe('van');
    expect(plan.unassigned).toEqual([
      { requestId: heavy.id, reason: 'не вистачає місця: сидінь, місць для візка або вантажу' },
    ]);
  });
});
