/**
 * Declared violations: a route under way (a passenger on board at the start, or a frozen head of
 * locked steps) may break a window, the shift, a ride time or a route limit when it says so in VROOM's
 * `violations` (on the step: delay, lead_time, max_ride_time; on the route: max_tasks,
 * max_travel_time, max_distance, max_duration). Those count as waived; any other route that declares
 * violations is itself a violation.
 */
import type { VroomRoute, VroomVehicle } from '../vroom-format';
import type { DeclaredReport } from './route-state';
import type { Violations } from './violations';

export function declaredViolations(
  veh: VroomVehicle,
  route: VroomRoute,
  passengersOnBoard: number,
  out: Violations,
): DeclaredReport {
  const steps = route.steps ?? [];
  const underWay = passengersOnBoard > 0 || (veh.locked_steps ?? []).length > 0;
  const declaresAny =
    (route.violations ?? []).length > 0 || steps.some((s) => (s.violations ?? []).length > 0);
  if (declaresAny && !underWay)
    out.add(
      'violations',
      `vehicle ${veh.id}: declares violations but is not under way (no passenger on board, no locked steps)`,
    );
  const routeCauses = new Set<string>((route.violations ?? []).map((x) => x.cause));
  return (kind, msg, step, ...causes) => {
    const said = step ? (step.violations ?? []).map((x) => x.cause) : [...routeCauses];
    if (underWay && causes.some((c) => said.includes(c as never) && routeCauses.has(c))) out.waived++;
    else out.add(kind, msg);
  };
}
