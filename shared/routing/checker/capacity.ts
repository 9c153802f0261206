/** Capacity: the load never exceeds the vehicle's capacity nor goes negative; reported loads match. */
import type { VroomStep } from '../vroom-format';
import { ABS_TOL, close, fmt, le } from './numbers';
import type { RouteState } from './route-state';

export function checkCapacity(w: RouteState, label: string): void {
  const { capacity, load } = w;
  if (!capacity) return;
  for (let d = 0; d < load.length; d++) {
    const cap = capacity[d] ?? 0;
    if (!le(load[d]!, cap))
      w.report(
        'capacity',
        `${label}: load ${load.map(fmt).join(',')} exceeds capacity ${capacity.join(',')}`,
      );
    if (load[d]! < -ABS_TOL) w.report('capacity', `${label}: negative load ${load.map(fmt).join(',')}`);
  }
}

/** The step's reported `load` is the load after it. */
export function checkLoadReport(w: RouteState, label: string, s: VroomStep): void {
  const load = w.load;
  if (!s.load) return;
  for (let d = 0; d < Math.max(s.load.length, load.length); d++) {
    if (!close(s.load[d] ?? 0, load[d] ?? 0)) {
      w.report('load', `${label}: reported load ${s.load.join(',')} != ${load.map(fmt).join(',')}`);
      break;
    }
  }
}
