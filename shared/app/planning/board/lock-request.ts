/**
 * Board: lock a request to its vehicle (or unlock it). A locked request stays on its vehicle, in
 * its order among the vehicle's locked stops, when the day is re-planned (locks.ts); a lock follows
 * the request when the dispatcher moves it. No stop moves, so no driver is sent anything.
 */
import type { Plan } from '../../../domain/entities/plan';
import { ConflictError } from '../../../domain/errors';
import { type BoardPorts, type BoardTarget, changeBoard, routeOf } from './board-change';
import { keepStep } from './board-steps';

export async function lockRequest(
  ports: BoardPorts,
  target: BoardTarget,
  { requestId, locked }: { requestId: string; locked: boolean },
): Promise<Plan> {
  return changeBoard(ports, target, async (loaded) => {
    const route = routeOf(loaded.plan, requestId);
    if (!route)
      throw new ConflictError(`Request ${requestId} is not on a route of ${target.date}`, undefined, {
        reason: 'закріпити можна лише заявку, що стоїть у маршруті',
      });
    if (route.stops.every((s) => (s.locked ?? false) === locked)) return undefined;
    const flag = (s: Plan['routes'][number]['stops'][number]) => {
      if (s.requestId !== requestId) return s;
      const { locked: _, ...rest } = s;
      return locked ? { ...rest, locked: true } : rest;
    };
    const routes = loaded.plan.routes.map((r) => ({ ...r, stops: r.stops.map(flag) }));
    return {
      plan: { ...loaded.plan, routes },
      requests: (kept) => loaded.requests.filter((r) => kept.has(r.id)),
      engine: keepStep(),
      unassigned: (current) => current,
      fields: ['routes'],
    };
  });
}
