/**
 * A phone request during the day: insert it into the day's plan without re-planning the rest.
 * Stops already made stay as they were (the engine gets them as done steps, passengers on board
 * included, and each vehicle out on the road starts from its last stop, now, with the stop it is
 * driving to locked). The engine's insertTask places the request (moving at most one other), the
 * checker must accept the result, and the plan's new version, its audit entry and — when the plan
 * was published — the changed route's SMS to its driver are one transaction.
 */
import { type Depot, depotSchema } from '../domain/entities/depot';
import { type Driver, driverSchema } from '../domain/entities/driver';
import { type Plan, type PlanRoute, planSchema } from '../domain/entities/plan';
import type { ServiceRequest } from '../domain/entities/service-request';
import { type Vehicle, vehicleSchema } from '../domain/entities/vehicle';
import { ConflictError, NotFoundError } from '../domain/errors';
import { localDate } from '../domain/time';
import type { Change } from '../ports/entity-repository';
import { checkSolution } from '../routing/checker/index';
import { insertTask } from '../routing/engine/index';
import type { DoneStep, StepRef, VroomSolution, VroomStep } from '../routing/vroom-format';
import { auditChange } from './audit';
import { dayPlan, dayPoints, dayProblem } from './day-problem';
import type { Actor, Ports } from './deps';
import { routeMessages } from './publish-plan';
import { listAll, requireHromada } from './registry';
import { getServiceRequest } from './service-requests';

export interface InsertedRequest {
  plan: Plan;
  /** The vehicle that takes it (absent: it did not fit, see `plan.unassigned`). */
  vehicleId?: string;
  /** Route SMS queued for that vehicle's driver (a published plan only). */
  messages: number;
}

const GONE: ReadonlySet<ServiceRequest['status']> = new Set(['cancelled', 'no-show']);
const OPEN: ReadonlySet<ServiceRequest['status']> = new Set(['requested', 'confirmed', 'planned']);

const stepType = (kind: PlanRoute['stops'][number]['kind']): StepRef['type'] =>
  kind === 'visit' ? 'job' : kind === 'pickup' ? 'pickup' : 'delivery';

