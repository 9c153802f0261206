/** Planning a day with confidential visits and exclusive rides: they never share the vehicle. */
import { describe, expect, it } from 'vitest';
import { dayPoints } from '../../../../shared/app/planning/day-points';
import { dayProblem } from '../../../../shared/app/planning/day-problem';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { depotSchema } from '../../../../shared/domain/entities/depot';
import { hromadaSchema } from '../../../../shared/domain/entities/hromada';
import type { Plan } from '../../../../shared/domain/entities/plan';
import {
  type ServiceRequest,
  serviceRequestSchema,
} from '../../../../shared/domain/entities/service-request';
import { vehicleSchema } from '../../../../shared/domain/entities/vehicle';
import { registryKinds } from '../../../../shared/domain/registry';
import { checkSolution } from '../../../../shared/routing/checker/index';
import { solve } from '../../../../shared/routing/engine/index';
import { HROMADA, taxiRequest } from '../../../support/fixtures';
import { type DemoDay, demoDay, ENGINE, TUESDAY } from './demo-day';

const CLINIC = { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } };
const HOME = { address: 'с. Березна, вул. Садова, 3', location: { lat: 49.5621, lon: 27.8401 } };

/** A busy morning: the brigade's confidential visit at 11:00 and taxi rides both ways around it. */
async function busyMorning(d: DemoDay) {
  const olena = await d.resident('Олена Мельник', { confidential: true });
  // a short visit (10 min) on the way of the rides: sharing the car would be cheapest
  const visit = await d.book({
    serviceType: 'mobile-brigade',
    residentId: olena.id,
    date: TUESDAY,
    pickup: HOME,
    requestedTime: { kind: 'pickup', time: '11:00' },
    purpose: 'social-services',
    serviceMinutes: 10,
  });
  const rides: ServiceRequest[] = [];
  for (const [k, time] of ['10:00', '10:40', '11:20'].entries()) {
    const there = await d.resident(`Пасажир ${k}`);
    const back = await d.resident(`Пасажирка ${k}`);
    rides.push(await d.ride(there.id, time));
    rides.push(await d.book({ ...taxiRequest(back.id, TUESDAY, time), pickup: CLINIC, dropoff: HOME }));
  }
  // a rider from the clinic to a village beyond the visit: dropping them after the visit is tempting
  const far = await d.resident('Пасажир далі');
  const beyond = { address: 'с. Уладівка, вул. Миру, 1', location: { lat: 49.5631, lon: 27.7801 } };
  rides.push(await d.book({ ...taxiRequest(far.id, TUESDAY, '10:45'), pickup: CLINIC, dropoff: beyond }));
  // an exclusive ride asked for by a resident who is not a confidential case
  const alone = await d.ride(d.anna.id, '09:30', { exclusive: true });
  return { visit, rides, alone };
}

/** Per stop of every route: who is on board on the way to it (request ids). */
function onBoardAt(plan: Plan): Array<{ requestId: string; kind: string; onBoard: string[] }> {
  const out: Array<{ requestId: string; kind: string; onBoard: string[] }> = [];
  for (const route of plan.routes) {
    const onBoard = new Set<string>();
    for (const stop of route.stops) {
      out.push({ requestId: stop.requestId, kind: stop.kind, onBoard: [...onBoard] });
      if (stop.kind === 'pickup') onBoard.add(stop.requestId);
      if (stop.kind === 'dropoff') onBoard.delete(stop.requestId);
    }
  }
  return out;
}

describe('planning exclusive tasks', () => {
  it('a confidential visit never shares the vehicle; an exclusive ride has nobody else on board', async () => {
    const d = await demoDay();
    const { visit, alone } = await busyMorning(d);
    const plan = await planDay(d.ports, HROMADA, TUESDAY, 'dispatcher', ENGINE);
    expect(plan.unassigned).toEqual([]);
    const stops = onBoardAt(plan);
    const atVisit = stops.filter((s) => s.requestId === visit.id);
    expect(atVisit).toEqual([{ requestId: visit.id, kind: 'visit', onBoard: [] }]);
    const aloneStops = stops.filter((s) => s.requestId === alone.id);
    expect(aloneStops.map((s) => s.kind)).toEqual(['pickup', 'dropoff']);
    expect(aloneStops.map((s) => s.onBoard)).toEqual([[], [alone.id]]);
    // nobody joins the exclusive ride either
    for (const s of stops) if (s.onBoard.includes(alone.id)) expect(s).toMatchObject({ requestId: alone.id });
  });

  it('the day’s problem marks them exclusive, and the checker accepts the engine’s answer', async () => {
    const d = await demoDay();
    const { visit, alone, rides } = await busyMorning(d);
    const { ports } = d;
    const input = {
      hromada: hromadaSchema.parse(await ports.entities.hromady.get(HROMADA)),
      date: TUESDAY,
      requests: (await ports.entities.requests.forDay(HROMADA, TUESDAY)).map((r) =>
        serviceRequestSchema.parse(r),
      ),
      vehicles: (await ports.entities.registry.list(registryKinds.vehicles, HROMADA)).items.map((v) =>
        vehicleSchema.parse(v),
      ),
      depots: (await ports.entities.registry.list(registryKinds.depots, HROMADA)).items.map((x) =>
        depotSchema.parse(x),
      ),
    };
    const day = dayPoints(input);
    const problem = dayProblem(input, day, {
      'driving-car': await ports.travel.matrix(day.points, 'driving-car'),
    });
    const taskOf = (id: string) => day.requests.findIndex((r) => r.id === id) + 1;
    expect(problem.jobs!.find((j) => j.id === taskOf(visit.id))!.exclusive).toBe(true);
    expect(problem.shipments!.find((s) => s.pickup.id === taskOf(alone.id))!.exclusive).toBe(true);
    expect(problem.shipments!.find((s) => s.pickup.id === taskOf(rides[0]!.id))!.exclusive).toBeUndefined();
    const solution = solve(problem, { now: () => 0, ...ENGINE });
    expect(checkSolution(problem, solution).violations).toEqual([]);
    expect(solution.unassigned.map((u) => u.id)).not.toContain(taskOf(visit.id));
  });
});
