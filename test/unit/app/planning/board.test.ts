import { describe, expect, it } from 'vitest';
import { assignRequest } from '../../../../shared/app/planning/board/assign-request';
import { changeBoard } from '../../../../shared/app/planning/board/board-change';
import { lockRequest } from '../../../../shared/app/planning/board/lock-request';
import { planView } from '../../../../shared/app/planning/board/plan-view';
import { unassignRequest } from '../../../../shared/app/planning/board/unassign-request';
import { setVehicleService } from '../../../../shared/app/planning/board/vehicle-service';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../../shared/app/planning/publish-plan';
import { ConflictError, UnprocessableError } from '../../../../shared/domain/errors';
import { solve } from '../../../../shared/routing/engine/index';
import type { VroomProblem } from '../../../../shared/routing/vroom-format';
import { HROMADA } from '../../../support/fixtures';
import { type DemoDay, demoDay, ENGINE, stopsOf, TUESDAY } from './demo-day';

const at = (version: number) => ({ hromadaId: HROMADA, date: TUESDAY, version, actor: 'dispatcher' });

/** The stored plan and the audit trail's length: what a refused change must leave as it was. */
async function snapshot(d: DemoDay) {
  return {
    plan: await d.ports.entities.plans.forDay(HROMADA, TUESDAY),
    audit: (await d.ports.entities.audit.list(HROMADA)).items.length,
  };
}

/** Two ordinary rides, planned (draft). */
async function plannedDay() {
  const d = await demoDay();
  const petro = await d.resident('Петро Коваль');
  const morning = await d.ride(d.anna.id, '09:00');
  const noon = await d.ride(petro.id, '12:00');
  const plan = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
  return { d, petro, morning, noon, plan };
}

/** Each route as its vehicle and its stops' request/kind, to compare orders. */
const orderOf = (plan: {
  routes: Array<{ vehicleId: string; stops: Array<{ requestId: string; kind: string }> }>;
}) =>
  Object.fromEntries(plan.routes.map((r) => [r.vehicleId, r.stops.map((s) => `${s.requestId}/${s.kind}`)]));

