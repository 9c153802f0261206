/**
 * The state of a day under way, an input of the routing problem: per vehicle, the stops already
 * made (they stay as they were, passengers still on board included) and the stops still ahead, the
 * first of which the driver is already driving to. Used to re-plan a day, to insert a phone request
 * into it, and by the later manual edits. Pure: the caller loads the plan and the requests.
 */
import type { Plan, PlanRoute } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { localDate } from '../../domain/time';
import type { DoneStep, StepRef, VroomSolution, VroomStep } from '../../routing/vroom-format';
import type { DayPoints } from './day-points';

export type Stop = PlanRoute['stops'][number];

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

/** One vehicle of the day, under way. */
export interface VehicleUnderWay {
  /** The stops already made, as they were planned. */
  done: Stop[];
  /** The stops still ahead, in order; the driver is on the way to the first. */
  ahead: Stop[];
  /** The stops made, as the engine's done steps (with their departures). */
  doneSteps: DoneStep[];
  /** Where the vehicle is: the point of its last stop made (absent: its depot). */
  lastPoint?: number;
  /** The stop it is driving to, which stays next. */
  next?: StepRef;
}

export interface UnderWay {
  /** The engine's task id of each request of the day. */
  taskId: Map<string, number>;
  /** Seconds from the day's start to now when the day is today; absent on another day. */
  now?: number;
  /** Per vehicle of the day, in the day's vehicle order. */
  vehicles: VehicleUnderWay[];
}

export interface UnderWayInput {
  day: DayPoints;
  date: string;
  timeZone: string;
  /** The day's plan so far (absent: none yet). */
  plan: Plan | undefined;
  /** All requests of the day, whatever their status. */
  requests: ServiceRequest[];
  now: Date;
}

const stepType = (kind: Stop['kind']): StepRef['type'] =>
  kind === 'visit' ? 'job' : kind === 'pickup' ? 'pickup' : 'delivery';

/**
 * Where each vehicle stands, when `date` is today in the hromada's zone (nothing is made on another
 * day). A stop counts as made when its request is done or its planned departure has passed, and
 * every stop before it too.
 */
export function dayUnderWay({ day, date, timeZone, plan, requests, now }: UnderWayInput): UnderWay {
  const taskId = new Map(day.requests.map((r, k) => [r.id, k + 1]));
  const t0 = day.dayStart.getTime();
  const rel = (iso: string) => Math.round((Date.parse(iso) - t0) / 1000);
  const nowS = Math.round((now.getTime() - t0) / 1000);
  const today = date === localDate(now, timeZone);
  const finished = new Set(requests.filter((r) => r.status === 'done').map((r) => r.id));
  const isDone = (s: Stop) => today && (finished.has(s.requestId) || rel(s.departure) <= nowS);
  const pointOf = (s: Stop) => {
    const k = day.requests.findIndex((x) => x.id === s.requestId);
    return s.kind === 'dropoff' ? day.dropoffIndex[k]! : day.pickupIndex[k]!;
  };
  const vehicles = day.vehicles.map(({ vehicle }): VehicleUnderWay => {
    const route = plan?.routes.find((r) => r.vehicleId === vehicle.id);
    const stops = (route?.stops ?? []).filter((s) => taskId.has(s.requestId));
    let made = 0;
    while (made < stops.length && isDone(stops[made]!)) made++;
    const done = stops.slice(0, made);
    const ahead = stops.slice(made);
    const last = done.at(-1);
    return {
      done,
      ahead,
      doneSteps: done.map((s) => ({
        type: stepType(s.kind),
        id: taskId.get(s.requestId)!,
        departure: rel(s.departure),
      })),
      ...(last ? { lastPoint: pointOf(last) } : {}),
      ...(ahead[0] ? { next: { type: stepType(ahead[0].kind), id: taskId.get(ahead[0].requestId)! } } : {}),
    };
  });
  return { taskId, ...(today ? { now: nowS } : {}), vehicles };
}

/** The stops still ahead, in order, as the engine's current solution (for insertTask). */
export function solutionAhead(underWay: UnderWay): VroomSolution {
  const routes = underWay.vehicles.flatMap(({ ahead }, k) =>
    ahead.length === 0
      ? []
      : [
          {
            vehicle: k + 1,
            ...NO_COSTS,
            steps: ahead.map((s) => placeholderStep(stepType(s.kind), underWay.taskId.get(s.requestId)!)),
          },
        ],
  );
  return { code: 0, summary: emptySummary(), unassigned: [], routes };
}

/** The engine recomputes every figure of the routes ahead; these only hold their shape. */
const NO_COSTS = { cost: 0, setup: 0, service: 0, duration: 0, waiting_time: 0, priority: 0, distance: 0 };

function placeholderStep(type: StepRef['type'], id: number): VroomStep {
  return { type, id, arrival: 0, duration: 0, setup: 0, service: 0, waiting_time: 0, load: [], distance: 0 };
}

function emptySummary(): VroomSolution['summary'] {
  return { ...NO_COSTS, routes: 0, unassigned: 0, computing_times: { loading: 0, solving: 0, routing: 0 } };
}