export async function insertIntoPlan(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids'>,
  hromadaId: string,
  date: string,
  requestId: string,
  expectedVersion: number,
  actor: Actor,
  options: { timeLimitMs: number; seed?: number },
): Promise<InsertedRequest> {
  const hromada = await requireHromada(ports, hromadaId);
  const found = await ports.entities.get('Plan', hromadaId, date);
  if (!found) throw new NotFoundError('Plan', date);
  const current = planSchema.parse(found);
  if (current.version !== expectedVersion)
    throw new ConflictError(`Plan ${date} is at version ${current.version}`, current.version);
  const now = ports.clock.now();
  const today = localDate(now, hromada.timeZone);
  if (date < today) throw new ConflictError(`The day ${date} is over`);
  const request = await getServiceRequest(ports, hromadaId, requestId);
  if (request.date !== date)
    throw new ConflictError(`Request ${requestId} is for ${request.date}, not ${date}`);
  if (!OPEN.has(request.status)) throw new ConflictError(`Request ${requestId} is ${request.status}`);
  const inPlan = new Set(current.routes.flatMap((r) => r.stops.map((s) => s.requestId)));
  if (inPlan.has(requestId)) throw new ConflictError(`Request ${requestId} is already in the plan`);

  const [all, vehicles, depots, drivers] = await Promise.all([
    ports.entities.listRequestsByDate(hromadaId, date),
    listAll(ports, 'Vehicle', hromadaId).then((xs) => xs.map((x): Vehicle => vehicleSchema.parse(x))),
    listAll(ports, 'Depot', hromadaId).then((xs) => xs.map((x): Depot => depotSchema.parse(x))),
    listAll(ports, 'Driver', hromadaId).then((xs) => xs.map((x): Driver => driverSchema.parse(x))),
  ]);
  // the plan's requests that still matter (a cancelled or no-show ride leaves its route) + the new one
  const keep = new Set(
    [...inPlan].filter((id) => !GONE.has(all.find((r) => r.id === id)?.status ?? 'cancelled')),
  );
  const requests = all.filter((r) => keep.has(r.id) || r.id === requestId);
  const input = { hromada, date, requests, vehicles, depots };
  const day = dayPoints(input, keep);
  const matrix = await ports.travel.matrix(day.points, 'driving-car');
  const problem = dayProblem(input, day, matrix);
  const taskId = new Map(day.requests.map((r, k) => [r.id, k + 1]));
  const t0 = day.dayStart.getTime();
  const rel = (iso: string) => Math.round((Date.parse(iso) - t0) / 1000);
  const nowS = Math.round((now.getTime() - t0) / 1000);
  const underWay = date === today;

  // what each vehicle has done, and what it still has to do, in the engine's words
  const finished = new Set(all.filter((r) => r.status === 'done').map((r) => r.id));
  const doneStops = new Map<string, PlanRoute['stops']>();
  const current_: VroomSolution = { code: 0, summary: emptySummary(), unassigned: [], routes: [] };
  day.vehicles.forEach(({ vehicle, depotIndex }, k) => {
    const veh = problem.vehicles[k]!;
    const route = current.routes.find((r) => r.vehicleId === vehicle.id);
    const stops = (route?.stops ?? []).filter((s) => taskId.has(s.requestId));
    const isDone = (s: PlanRoute['stops'][number]) =>
      underWay && (finished.has(s.requestId) || rel(s.departure) <= nowS);
    let made = 0;
    while (made < stops.length && isDone(stops[made]!)) made++;
    const done = stops.slice(0, made);
    const ahead = stops.slice(made);
    doneStops.set(vehicle.id, done);
    if (underWay && nowS > veh.time_window![0]) {
      veh.time_window = [Math.min(nowS, veh.time_window![1]), veh.time_window![1]];
      if (done.length > 0) {
        const last = done.at(-1)!;
        const k0 = day.requests.findIndex((r) => r.id === last.requestId);
        veh.start_index = last.kind === 'dropoff' ? day.dropoffIndex[k0]! : day.pickupIndex[k0]!;
        veh.done_steps = done.map(
          (s): DoneStep => ({
            type: stepType(s.kind),
            id: taskId.get(s.requestId)!,
            departure: rel(s.departure),
          }),
        );
      } else veh.start_index = depotIndex;
      // the driver is on the way to the next stop: it stays next
      if (ahead.length > 0)
        veh.locked_steps = [{ type: stepType(ahead[0]!.kind), id: taskId.get(ahead[0]!.requestId)! }];
    }
    if (ahead.length > 0)
      current_.routes.push({
        vehicle: veh.id,
        cost: 0,
        setup: 0,
        service: 0,
        duration: 0,
        waiting_time: 0,
        priority: 0,
        distance: 0,
        steps: ahead.map((s) => placeholderStep(stepType(s.kind), taskId.get(s.requestId)!)),
      });
  });

  const k = taskId.get(requestId)!;
  const solution = insertTask(
    problem,
    current_,
    { type: request.serviceType === 'social-taxi' && request.dropoff ? 'shipment' : 'job', id: k },
    { timeLimitMs: options.timeLimitMs, now: () => performance.now(), seed: options.seed ?? 1 },
  );
  const check = checkSolution(problem, solution);
  if (!check.feasible)
    throw new Error(
      `routing engine returned an infeasible insertion: ${check.violations.slice(0, 3).join('; ')}`,
    );
  const fresh = dayPlan(day, solution);
  const routes: PlanRoute[] = [];
  const order = (stops: PlanRoute['stops']) => stops.map((s) => `${s.requestId}/${s.kind}`).join(' ');
  const changed: PlanRoute[] = [];
  for (const { vehicle } of day.vehicles) {
    const done = doneStops.get(vehicle.id) ?? [];
    const next = fresh.routes.find((r) => r.vehicleId === vehicle.id);
    const old = current.routes.find((r) => r.vehicleId === vehicle.id);
    const kept = (old?.stops ?? []).filter((s) => taskId.has(s.requestId));
    const stops = [...done, ...(next?.stops ?? [])];
    if (stops.length === 0) continue;
    if (old && order(kept) === order(stops)) {
      // same stops in the same order: the times the driver and residents were given stand
      routes.push({ ...old, stops: kept });
      continue;
    }
    const share = old && done.length > 0 ? done.length / old.stops.length : 0;
    const route: PlanRoute = {
      vehicleId: vehicle.id,
      stops,
      // the engine measures what is left to drive; the stops made keep their share of the old route
      distanceM: (next?.distanceM ?? 0) + (old?.distanceM ?? 0) * share,
      durationS: (next?.durationS ?? 0) + (old?.durationS ?? 0) * share,
    };
    routes.push(route);
    changed.push(route);
  }
  const taken = routes.find((r) => r.stops.some((s) => s.requestId === requestId));
  const unassigned = [
    ...current.unassigned.filter((u) => u.requestId !== requestId),
    ...fresh.unassigned.filter((u) => u.requestId === requestId),
  ];
  const version = current.version + 1;
  const plan: Plan = { ...current, routes, unassigned, version, updatedAt: now.toISOString() };
  const changes: Change[] = [
    { op: 'update', entity: 'Plan', item: plan, expectedVersion },
    auditChange(ports, hromada, actor, 'plan', 'Plan', date, ['routes', 'unassigned']),
  ];
  if (current.status === 'published' && changed.length > 0) {
    // only the drivers whose stops changed hear about it (a moved request may change one more)
    changes.push(...routeMessages(ports, hromada, date, version, changed, all, vehicles, drivers).changes);
  }
  await ports.entities.commit(changes);
  return {
    plan,
    ...(taken ? { vehicleId: taken.vehicleId } : {}),
    messages: changes.filter((c) => c.op === 'outbox').length,
  };
}

function placeholderStep(type: StepRef['type'], id: number): VroomStep {
  return { type, id, arrival: 0, duration: 0, setup: 0, service: 0, waiting_time: 0, load: [], distance: 0 };
}

function emptySummary(): VroomSolution['summary'] {
  return {
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
  };
}
