/**
 * A hromada's service day as a routing problem, and the engine's answer as a plan. Pure: the caller
 * fetches the requests, vehicles, depots and the travel matrix; nothing here does I/O.
 *
 * Times in the problem are seconds from the start of the local (Kyiv) day, as a real instant, so a
 * 23- or 25-hour DST day still maps back to the right UTC times.
 */
import type { Depot } from '../domain/entities/depot';
import type { Hromada } from '../domain/entities/hromada';
import type { PlanRoute } from '../domain/entities/plan';
import type { ServiceRequest } from '../domain/entities/service-request';
import type { Vehicle } from '../domain/entities/vehicle';
import { addDays, localToUtc } from '../domain/time';
import type { LatLon, TravelMatrix } from '../ports/travel-times';
import type {
  UnassignedReasonCode,
  VroomJob,
  VroomProblem,
  VroomShipment,
  VroomSolution,
  VroomVehicle,
} from '../routing/vroom-format';

/** Skills: what a vehicle has or is for, and what a task needs. */
export const SKILLS = {
  ramp: 1,
  coldBox: 2,
  'social-taxi': 11,
  'mobile-brigade': 12,
  'mobile-case': 13,
  delivery: 14,
} as const;

/** Requests in these states still need a vehicle. */
const PLANNABLE: ReadonlySet<ServiceRequest['status']> = new Set(['requested', 'confirmed', 'planned']);

export interface DayInput {
  hromada: Pick<Hromada, 'timeZone' | 'rules'>;
  date: string;
  requests: ServiceRequest[];
  vehicles: Vehicle[];
  depots: Depot[];
}

