/**
 * Exclusive tasks (confidential or exclusive rides and visits):
 * - an exclusive ride (shipment): nobody else is on board at its pickup, and no other task is served
 *   between its pickup and its delivery;
 * - an exclusive visit (job): no shipment is on board on the way to it (from the previous stop's
 *   departure) nor while it is served — a visit changes nobody on board, so this is the set on board
 *   when the visit is reached.
 * Applied before the task's own load change (route.ts: serveTask). An exclusive rider on board at
 * the start (pickup done) is open from the start: `openExclusiveOnBoard`.
 */
import type { VroomShipment } from '../vroom-format';
import type { TaskInfo } from './problem-index';
import type { RouteState } from './route-state';

/** Before serving a task: the exclusive ride on board, an exclusive pickup, an exclusive visit. */
export function checkExclusive(w: RouteState, label: string, task: TaskInfo): void {
  const open = w.exclusiveOpen;
  if (open && task.shipment !== open) {
    w.report('exclusive', `${label}: served while exclusive shipment (pickup ${open.pickup.id}) is on board`);
  }
  const sh = task.shipment;
  if (sh?.exclusive && task.type === 'pickup') {
    const others = [...w.onBoard].filter((o) => o !== sh).length;
    if (others > 0)
      w.report('exclusive', `${label}: exclusive pickup while ${others} other shipment(s) on board`);
  }
  if (task.job?.exclusive && w.onBoard.size > 0) {
    w.report('exclusive', `${label}: exclusive visit while ${w.onBoard.size} shipment(s) on board`);
  }
}

/** After serving a pickup or a delivery: opens or closes the exclusive ride on board. */
export function trackExclusiveRide(w: RouteState, task: TaskInfo): void {
  const sh = task.shipment;
  if (!sh?.exclusive) return;
  if (task.type === 'pickup') w.exclusiveOpen = sh;
  else if (w.exclusiveOpen === sh) w.exclusiveOpen = undefined;
}

/** At the start of a route under way: an exclusive rider already on board is an open exclusive ride. */
export function openExclusiveOnBoard(w: RouteState, onBoard: Iterable<VroomShipment>): void {
  for (const sh of onBoard) if (sh.exclusive) w.exclusiveOpen = sh;
}