describe('the board: assign', () => {
  it('puts an unassigned request on the chosen vehicle at its best position; the other routes stay; audited; the request is planned', async () => {
    const { d, petro, plan } = await plannedDay();
    const late = await d.ride(petro.id, '14:00'); // booked after planning: not in the plan
    const before = orderOf(plan);
    const next = await assignRequest(d.ports, at(plan.version), { requestId: late.id, vehicleId: 'brigade' });
    expect(next.version).toBe(plan.version + 1);
    expect(stopsOf(next, late.id)!.route.vehicleId).toBe('brigade');
    const after = orderOf(next);
    for (const [vehicleId, stops] of Object.entries(before))
      expect(after[vehicleId]!.filter((s) => !s.startsWith(late.id))).toEqual(stops);
    const audit = (await d.ports.entities.audit.list(HROMADA)).items;
    expect(audit.some((e) => e.action === 'board-edit' && e.itemId === TUESDAY)).toBe(true);
    expect((await d.ports.entities.requests.get(HROMADA, late.id))!.status).toMatch(/planned/);
  });

  it('moves a request from one vehicle to another', async () => {
    const { d, morning, plan } = await plannedDay();
    const from = stopsOf(plan, morning.id)!.route.vehicleId;
    const to = from === 'taxi' ? 'brigade' : 'taxi';
    const next = await assignRequest(d.ports, at(plan.version), { requestId: morning.id, vehicleId: to });
    expect(stopsOf(next, morning.id)!.route.vehicleId).toBe(to);
    expect(next.routes.filter((r) => r.stops.some((s) => s.requestId === morning.id))).toHaveLength(1);
  });

  it('on a published plan, a move sends the new route to the two drivers whose routes changed, and to nobody else', async () => {
    const { d, morning, plan } = await plannedDay();
    await d.driver({ name: 'Олег', phone: '067 401 12 01', vehicleIds: ['taxi'] });
    await d.driver({ name: 'Ірина', phone: '050 402 12 02', vehicleIds: ['brigade'] });
    const published = (await publishPlan(d.ports, HROMADA, TUESDAY, plan.version, 'd')).plan;
    const from = stopsOf(published, morning.id)!.route.vehicleId;
    const to = from === 'taxi' ? 'brigade' : 'taxi';
    const moved = await assignRequest(d.ports, at(published.version), {
      requestId: morning.id,
      vehicleId: to,
    });
    expect(moved.status).toBe('published');
    const sms = (await d.ports.outbox.listByHromada(HROMADA)).items
      .filter((m) => m.kind === 'driver-route' && m.id.includes(`-v${moved.version}-`))
      .map((m) => m.to)
      .sort();
    expect(sms).toEqual(['+380504021202', '+380674011201']);
    expect((await d.ports.entities.requests.get(HROMADA, morning.id))!.status).toBe('dispatched');
    // a lock changes no route: nobody is sent anything
    const locked = await lockRequest(d.ports, at(moved.version), { requestId: morning.id, locked: true });
    const after = (await d.ports.outbox.listByHromada(HROMADA)).items.filter((m) =>
      m.id.includes(`-v${locked.version}-`),
    );
    expect(after).toEqual([]);
  });

  it('refuses a wheelchair ride on a car without a ramp with the reason in Ukrainian (422); nothing saved', async () => {
    const { d, petro, plan } = await plannedDay();
    const chair = await d.ride(petro.id, '10:30', { passengers: { escorts: 0, wheelchair: true } });
    const before = await snapshot(d);
    const refused = await assignRequest(d.ports, at(plan.version), {
      requestId: chair.id,
      vehicleId: 'brigade',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnprocessableError);
    expect((refused as UnprocessableError).reason).toBe(
      'це авто не надає цю послугу або не має пандуса для візка',
    );
    expect(await snapshot(d)).toEqual(before);
  });

  it('refuses a ride after the vehicle shift ends (its window), 422 with the reason; nothing saved', async () => {
    const { d, petro, plan } = await plannedDay();
    const evening = await d.ride(petro.id, '18:00');
    const before = await snapshot(d);
    const refused = await assignRequest(d.ports, at(plan.version), {
      requestId: evening.id,
      vehicleId: 'taxi',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnprocessableError);
    expect((refused as UnprocessableError).reason).toBe(
      'це авто не встигає у вікно цієї заявки разом з іншими своїми зупинками',
    );
    expect(await snapshot(d)).toEqual(before);
  });

  it('answers 409 on a stale version, for every board edit', async () => {
    const { d, morning, plan } = await plannedDay();
    const stale = at(plan.version - 1 || 99);
    await expect(
      assignRequest(d.ports, stale, { requestId: morning.id, vehicleId: 'brigade' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(unassignRequest(d.ports, stale, { requestId: morning.id })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(lockRequest(d.ports, stale, { requestId: morning.id, locked: true })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      setVehicleService(d.ports, stale, { vehicleId: 'taxi', inService: false }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('the board: unassign', () => {
  it('takes a request off its route into unassigned ("знято диспетчером"); the request is no longer planned', async () => {
    const { d, morning, noon, plan } = await plannedDay();
    const next = await unassignRequest(d.ports, at(plan.version), { requestId: morning.id });
    expect(stopsOf(next, morning.id)).toBeUndefined();
    expect(stopsOf(next, noon.id)).toBeDefined();
    expect(next.unassigned).toContainEqual({ requestId: morning.id, reason: 'знято диспетчером' });
    expect((await d.ports.entities.requests.get(HROMADA, morning.id))!.status).not.toBe('planned');
    // once off, it is not on a route: a second unassign is a conflict
    await expect(
      unassignRequest(d.ports, at(next.version), { requestId: morning.id }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('the board: locks', () => {
  it('a locked request stays on its vehicle and in its order among the locked stops when the day is re-planned', async () => {
    const { d, morning, noon, plan } = await plannedDay();
    // both rides on the brigade's car, both locked
    let p = plan;
    for (const r of [morning, noon])
      if (stopsOf(p, r.id)!.route.vehicleId !== 'brigade')
        p = await assignRequest(d.ports, at(p.version), { requestId: r.id, vehicleId: 'brigade' });
    p = await lockRequest(d.ports, at(p.version), { requestId: morning.id, locked: true });
    p = await lockRequest(d.ports, at(p.version), { requestId: noon.id, locked: true });
    expect(
      planView(p)
        .routes.find((r) => r.vehicleId === 'brigade')!
        .stops.every((s) => s.locked),
    ).toBe(true);
    const lockedOrder = orderOf(p).brigade;

    // the re-plan's problem pins both tasks to the brigade's car
    const seen: VroomProblem[] = [];
    const solver = d.ports.solver;
    const ports = {
      ...d.ports,
      solver: {
        solve: (problem: VroomProblem, o: Parameters<typeof solver.solve>[1]) => {
          seen.push(problem);
          return solver.solve(problem, o);
        },
      },
    };
    const replanned = await planDay(ports, HROMADA, TUESDAY, 'd', {
      ...ENGINE,
      seed: 7,
      expectedVersion: p.version,
    });
    const brigade = seen[0]!.vehicles.findIndex((v) => v.description === 'Бригада') + 1;
    expect(seen[0]!.shipments!.map((s) => s.vehicle)).toEqual([brigade, brigade]);
    expect(orderOf(replanned).brigade).toEqual(lockedOrder);
    expect(
      planView(replanned)
        .routes.find((r) => r.vehicleId === 'brigade')!
        .stops.every((s) => s.locked),
    ).toBe(true);
    // unlocked, it is free again
    const unlocked = await lockRequest(d.ports, at(replanned.version), { requestId: noon.id, locked: false });
    expect(
      planView(unlocked)
        .routes.flatMap((r) => r.stops)
        .filter((s) => s.locked),
    ).toHaveLength(2); // morning's pickup and drop-off
  });
});

describe('the board: a vehicle out of service', () => {
  it('moves its stops to unassigned ("авто не працює"); re-planning leaves it out; back in service it returns to the pool', async () => {
    const { d, morning, noon, plan } = await plannedDay();
    const onTaxi = plan.routes.find((r) => r.vehicleId === 'taxi')?.stops.map((s) => s.requestId) ?? [];
    const out = await setVehicleService(d.ports, at(plan.version), { vehicleId: 'taxi', inService: false });
    expect(out.outOfService).toEqual(['taxi']);
    expect(out.routes.some((r) => r.vehicleId === 'taxi')).toBe(false);
    for (const id of new Set(onTaxi))
      expect(out.unassigned).toContainEqual({ requestId: id, reason: 'авто не працює' });
    const view = planView(out);
    expect(view.routes.find((r) => r.vehicleId === 'taxi')).toEqual({
      vehicleId: 'taxi',
      stops: [],
      distanceM: 0,
      durationS: 0,
      inService: false,
    });

    const replanned = await planDay(d.ports, HROMADA, TUESDAY, 'd', {
      ...ENGINE,
      expectedVersion: out.version,
    });
    expect(replanned.outOfService).toEqual(['taxi']);
    expect(replanned.routes.map((r) => r.vehicleId)).toEqual(['brigade']);
    expect(stopsOf(replanned, morning.id)!.route.vehicleId).toBe('brigade');
    expect(stopsOf(replanned, noon.id)!.route.vehicleId).toBe('brigade');

    const back = await setVehicleService(d.ports, at(replanned.version), {
      vehicleId: 'taxi',
      inService: true,
    });
    expect(back.outOfService).toBeUndefined();
    expect(planView(back).routes.every((r) => r.inService)).toBe(true);
    const chair = await d.ride(d.anna.id, '15:00', { passengers: { escorts: 0, wheelchair: true } });
    const assigned = await assignRequest(d.ports, at(back.version), {
      requestId: chair.id,
      vehicleId: 'taxi',
    });
    expect(stopsOf(assigned, chair.id)!.route.vehicleId).toBe('taxi');
  });

  it('an assignment to a vehicle out of service is refused with the reason', async () => {
    const { d, petro, plan } = await plannedDay();
    const out = await setVehicleService(d.ports, at(plan.version), {
      vehicleId: 'brigade',
      inService: false,
    });
    const late = await d.ride(petro.id, '14:00');
    const refused = await assignRequest(d.ports, at(out.version), {
      requestId: late.id,
      vehicleId: 'brigade',
    }).catch((e: unknown) => e);
    expect((refused as UnprocessableError).reason).toBe('авто не працює цього дня');
  });
});

describe('the board: the checker', () => {
  it('saves nothing when the checker refuses the changed plan (a broken step injected): 422', async () => {
    const { d, plan } = await plannedDay();
    const before = await snapshot(d);
    const refused = await changeBoard(d.ports, at(plan.version), async (loaded) => ({
      requests: (kept) => loaded.requests.filter((r) => kept.has(r.id)),
      engine: {
        what: 'board edit',
        run: async (problem) => {
          const solution = solve(problem, { ...ENGINE, now: () => 0 });
          const route = solution.routes.find((r) => r.steps.some((s) => s.type === 'pickup'))!;
          // a drop-off before its pickup
          const i = route.steps.findIndex((s) => s.type === 'pickup');
          const j = route.steps.findIndex((s) => s.type === 'delivery' && s.id === route.steps[i]!.id);
          [route.steps[i], route.steps[j]] = [route.steps[j]!, route.steps[i]!];
          return solution;
        },
      },
      unassigned: (current) => current,
      fields: ['routes'],
    })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnprocessableError);
    expect((refused as UnprocessableError).reason).toBe('план із цією зміною не пройшов перевірку обмежень');
    expect(await snapshot(d)).toEqual(before);
  });
});

describe('the board on the day under way', () => {
  it('leaves a ride already made where it is, refuses to move the stop a driver is driving to, and takes off one ahead', async () => {
    const d = await demoDay();
    const petro = await d.resident('Петро Коваль');
    const early = await d.ride(d.anna.id, '08:30');
    const noon = await d.ride(petro.id, '12:00');
    const first = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    // both rides on one car
    let p = first;
    for (const r of [early, noon])
      if (stopsOf(p, r.id)!.route.vehicleId !== 'taxi')
        p = await assignRequest(d.ports, at(p.version), { requestId: r.id, vehicleId: 'taxi' });

    d.clock.at = new Date('2026-11-24T08:00:00Z'); // 10:00 in Kyiv: the 08:30 ride is made, the taxi drives to the noon one
    const made = await unassignRequest(d.ports, at(p.version), { requestId: early.id }).catch(
      (e: unknown) => e,
    );
    expect(made).toBeInstanceOf(ConflictError);
    expect((made as ConflictError).reason).toBe('поїздка вже почалася');
    const next = await assignRequest(d.ports, at(p.version), {
      requestId: noon.id,
      vehicleId: 'brigade',
    }).catch((e: unknown) => e);
    expect((next as ConflictError).reason).toBe('водій уже їде до цієї зупинки');

    // taken off: the ride made stays on the route exactly as it was
    const off = await unassignRequest(d.ports, at(p.version), { requestId: noon.id });
    const was = stopsOf(p, early.id)!;
    const is = stopsOf(off, early.id)!;
    expect(is.idx.map((i) => is.route.stops[i])).toEqual(was.idx.map((i) => was.route.stops[i]));
    expect(stopsOf(off, noon.id)).toBeUndefined();
  });
});
