/**
 * A hromada's service day as a routing problem. Pure: the caller fetches the requests, vehicles,
 * depots and the travel matrix, and works out the day's points and its state under way.
 *
 * Times in the problem are seconds from the start of the local (Kyiv) day, as a real instant, so a
 * 23- or 25-hour DST day still maps back to the right UTC times.
 */
import type { ServiceRequest } from '../../domain/entities/service-request';
import { localToUtc } from '../../domain/time';
import type { TravelProfile } from '../../ports/travel-times';
import type { VroomJob, VroomProblem, VroomShipment, VroomVehicle } from '../../routing/vroom-format';
import { lockTasks } from './board/locks';
import type { DayInput, DayPoints } from './day-points';
import type { DayMatrices } from './day-travel';
import type { UnderWay, VehicleUnderWay } from './day-under-way';

/** Skills: what a vehicle has or is for, and what a task needs. */
export const SKILLS = {
  ramp: 1,
  coldBox: 2,
  'social-taxi': 11,
  'mobile-brigade': 12,
  'mobile-case': 13,
  delivery: 14,
} as const;

/** A vehicle's own skill (vehicle k of the day has PINNED_SKILL + k): for tasks pinned to it. */
const PINNED_SKILL = 1000;

/** The engine's name of each profile's matrix. */
const ENGINE_PROFILE: Record<TravelProfile, string> = { 'driving-car': 'car', 'driving-hgv': 'hgv' };

const seconds = (from: Date, to: Date | string): number =>
  Math.round((new Date(to).getTime() - from.getTime()) / 1000);

/**
 * The routing problem. Social-taxi rides are shipments: seats (the rider unless in a wheelchair,
 * plus escorts) and wheelchair places, a ramp for a wheelchair, the agreed pickup window, an
 * arrive-by appointment as the drop-off deadline, the hromada's maximum ride time, and no co-rider
 * for a confidential or exclusive case. Visits (brigade, mobile case, delivery) are jobs with their
 * service time, made with no rider on board when confidential or exclusive;
 * a delivery's parcel loads the vehicle's kilograms from the depot, and a cold one needs a cold box.
 * Capacity: [seats, wheelchair places, kg, litres]. A vehicle serves only the services it lists.
 *
 * On a day under way each vehicle out on the road starts from its last stop, now, with the stops it
 * made as done steps and the stop it is driving to locked. A request the dispatcher locked is pinned
 * to its vehicle.
 */
export function dayProblem(
  input: DayInput,
  day: DayPoints,
  matrices: DayMatrices,
  underWay?: UnderWay,
): VroomProblem {
  const t0 = day.dayStart;
  const dayLength = seconds(t0, day.dayEnd);
  // every time the engine sees lies within the day: [0, dayLength]
  const clip = (x: number) => Math.min(Math.max(x, 0), dayLength);
  const vehicles = day.vehicles.map(({ vehicle, depotIndex, shift }, k): VroomVehicle => {
    const planned: VroomVehicle = {
      id: k + 1,
      description: vehicle.name,
      profile: ENGINE_PROFILE[vehicle.profile ?? 'driving-car'],
      start_index: depotIndex,
      end_index: depotIndex,
      capacity: [
        vehicle.capacity.seats,
        vehicle.capacity.wheelchairPlaces,
        vehicle.capacity.cargoKg,
        vehicle.capacity.cargoLitres,
      ],
      skills: [
        ...vehicle.services.map((s) => SKILLS[s]),
        ...(vehicle.features.ramp ? [SKILLS.ramp] : []),
        ...(vehicle.features.coldBox ? [SKILLS.coldBox] : []),
        PINNED_SKILL + k,
      ],
      time_window: [
        seconds(t0, localToUtc(input.date, shift.start, input.hromada.timeZone)),
        seconds(t0, localToUtc(input.date, shift.end, input.hromada.timeZone)),
      ],
    };
    const state = underWay?.vehicles[k];
    return state && underWay?.now !== undefined
      ? onTheRoad(planned, depotIndex, state, underWay.now)
      : planned;
  });
  const jobs: VroomJob[] = [];
  const shipments: VroomShipment[] = [];
  day.requests.forEach((r, k) => {
    const task: Task = {
      id: k + 1,
      pickup: day.pickupIndex[k]!,
      dropoff: day.dropoffIndex[k]!,
      window: [clip(seconds(t0, r.window.start)), clip(seconds(t0, r.window.end))],
    };
    if (r.serviceType === 'social-taxi' && task.dropoff >= 0) {
      if (r.requestedTime.kind === 'arrive-by')
        task.deadline = clip(seconds(t0, localToUtc(r.date, r.requestedTime.time, input.hromada.timeZone)));
      shipments.push(rideOf(input.hromada.rules, r, task, matrices));
    } else jobs.push(pinnedTo(visitOf(r, task), input.pinned?.get(r.id), day));
  });
  const problem: VroomProblem = {
    vehicles,
    jobs,
    shipments,
    matrices: Object.fromEntries(
      Object.entries(matrices).map(([profile, m]) => [
        ENGINE_PROFILE[profile as TravelProfile],
        { durations: m.durations, distances: m.distances },
      ]),
    ),
  };
  // a request the dispatcher locked rides its vehicle (board/locks.ts)
  lockTasks(problem, underWay);
  return problem;
}