/** The points to ask travel times for, and what each task and vehicle refers to. */
export interface DayPoints {
  points: LatLon[];
  /** Requests that are planned, in task-id order (task id = index + 1). */
  requests: ServiceRequest[];
  /** Vehicles working that day, in vehicle-id order (vehicle id = index + 1), with their shift. */
  vehicles: Array<{ vehicle: Vehicle; depotIndex: number; shift: { start: string; end: string } }>;
  /** Point index of each request's pickup (or visit) and drop-off (-1 if none). */
  pickupIndex: number[];
  dropoffIndex: number[];
  /** The instant the problem's time 0 stands for (local midnight, UTC). */
  dayStart: Date;
  /** The next local midnight (23, 24 or 25 hours later). */
  dayEnd: Date;
  /** Open requests left out before routing because no vehicle could ever serve them, and why. */
  refused: Array<{ requestId: string; reason: string }>;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * Works out who works that day and which places matter. Requests still open are planned; those in
 * `keep` are included whatever their status (re-planning a day under way keeps what was done).
 */
export function dayPoints(input: DayInput, keep: ReadonlySet<string> = new Set()): DayPoints {
  const { date, hromada } = input;
  const points: LatLon[] = [];
  const pointOf = (p: LatLon): number => {
    points.push({ lat: p.lat, lon: p.lon });
    return points.length - 1;
  };
  const depotIndex = new Map<string, number>();
  const weekday = isoWeekday(date);
  const vehicles: DayPoints['vehicles'] = [];
  for (const vehicle of input.vehicles) {
    if (!vehicle.active) continue;
    const shift = vehicle.shifts.find((s) => s.days.includes(weekday));
    const depot = input.depots.find((d) => d.id === vehicle.depotId);
    if (!shift || !depot) continue;
    let di = depotIndex.get(depot.id);
    if (di === undefined) {
      di = pointOf(depot.location);
      depotIndex.set(depot.id, di);
    }
    vehicles.push({ vehicle, depotIndex: di, shift: { start: shift.start, end: shift.end } });
  }
  const dayStart = localToUtc(date, '00:00', hromada.timeZone);
  const dayEnd = localToUtc(addDays(date, 1), '00:00', hromada.timeZone);
  const refused: DayPoints['refused'] = [];
  const requests = input.requests.filter((r) => {
    if (r.date !== date || !(PLANNABLE.has(r.status) || keep.has(r.id))) return false;
    // One request whose times fall outside its day (booked before a rule existed, or written by
    // another tool) must not stop the whole day: it is listed with its reason, the rest is planned.
    // A request kept from a day under way (done, on board) is never left out.
    const reason = keep.has(r.id) ? undefined : outsideTheDay(r, dayStart, dayEnd);
    if (reason) refused.push({ requestId: r.id, reason });
    return !reason;
  });
  const pickupIndex: number[] = [];
  const dropoffIndex: number[] = [];
  for (const r of requests) {
    pickupIndex.push(pointOf(r.pickup.location));
    dropoffIndex.push(r.dropoff ? pointOf(r.dropoff.location) : -1);
  }
  return {
    points,
    requests,
    vehicles,
    pickupIndex,
    dropoffIndex,
    dayStart,
    dayEnd,
    refused,
  };
}

export const OUTSIDE_THE_DAY = 'час поїздки поза межами її дня';

/** Why a request cannot be served within its own day, if it cannot. */
function outsideTheDay(r: ServiceRequest, dayStart: Date, dayEnd: Date): string | undefined {
  const start = Date.parse(r.window.start);
  const end = Date.parse(r.window.end);
  if (!(start <= end) || end < dayStart.getTime() || start >= dayEnd.getTime()) return OUTSIDE_THE_DAY;
  return undefined;
}

const seconds = (from: Date, to: Date | string): number =>
  Math.round((new Date(to).getTime() - from.getTime()) / 1000);

/**
 * The routing problem. Social-taxi rides are shipments: seats (the rider unless in a wheelchair,
 * plus escorts) and wheelchair places, a ramp for a wheelchair, the agreed pickup window, an
 * arrive-by appointment as the drop-off deadline, the hromada's maximum ride time, and no co-rider
 * for a confidential case. Visits (brigade, mobile case, delivery) are jobs with their service time;
 * a delivery's parcel loads the vehicle's kilograms from the depot, and a cold one needs a cold box.
 * Capacity: [seats, wheelchair places, kg]. A vehicle serves only the services it lists.
 */
export function dayProblem(input: DayInput, day: DayPoints, matrix: TravelMatrix): VroomProblem {
  const { hromada } = input;
  const t0 = day.dayStart;
  const dayLength = seconds(t0, day.dayEnd);
  // every time the engine sees lies within the day: [0, dayLength]
  const clip = (x: number) => Math.min(Math.max(x, 0), dayLength);
  const vehicles: VroomVehicle[] = day.vehicles.map(({ vehicle, depotIndex, shift }, k) => ({
    id: k + 1,
    description: vehicle.name,
    start_index: depotIndex,
    end_index: depotIndex,
    capacity: [vehicle.capacity.seats, vehicle.capacity.wheelchairPlaces, vehicle.capacity.cargoKg],
    skills: [
      ...vehicle.services.map((s) => SKILLS[s]),
      ...(vehicle.features.ramp ? [SKILLS.ramp] : []),
      ...(vehicle.features.coldBox ? [SKILLS.coldBox] : []),
    ],
    time_window: [
      seconds(t0, localToUtc(input.date, shift.start, hromada.timeZone)),
      seconds(t0, localToUtc(input.date, shift.end, hromada.timeZone)),
    ],
  }));
  const jobs: VroomJob[] = [];
  const shipments: VroomShipment[] = [];
  day.requests.forEach((r, k) => {
    const id = k + 1;
    const window: [number, number] = [clip(seconds(t0, r.window.start)), clip(seconds(t0, r.window.end))];
    const service = r.serviceMinutes * 60;
    const p = day.pickupIndex[k]!;
    const d = day.dropoffIndex[k]!;
    if (r.serviceType === 'social-taxi' && d >= 0) {
      const wheelchair = r.passengers.wheelchair;
      const direct = matrix.durations[p]![d]!;
      const deadline =
        r.requestedTime.kind === 'arrive-by'
          ? clip(seconds(t0, localToUtc(r.date, r.requestedTime.time, hromada.timeZone)))
          : undefined;
      const ship: VroomShipment = {
        amount: [(wheelchair ? 0 : 1) + r.passengers.escorts, wheelchair ? 1 : 0, 0],
        skills: [SKILLS['social-taxi'], ...(wheelchair ? [SKILLS.ramp] : [])],
        pickup: { id, location_index: p, service, time_windows: [window] },
        delivery: {
          id,
          location_index: d,
          service,
          ...(deadline !== undefined ? { time_windows: [[window[0], Math.max(window[0], deadline)]] } : {}),
        },
        max_ride_time: Math.round(
          direct * hromada.rules.maxRideFactor + hromada.rules.maxRideExtraMinutes * 60,
        ),
      };
      if (r.confidential) ship.exclusive = true;
      shipments.push(ship);
    } else {
      const job: VroomJob = {
        id,
        location_index: p,
        service,
        time_windows: [window],
        skills: [SKILLS[r.serviceType], ...(r.parcel?.cold ? [SKILLS.coldBox] : [])],
      };
      // a parcel is loaded at the depot and handed over at the door
      if (r.parcel && r.parcel.kg > 0) job.delivery = [0, 0, r.parcel.kg];
      jobs.push(job);
    }
  });
  return {
    vehicles,
    jobs,
    shipments,
    matrices: { car: { durations: matrix.durations, distances: matrix.distances } },
  };
}

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
    unassigned.push({ requestId: request.id, reason: REASONS[u.reason_code ?? 'not_worth_it'] });
  }
  return { routes, unassigned };
}
