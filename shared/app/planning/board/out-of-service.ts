/**
 * Vehicles out of service for one day: the plan lists them (`outOfService`), the planning
 * pipeline leaves them out of every re-plan, insertion and board edit, and the board puts them
 * back when the dispatcher says so. Pure.
 */
import type { Plan } from '../../../domain/entities/plan';
import type { Vehicle } from '../../../domain/entities/vehicle';

/** Why a request of a vehicle taken out of service waits among the unassigned. */
export const VEHICLE_OUT_OF_SERVICE = 'авто не працює';

/** The vehicle ids the plan has out of service. */
export function outOfService(plan: Plan | undefined): ReadonlySet<string> {
  return new Set(plan?.outOfService ?? []);
}

/** The day's vehicles without those the plan has out of service. */
export function inServiceThatDay(day: { plan: Plan | undefined; vehicles: Vehicle[] }): Vehicle[] {
  const out = outOfService(day.plan);
  return day.vehicles.filter((v) => !out.has(v.id));
}