/** A vehicle out on the road once its shift has begun: from its last stop, now. */
function onTheRoad(
  planned: VroomVehicle,
  depotIndex: number,
  state: VehicleUnderWay,
  now: number,
): VroomVehicle {
  const [open, close] = planned.time_window!;
  if (now <= open) return planned;
  return {
    ...planned,
    time_window: [Math.min(now, close), close],
    start_index: state.lastPoint ?? depotIndex,
    ...(state.doneSteps.length > 0 ? { done_steps: state.doneSteps } : {}),
    // the driver is on the way to the next stop: it stays next
    ...(state.next ? { locked_steps: [state.next] } : {}),
  };
}

/** A request's task ids, points and times in the engine's terms. */
interface Task {
  id: number;
  pickup: number;
  /** -1: none. */
  dropoff: number;
  window: [number, number];
  /** An arrive-by appointment: the drop-off deadline. */
  deadline?: number;
}

/** A social-taxi ride as a shipment. */
function rideOf(
  rules: DayInput['hromada']['rules'],
  r: ServiceRequest,
  task: Task,
  matrices: DayMatrices,
): VroomShipment {
  const { window, deadline } = task;
  const wheelchair = r.passengers.wheelchair;
  const service = r.serviceMinutes * 60;
  // the direct ride in the slowest of the day's vehicles: a van must not make the ride too long
  const direct = Math.max(...Object.values(matrices).map((m) => m.durations[task.pickup]![task.dropoff]!));
  const ship: VroomShipment = {
    amount: [(wheelchair ? 0 : 1) + r.passengers.escorts, wheelchair ? 1 : 0, 0, 0],
    skills: [SKILLS['social-taxi'], ...(wheelchair ? [SKILLS.ramp] : [])],
    pickup: { id: task.id, location_index: task.pickup, service, time_windows: [window] },
    delivery: {
      id: task.id,
      location_index: task.dropoff,
      service,
      ...(deadline !== undefined ? { time_windows: [[window[0], Math.max(window[0], deadline)]] } : {}),
    },
    max_ride_time: Math.round(direct * rules.maxRideFactor + rules.maxRideExtraMinutes * 60),
  };
  if (isExclusive(r)) ship.exclusive = true;
  return ship;
}

/** A visit (brigade, mobile case, delivery) as a job. */
function visitOf(r: ServiceRequest, task: Task): VroomJob {
  const job: VroomJob = {
    id: task.id,
    location_index: task.pickup,
    service: r.serviceMinutes * 60,
    time_windows: [task.window],
    skills: [SKILLS[r.serviceType], ...(r.parcel?.cold ? [SKILLS.coldBox] : [])],
  };
  // a parcel is loaded at the depot and handed over at the door
  if (r.parcel && (r.parcel.kg > 0 || r.parcel.litres > 0))
    job.delivery = [0, 0, r.parcel.kg, r.parcel.litres];
  if (isExclusive(r)) job.exclusive = true;
  return job;
}

/** Nobody else on board on the way to it nor at it: every confidential case, and any request so flagged. */
export const isExclusive = (r: ServiceRequest): boolean => r.confidential || r.exclusive === true;

/**
 * A visit only one vehicle may make (a mobile-case stop, its home visits): it needs that vehicle's
 * own skill, or, when the vehicle does not work that day, one no vehicle has (left unassigned).
 */
function pinnedTo(job: VroomJob, vehicleId: string | undefined, day: DayPoints): VroomJob {
  if (!vehicleId) return job;
  const k = day.vehicles.findIndex((v) => v.vehicle.id === vehicleId);
  return { ...job, skills: [...(job.skills ?? []), PINNED_SKILL + (k >= 0 ? k : day.vehicles.length)] };
}
