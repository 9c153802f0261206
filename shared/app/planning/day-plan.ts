/**
 * The engine's answer as the day's plan: request ids, stop kinds and UTC instants, the reasons a
 * request is left out in the dispatcher's words, and the merge with the stops already made. Pure.
 */
import type { Plan, PlanRoute } from '../../domain/entities/plan';
import type { UnassignedReasonCode, VroomSolution } from '../../routing/vroom-format';
import { CARGO_FULL, cargoFull } from './cargo-reason';
import type { DayPoints } from './day-points';
import type { Stop, UnderWay } from './day-under-way';

/** Why a request is not in the plan, in the dispatcher's words (the engine's own text is in seconds). */
const REASONS: Record<UnassignedReasonCode, string> = {
  skills: 'жодне авто цього дня не надає цю послугу або не має пандуса',
  capacity: 'не вистачає місця: сидінь, місць для візка або вантажу',
  time_window: 'жодне авто не встигає у це вікно',
  max_ride_time: 'поїздка вийде довшою за дозволену',
  max_duration: 'не вміщується в тривалість зміни',
  max_travel_time: 'не вміщується в час їзди за зміну',
  max_distance: 'не вміщується в пробіг за зміну',
  max_tasks: 'у авто вже забагато зупинок',
  exclusive: 'конфіденційна поїздка не вміщується окремим рейсом',
  vehicle_lock: 'закріплене авто не може її виконати',
  unreachable: 'немає дороги до адреси',
  no_vehicle: 'цього дня не працює жодне авто',
  not_worth_it: 'не заплановано',
};

export const NO_VEHICLE_THAT_DAY = REASONS.no_vehicle;

export interface DayPlan {
  routes: PlanRoute[];
  unassigned: Array<{ requestId: string; reason: string }>;
}

/** The engine's answer in the plan's words: request ids, stop kinds, UTC instants. */
export function dayPlan(day: DayPoints, solution: VroomSolution): DayPlan {
  const at = (s: number) => new Date(day.dayStart.getTime() + Math.round(s) * 1000).toISOString();
  const routes: PlanRoute[] = [];
  for (const route of solution.routes) {
    const v = day.vehicles[route.vehicle - 1];
    if (!v) continue;
    const stops: PlanRoute['stops'] = [];
    for (const step of route.steps) {
      if (step.type !== 'job' && step.type !== 'pickup' && step.type !== 'delivery') continue;
      if (step.done) continue; // the caller keeps the stops already made as they were
      const request = day.requests[(step.id ?? 0) - 1];
      if (!request) continue;
      const kind = step.type === 'job' ? 'visit' : step.type === 'pickup' ? 'pickup' : 'dropoff';
      const serviceStart = step.arrival + step.waiting_time;
      stops.push({
        requestId: request.id,
        kind,
        arrival: at(serviceStart),
        departure: at(step.departure ?? serviceStart + step.setup + step.service),
      });
    }
    if (stops.length === 0) continue;
    routes.push({ vehicleId: v.vehicle.id, stops, distanceM: route.distance, durationS: route.duration });
  }
  const seen = new Set<string>();
  const unassigned: DayPlan['unassigned'] = [];
  for (const u of solution.unassigned) {
    const request = day.requests[u.id - 1];
    if (!request || seen.has(request.id)) continue;
    seen.add(request.id);
    const code = u.reason_code ?? 'not_worth_it';
    const crowded = code === 'time_window' || code === 'not_worth_it';
    const reason = crowded && cargoFull(day, routes, request) ? CARGO_FULL : REASONS[code];
    unassigned.push({ requestId: request.id, reason });
  }
  return { routes, unassigned };
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
  day.vehicles.forEach(({ vehicle }, k) => {
    const done = underWay.vehicles[k]?.done ?? [];
    const next = fresh.routes.find((r) => r.vehicleId === vehicle.id);
    const old = plan?.routes.find((r) => r.vehicleId === vehicle.id);
    const kept = (old?.stops ?? []).filter((s) => underWay.taskId.has(s.requestId));
    const stops = [...done, ...(next?.stops ?? [])];
    if (stops.length === 0) return;
    if (old && order(kept) === order(stops)) {
      routes.push({ ...old, stops: kept });
      return;
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
  });
  return { routes, changed };
}
