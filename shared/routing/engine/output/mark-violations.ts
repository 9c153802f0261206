/** Declared violations of a vehicle under way (VROOM's `violations` shape). */
import type { TimeWindow, ViolationCause, VroomRoute, VroomStep } from '../../vroom-format';
import type { Model } from '../model';

const TOL = 1e-6;

/**
 * A vehicle under way may have had limits lifted: to deliver passengers on board, or to take a
 * break its frozen head made late (model.ts, relaxLostOnboard, relaxLateBreaks). Measure its route
 * against the problem as given and list what it breaks, on each step and on the route (VROOM's
 * `violations` shape).
 */
export function markViolations(m: Model, v: number, route: VroomRoute): void {
  const p = m.problem;
  const veh = p.vehicles[v]!;
  const causes = new Map<ViolationCause, number | undefined>();
  const add = (st: VroomStep | undefined, cause: ViolationCause, duration?: number): void => {
    if (st) {
      st.violations ??= [];
      st.violations.push(duration === undefined ? { cause } : { cause, duration });
    }
    const prev = causes.get(cause);
    causes.set(cause, duration === undefined ? prev : Math.max(prev ?? 0, duration));
  };
  const windowsOf = (st: VroomStep): TimeWindow[] | undefined => {
    if (st.type === 'job') return p.jobs?.find((j) => j.id === st.id)?.time_windows;
    if (st.type === 'pickup') return p.shipments?.find((s) => s.pickup.id === st.id)?.pickup.time_windows;
    if (st.type === 'delivery')
      return p.shipments?.find((s) => s.delivery.id === st.id)?.delivery.time_windows;
    if (st.type === 'break') return veh.breaks?.find((b) => b.id === st.id)?.time_windows;
    return undefined;
  };
  const pickupDeparture = new Map<number, number>();
  for (const d of veh.done_steps ?? [])
    if (d.type === 'pickup' && d.departure !== undefined) pickupDeparture.set(d.id, d.departure);
  const shiftEnd = veh.time_window?.[1] ?? Number.POSITIVE_INFINITY;
  let start: VroomStep | undefined;
  let end: VroomStep | undefined;
  let tasks = 0;
  let lastLeave = 0;
  for (const st of route.steps) {
    if (st.done) continue;
    lastLeave = st.departure ?? st.arrival;
    if (st.type === 'start') start = st;
    if (st.type === 'end') end = st;
    if (st.type === 'job' || st.type === 'pickup' || st.type === 'delivery') tasks++;
    const serviceStart = st.arrival + st.waiting_time;
    const w = windowsOf(st);
    if (w && w.length > 0 && !w.some(([a, b]) => a - TOL <= serviceStart && serviceStart <= b + TOL)) {
      const later = w.filter(([a]) => a > serviceStart).map(([a]) => a - serviceStart);
      if (later.length > 0 && w.every(([, b]) => b > serviceStart)) add(st, 'lead_time', Math.min(...later));
      else add(st, 'delay', serviceStart - Math.max(...w.map(([, b]) => b).filter((b) => b < serviceStart)));
    }
    const leaves = st.type === 'end' ? st.arrival : serviceStart + st.setup + st.service;
    if (leaves > shiftEnd + TOL && st.type !== 'start') add(st, 'delay', leaves - shiftEnd);
    if (st.type === 'pickup' && st.id !== undefined && st.departure !== undefined)
      pickupDeparture.set(st.id, st.departure);
    if (st.type === 'delivery') {
      const sh = p.shipments?.find((s) => s.delivery.id === st.id);
      const dep = sh ? pickupDeparture.get(sh.pickup.id) : undefined;
      if (sh?.max_ride_time !== undefined && dep !== undefined && serviceStart - dep > sh.max_ride_time + TOL)
        add(st, 'max_ride_time', serviceStart - dep - sh.max_ride_time);
    }
  }
  if (veh.max_tasks !== undefined && tasks > veh.max_tasks) add(undefined, 'max_tasks');
  if (veh.max_travel_time !== undefined && route.duration > veh.max_travel_time + TOL)
    add(undefined, 'max_travel_time', route.duration - veh.max_travel_time);
  if (veh.max_distance !== undefined && route.distance > veh.max_distance + TOL)
    add(undefined, 'max_distance');
  if (veh.max_duration !== undefined && start) {
    const d = (end ? end.arrival : lastLeave) - (start.departure ?? start.arrival);
    if (d > veh.max_duration + TOL) add(undefined, 'max_duration', d - veh.max_duration);
  }
  if (causes.size > 0)
    route.violations = [...causes].map(([cause, duration]) =>
      duration === undefined ? { cause } : { cause, duration },
    );
}
