/** Breaks: each of the vehicle's breaks once (none unknown), within its max_load; all taken if the route is used. */
import type { VroomBreak, VroomStep } from '../vroom-format';
import { checkLoadReport } from './capacity';
import { fmt, le } from './numbers';
import type { RouteState } from './route-state';

/** The break a step names, or undefined (reported) when the vehicle has none such or took it already. */
export function takeBreak(w: RouteState, label: string, s: VroomStep): VroomBreak | undefined {
  const brk = s.id !== undefined ? w.breaks.get(s.id) : undefined;
  if (!brk) {
    w.report('break', `${label}: vehicle has no break ${s.id}`);
    return undefined;
  }
  if (w.breaksSeen.has(brk.id)) w.report('break', `${label}: break served twice`);
  w.breaksSeen.add(brk.id);
  return brk;
}

export function checkBreakLoad(w: RouteState, label: string, s: VroomStep, brk: VroomBreak): void {
  const load = w.load;
  if (brk.max_load) {
    for (let d = 0; d < brk.max_load.length; d++) {
      if (!le(load[d] ?? 0, brk.max_load[d]!)) {
        w.report(
          'break',
          `${label}: load ${load.map(fmt).join(',')} above break max_load ${brk.max_load.join(',')}`,
        );
        break;
      }
    }
  }
  checkLoadReport(w, label, s);
}

export function checkBreaksTaken(w: RouteState): void {
  if (w.taskCount === 0) return;
  for (const b of w.veh.breaks ?? []) {
    if (!w.breaksSeen.has(b.id)) w.report('break', `${w.where}: break ${b.id} not served`);
  }
}
