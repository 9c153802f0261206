/** Skills and vehicle locks: the vehicle has every skill the task needs; a task locked to a vehicle rides it. */
import type { TaskInfo } from './problem-index';
import type { RouteState } from './route-state';

export function checkSkillsAndLock(w: RouteState, label: string, task: TaskInfo): void {
  if (task.skills.length > 0) {
    const have = new Set(w.veh.skills ?? []);
    const missing = task.skills.filter((sk) => !have.has(sk));
    if (missing.length > 0) w.report('skills', `${label}: vehicle lacks skills ${missing.join(',')}`);
  }
  if (task.vehicle !== undefined && task.vehicle !== w.vid) {
    w.report('vehicle_lock', `${label}: task locked to vehicle ${task.vehicle}`);
  }
}
