/**
 * A day under way, for the engine: the stops already made stay as they were (done steps, with the
 * passengers still on board), and each vehicle out on the road starts from its last stop, now,
 * with the stop it is driving to locked. Used to re-plan a day and to insert a phone request into
 * it. Pure: the caller loads the plan and the requests.
 */
import type { Plan, PlanRoute } from '../domain/entities/plan';
import type { ServiceRequest } from '../domain/entities/service-request';
import { localDate } from '../domain/time';
import type { DoneStep, StepRef, VroomProblem, VroomSolution, VroomStep } from '../routing/vroom-format';
import type { DayPlan, DayPoints } from './day-problem';

type Stop = PlanRoute['stops'][number];

/** A cancelled ride or a no-show leaves its route. */
const GONE: ReadonlySet<ServiceRequest['status']> = new Set(['cancelled', 'no-show']);

/**
 * The requests of a plan that still matter: those on the routes of vehicles still in service,
 * unless cancelled or a no-show. (A vehicle taken off the road leaves its stops made behind; its
 * open requests are planned again like any other.)
 */
export function keptRequests(
  plan: Plan | undefined,
  all: ServiceRequest[],
  inService: ReadonlySet<string>,
): Set<string> {
  const status = new Map(all.map((r) => [r.id, r.status]));
  const ids = (plan?.routes ?? [])
    .filter((r) => inService.has(r.vehicleId))
    .flatMap((r) => r.stops.map((s) => s.requestId));
  return new Set(ids.filter((id) => !GONE.has(status.get(id) ?? 'cancelled')));
}

export interface UnderWay {
  /** The engine's task id of each request of the day. */
  taskId: Map<string, number>;
  /** Per vehicle id: the stops already made, as they were planned. */
  doneStops: Map<string, Stop[]>;
  /** The stops still ahead, in order, as the engine's current solution (for insertTask). */
  current: VroomSolution;
}

const stepType = (kind: Stop['kind']): StepRef['type'] =>
  kind === 'visit' ? 'job' : kind === 'pickup' ? 'pickup' : 'delivery';

/**
 * Sets done steps, start and locked next stop on the problem's vehicles when `date` is today in
 * the hromada's zone (nothing is done on another day). A stop counts as made when its request is
 * done or its planned departure has passed, and every stop before it too.
 */
export function applyUnderWay(
  problem: VroomProblem,
  day: DayPoints,
  plan: Plan | undefined,
  all: ServiceRequest[],
  now: Date,
  date: string,
  timeZone: string,
): UnderWay {
  const taskId = new Map(day.requests.map((r, k) => [r.id, k + 1]));
  const t0 = day.dayStart.getTime();
  const rel = (iso: string) => Math.round((Date.parse(iso) - t0) / 1000);
  const nowS = Math.round((now.getTime() - t0) / 1000);
  const underWay = date === localDate(now, timeZone);
  const finished = new Set(all.filter((r) => r.status === 'done').map((r) => r.id));
  const isDone = (s: Stop) => underWay && (finished.has(s.requestId) || rel(s.departure) <= nowS);
  const doneStops = new Map<string, Stop[]>();
  const current: VroomSolution = { code: 0, summary: emptySummary(), unassigned: [], routes: [] };
  day.vehicles.forEach(({ vehicle, depotIndex }, k) => {
    const veh = problem.vehicles[k]!;
    const route = plan?.routes.find((r) => r.vehicleId === vehicle.id);
    const stops = (route?.stops ?? []).filter((s) => taskId.has(s.requestId));
    let made = 0;
    while (made < stops.length && isDone(stops[made]!)) made++;
    const done = stops.slice(0, made);
    const ahead = stops.slice(made);
    doneStops.set(vehicle.id, done);
    const [open, close] = veh.time_window!;
    if (underWay && nowS > open) {
      veh.time_window = [Math.min(nowS, close), close];
      veh.start_index = depotIndex;
      if (done.length > 0) {
        const last = done.at(-1)!;
        const r = day.requests.findIndex((x) => x.id === last.requestId);
        veh.start_index = last.kind === 'dropoff' ? day.dropoffIndex[r]! : day.pickupIndex[r]!;
        veh.done_steps = done.map(
          (s): DoneStep => ({
            type: stepType(s.kind),
            id: taskId.get(s.requestId)!,
            departure: rel(s.departure),
          }),
        );
      }
      // the driver is on the way to the next stop: it stays next
      if (ahead.length > 0)
        veh.locked_steps = [{ type: stepType(ahead[0]!.kind), id: taskId.get(ahead[0]!.requestId)! }];
    }
    if (ahead.length > 0)
      current.routes.push({
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
  return { taskId, doneStops, current };
}

/**
 * The new routes: stops made, then what the engine planned. A route whose stops did not change
 * keeps the times its driver and residents were given; `changed` lists the others.
 */
export function mergeRoutes(
  day: DayPoints,
  underWay: UnderWay,
  fresh: DayPlan,
  plan: Plan | undefined,
): { routes: PlanRoute[]; changed: PlanRoute[] } {
  const order = (stops: Stop[]) => stops.map((s) => `${s.requestId}/${s.kind}`).join(' ');
  const routes: PlanRoute[] = [];
  const changed: PlanRoute[] = [];
  for (const { vehicle } of day.vehicles) {
    const done = underWay.doneStops.get(vehicle.id) ?? [];
    const next = fresh.routes.find((r) => r.vehicleId === vehicle.id);
    const old = plan?.routes.find((r) => r.vehicleId === vehicle.id);
    const kept = (old?.stops ?? []).filter((s) => underWay.taskId.has(s.requestId));
    const stops = [...done, ...(next?.stops ?? [])];
    if (stops.length === 0) continue;
    if (old && order(kept) === order(stops)) {
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
  return { routes, changed };
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
