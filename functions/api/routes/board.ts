import { z } from 'zod';
import { assignRequest } from '../../../shared/app/planning/board/assign-request';
import type { BoardTarget } from '../../../shared/app/planning/board/board-change';
import { lockRequest } from '../../../shared/app/planning/board/lock-request';
import { planView } from '../../../shared/app/planning/board/plan-view';
import { unassignRequest } from '../../../shared/app/planning/board/unassign-request';
import { setVehicleService } from '../../../shared/app/planning/board/vehicle-service';
import type { Actor } from '../../../shared/domain/actor';
import { idSchema } from '../../../shared/domain/common';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import type { Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';

/** Every board body carries the plan version the dispatcher saw. */
const version = z.number().int().positive();
const assignBody = z.strictObject({ version, requestId: idSchema, vehicleId: idSchema });
const unassignBody = z.strictObject({ version, requestId: idSchema });
const lockBody = z.strictObject({ version, requestId: idSchema, locked: z.boolean() });
const serviceBody = z.strictObject({ version, inService: z.boolean() });

const target = (params: { hromadaId: string; date: string }, v: number, actor: Actor): BoardTarget => ({
  hromadaId: params.hromadaId,
  date: params.date,
  version: v,
  actor,
});

/**
 * The dispatcher's board: hand edits of a day's plan, each checked by the routing checker before it
 * is saved. Each answers the plan as `GET /hromady/{h}/plans/{date}` does.
 */
export function boardRoutes(ports: Ports): Route[] {
  const base = '/hromady/{hromadaId}/plans/{date}';
  return [
    idempotentRoute(ports, `POST ${base}/assign`, 'Board: put a request on a vehicle (or move it there)', {
      body: { schema: assignBody, what: 'assign' },
      handle: async ({ params, body, actor }, ports) =>
        json(200, planView(await assignRequest(ports, target(params, body.version, actor), body))),
    }),
    idempotentRoute(ports, `POST ${base}/unassign`, 'Board: take a request off its route', {
      body: { schema: unassignBody, what: 'unassign' },
      handle: async ({ params, body, actor }, ports) =>
        json(200, planView(await unassignRequest(ports, target(params, body.version, actor), body))),
    }),
    idempotentRoute(
      ports,
      `POST ${base}/locks`,
      'Board: lock a request to its vehicle and order (or unlock it)',
      {
        body: { schema: lockBody, what: 'lock' },
        handle: async ({ params, body, actor }, ports) =>
          json(200, planView(await lockRequest(ports, target(params, body.version, actor), body))),
      },
    ),
    idempotentRoute(
      ports,
      `POST ${base}/vehicles/{id}/service`,
      'Board: a vehicle out of service for the day, or back',
      {
        body: { schema: serviceBody, what: 'vehicle service' },
        handle: async ({ params, body, actor }, ports) =>
          json(
            200,
            planView(
              await setVehicleService(ports, target(params, body.version, actor), {
                vehicleId: params.id,
                inService: body.inService,
              }),
            ),
          ),
      },
    ),
  ];
}
