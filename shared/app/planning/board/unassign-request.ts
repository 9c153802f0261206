/**
 * Board: take a request off its route: it waits among the plan's unassigned ("знято диспетчером")
 * and goes back to confirmed (or requested). The other stops keep their order; their times are
 * recomputed. A ride already begun stays.
 */
import type { Plan } from '../../../domain/entities/plan';
import { ConflictError } from '../../../domain/errors';
import { type BoardPorts, type BoardTarget, changeBoard, routeOf } from './board-change';
import { TAKEN_OFF_BY_DISPATCHER } from './board-reasons';
import { removeStep } from './board-steps';

export async function unassignRequest(
  ports: BoardPorts,
  target: BoardTarget,
  { requestId }: { requestId: string },
): Promise<Plan> {
  return changeBoard(ports, target, async (loaded) => {
    if (!routeOf(loaded.plan, requestId))
      throw new ConflictError(`Request ${requestId} is not on a route of ${target.date}`, undefined, {
        reason: 'заявка не стоїть у жодному маршруті',
      });
    return {
      requests: (kept) => loaded.requests.filter((r) => kept.has(r.id)),
      engine: removeStep(requestId),
      unassigned: (current) => [
        ...current.filter((u) => u.requestId !== requestId),
        { requestId, reason: TAKEN_OFF_BY_DISPATCHER },
      ],
      fields: ['routes', 'unassigned'],
    };
  });
}
