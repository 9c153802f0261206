/** Route limits: max_tasks, max_travel_time, max_distance, max_duration (declarable when under way). */
import { fmt, le } from './numbers';
import type { RouteState } from './route-state';

export function checkRouteLimits(w: RouteState): void {
  const { veh, where, declared } = w;
  if (veh.max_tasks !== undefined && w.taskCount > veh.max_tasks) {
    declared(
      'max_tasks',
      `${where}: ${w.taskCount} tasks > max_tasks ${veh.max_tasks}`,
      undefined,
      'max_tasks',
    );
  }
  if (veh.max_travel_time !== undefined && !le(w.cumDuration, veh.max_travel_time)) {
    declared(
      'max_travel_time',
      `${where}: travel time ${fmt(w.cumDuration)} > max_travel_time ${veh.max_travel_time}`,
      undefined,
      'max_travel_time',
    );
  }
  if (veh.max_distance !== undefined && !le(w.cumDistance, veh.max_distance)) {
    declared(
      'max_distance',
      `${where}: distance ${fmt(w.cumDistance)} > max_distance ${veh.max_distance}`,
      undefined,
      'max_distance',
    );
  }
  if (veh.max_duration !== undefined && w.routeStart !== undefined && w.routeEnd !== undefined) {
    const dur = w.routeEnd - w.routeStart;
    if (!le(dur, veh.max_duration))
      declared(
        'max_duration',
        `${where}: duration ${fmt(dur)} > max_duration ${veh.max_duration}`,
        undefined,
        'max_duration',
      );
  }
}
