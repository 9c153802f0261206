/**
 * The requests follow their day's plan: planning sets `planned`, publishing sets `dispatched`, a
 * request a re-plan took off the routes goes back to confirmed or requested (request-lifecycle.ts,
 * `statusFromPlan`). A step after the plan's own transaction, not inside it: a day of 100 requests
 * would pass DynamoDB's 100 items per transaction. It is idempotent (it writes only requests whose
 * status differs from the plan's), each request is written alone on its version, and a request
 * changed meanwhile is read again and reconsidered once; any caller may run it again.
 */
import type { Hromada } from '../../domain/entities/hromada';
import type { Plan } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError } from '../../domain/errors';
import { canMove, statusFromPlan } from '../../domain/request-lifecycle';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { windowNotice } from './window-notice';

type FollowPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

/**
 * Moves the day's requests to the statuses `plan` gives them; the number moved. A published plan
 * also tells each resident whose planned window differs from the one they know (window-notice.ts),
 * in the same write as the request's move.
 */
export async function followPlan(ports: FollowPorts, hromadaId: string, plan: Plan): Promise<number> {
  const onRoute = new Set(plan.routes.flatMap((r) => r.stops.map((s) => s.requestId)));
  const requests = await ports.entities.requests.forDay(hromadaId, plan.date);
  const hromada = plan.status === 'published' ? await ports.entities.hromady.get(hromadaId) : undefined;
  const ctx = { plan, hromada };
  let moved = 0;
  for (const request of requests) {
    try {
      if (await follow(ports, request, onRoute.has(request.id), ctx)) moved++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // changed since the day was read (a cancellation, a reply): read it again, decide again
      const fresh = await ports.entities.requests.get(hromadaId, request.id);
      if (fresh && (await followOrSkip(ports, fresh, onRoute.has(fresh.id), ctx))) moved++;
    }
  }
  return moved;
}

async function follow(
  ports: FollowPorts,
  request: ServiceRequest,
  onRoute: boolean,
  { plan, hromada }: { plan: Plan; hromada: Hromada | undefined },
): Promise<boolean> {
  const status = statusFromPlan(request, onRoute, plan.status);
  const moves = status !== request.status && canMove(request.status, status, 'planner');
  const notice =
    hromada && onRoute && status === 'dispatched' && (moves || request.status === 'dispatched')
      ? await windowNotice(ports, hromada, plan, request)
      : undefined;
  if (!moves && !notice) return false;
  const item: ServiceRequest = {
    ...request,
    status: moves ? status : request.status,
    ...(notice ? { plannedWindow: notice.window } : {}),
    version: request.version + 1,
    updatedAt: ports.clock.now().toISOString(),
  };
  await ports.entities.commit([
    { op: 'update', entity: 'ServiceRequest', item, expectedVersion: request.version },
    ...(notice && hromada
      ? [
          auditChange(ports, hromada, 'system:plan', 'update', 'ServiceRequest', request.id, [
            'plannedWindow',
          ]),
          ...notice.changes,
        ]
      : []),
  ]);
  return moves;
}

/** A second conflict: skip it; the next plan, publish or insertion moves it. */
async function followOrSkip(...args: Parameters<typeof follow>): Promise<boolean> {
  try {
    return await follow(...args);
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}
