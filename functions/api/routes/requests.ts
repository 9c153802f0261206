import { z } from 'zod';
import { editServiceRequest } from '../../../shared/app/edit-request';
import {
  bookServiceRequestOnce,
  changeRequestStatus,
  getServiceRequest,
  listServiceRequestsByDate,
  recordOutcome,
} from '../../../shared/app/service-requests';
import { localDateSchema } from '../../../shared/domain/common';
import {
  serviceRequestCreateSchema,
  serviceRequestEditSchema,
} from '../../../shared/domain/entities/service-request';
import { created, idempotencyHeaders, idempotencyScope } from '../../../shared/http/idempotency-key';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { callerOf } from '../../../shared/http/request';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { returnRoutes } from './returns';
import { versionBody } from './version-body';

/** A cancellation, and whether the ride's linked return stays booked (default: cancelled with it). */
export const cancelBody = versionBody.extend({ keepReturn: z.boolean().default(false) });

const dateQuery = z.object({ date: localDateSchema });
const outcomeBody = z.strictObject({
  version: z.number().int().positive(),
  outcome: z.enum(['on-board', 'done', 'no-show']),
});

/**
 * Service requests: the day's list, booking by phone, editing before a driver has it,
 * confirm/cancel, what happened at the stop.
 */
export function requestRoutes(ports: Ports): Route[] {
  return [
    defineRoute('GET /hromady/{hromadaId}/requests', "The day's service requests", {
      query: dateQuery,
      handle: async ({ params, query }) =>
        json(200, { items: await listServiceRequestsByDate(ports, params.hromadaId, query.date) }),
    }),
    defineRoute('POST /hromady/{hromadaId}/requests', 'Book a request taken by phone', {
      headers: idempotencyHeaders,
      body: { schema: serviceRequestCreateSchema, what: 'service request' },
      status: 201,
      handle: async ({ params, headers, body, actor, event }) => {
        const scope = idempotencyScope(params.hromadaId, actor, headers);
        const admin = callerOf(event)?.groups.includes('admins') === true;
        return created(await bookServiceRequestOnce(ports, params.hromadaId, body, actor, scope, { admin }));
      },
    }),
    defineRoute('GET /hromady/{hromadaId}/requests/{id}', 'A service request', {
      handle: async ({ params }) => json(200, await getServiceRequest(ports, params.hromadaId, params.id)),
    }),
    defineRoute(
      'PATCH /hromady/{hromadaId}/requests/{id}',
      'Edit or reschedule a request not yet sent to a driver (the version read)',
      {
        body: { schema: serviceRequestEditSchema, what: 'request edit' },
        handle: async ({ params, body, actor }) =>
          json(200, await editServiceRequest(ports, params.hromadaId, params.id, body, actor)),
      },
    ),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/requests/{id}/cancel',
      'Cancel a request (and its linked return, unless keepReturn)',
      {
        body: { schema: cancelBody, what: 'cancel' },
        handle: async ({ params, body, actor }, ports) => {
          const { hromadaId, id } = params;
          const options = { keepReturn: body.keepReturn };
          return json(
            200,
            await changeRequestStatus(
              ports,
              hromadaId,
              id,
              body.version,
              'cancelled',
              actor,
              [],
              'dispatcher',
              options,
            ),
          );
        },
      },
    ),
    idempotentRoute(ports, 'POST /hromady/{hromadaId}/requests/{id}/confirm', 'Confirm a request', {
      body: { schema: versionBody, what: 'confirm' },
      handle: async ({ params, body, actor }, ports) =>
        json(
          200,
          await changeRequestStatus(
            ports,
            params.hromadaId,
            params.id,
            body.version,
            'confirmed',
            actor,
            [],
            'dispatcher',
          ),
        ),
    }),
    ...returnRoutes(ports),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/requests/{id}/outcome',
      'What happened at the stop: on board, done or no-show',
      {
        body: { schema: outcomeBody, what: 'outcome' },
        handle: async ({ params, body, actor }, ports) => {
          const { hromadaId, id } = params;
          return json(
            200,
            await recordOutcome(ports, hromadaId, id, body.version, body.outcome, actor, [], 'dispatcher'),
          );
        },
      },
    ),
  ];
}
