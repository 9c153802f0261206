/**
 * Shipments: a delivery follows its pickup on the same vehicle (or the passenger was on board at the
 * start), within max_ride_time (declarable when under way). Exclusive rides: exclusive.ts.
 */
import type { VroomProblem, VroomStep, VroomVehicle } from '../vroom-format';
import { addInto, fmt, key, le } from './numbers';
import type { ProblemIndex, TaskInfo } from './problem-index';
import type { RouteState } from './route-state';

/** Loads the passengers on board at the start (pickup done, delivery not) into the route state. */
export function boardAtStart(
  problem: VroomProblem,
  index: ProblemIndex,
  veh: VroomVehicle,
  w: Pick<RouteState, 'onBoard' | 'pickupDeparture' | 'load'>,
): void {
  const doneDeparture = new Map<string, number | undefined>();
  for (const d of veh.done_steps ?? [])
    if (d.type !== 'break') doneDeparture.set(key(d.type, d.id), d.departure);
  for (const s of problem.shipments ?? []) {
    const pk = key('pickup', s.pickup.id);
    const dk = key('delivery', s.delivery.id);
    if (doneDeparture.has(pk) && !index.doneKeys.has(dk)) {
      w.onBoard.add(s);
      addInto(w.load, s.amount, 1);
      w.pickupDeparture.set(s, doneDeparture.get(pk));
    }
  }
}

/** After serving a pickup or a delivery (service start and departure of this step). */
export function serveShipmentStep(
  w: RouteState,
  label: string,
  s: VroomStep,
  task: TaskInfo,
  serviceStart: number,
  departure: number,
): void {
  const sh = task.shipment;
  if (sh && task.type === 'pickup') {
    w.onBoard.add(sh);
    w.pickupDeparture.set(sh, departure);
  } else if (sh && task.type === 'delivery') {
    if (!w.onBoard.has(sh)) {
      w.report('precedence', `${label}: delivery without its pickup ${sh.pickup.id} earlier on this vehicle`);
    } else {
      const dep = w.pickupDeparture.get(sh);
      if (sh.max_ride_time !== undefined && dep !== undefined) {
        const ride = serviceStart - dep;
        if (!le(ride, sh.max_ride_time)) {
          w.declared(
            'max_ride_time',
            `${label}: ride time ${fmt(ride)} > max_ride_time ${sh.max_ride_time}`,
            s,
            'max_ride_time',
          );
        }
      }
    }
    w.onBoard.delete(sh);
  }
}

/** At the end of the route: everything picked up was delivered. */
export function checkAllDelivered(w: RouteState): void {
  for (const sh of w.onBoard) {
    w.report('precedence', `${w.where}: shipment (pickup ${sh.pickup.id}) picked up but never delivered`);
  }
}

/** A vehicle with no route must have nothing on board. */
export function checkNothingOnBoard(
  problem: VroomProblem,
  index: ProblemIndex,
  veh: VroomVehicle,
  report: (kind: string, msg: string) => void,
): void {
  for (const s of problem.shipments ?? []) {
    const pk = key('pickup', s.pickup.id);
    const dk = key('delivery', s.delivery.id);
    if (index.servedBy.get(pk) === veh.id && index.doneKeys.has(pk) && !index.doneKeys.has(dk)) {
      report(
        'precedence',
        `vehicle ${veh.id}: shipment (pickup ${s.pickup.id}) on board but the vehicle has no route`,
      );
    }
  }
}
