import {
  cancelStandingOrder,
  createStandingOrder,
  editStandingOrder,
  getStandingOrder,
  listStandingOrders,
} from '../../../shared/app/standing-orders/standing-orders';
import {
  standingOrderCreateSchema,
  standingOrderEditSchema,
} from '../../../shared/domain/entities/standing-order';
import { created, idempotencyHeaders, idempotencyScope } from '../../../shared/http/idempotency-key';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { pageQuery } from './page-query';
import { versionBody } from './version-body';

/**
 * Standing orders (e.g. dialysis Mon/Wed/Fri): the rides of the days ahead are booked from them
 * daily. One ride is an ordinary request (PATCH / cancel it); these change all future ones.
 */
export function standingOrderRoutes(ports: Ports): Route[] {
  const base = '/hromady/{hromadaId}/standing-orders' as const;
  return [
    defineRoute(`GET ${base}`, 'List standing orders', {
      query: pageQuery,
      handle: async ({ params, query }) =>
        json(200, await listStandingOrders(ports, params.hromadaId, query)),
    }),
    defineRoute(`POST ${base}`, 'Create a standing order (its rides of the days ahead are booked at once)', {
      headers: idempotencyHeaders,
      body: { schema: standingOrderCreateSchema, what: 'standing order' },
      status: 201,
      handle: async ({ params, headers, body, actor }) => {
        const scope = idempotencyScope(params.hromadaId, actor, headers);
        return created(await createStandingOrder(ports, params.hromadaId, body, actor, scope));
      },
    }),
    defineRoute(`GET ${base}/{id}`, 'A standing order', {
      handle: async ({ params }) => json(200, await getStandingOrder(ports, params.hromadaId, params.id)),
    }),
    defineRoute(
      `PATCH ${base}/{id}`,
      'Change all future rides of a standing order (the version read); rides not yet planned follow',
      {
        body: { schema: standingOrderEditSchema, what: 'standing order edit' },
        handle: async ({ params, body, actor }) =>
          json(200, await editStandingOrder(ports, params.hromadaId, params.id, body, actor)),
      },
    ),
    idempotentRoute(
      ports,
      `POST ${base}/{id}/cancel`,
      'Cancel a standing order: no more rides; those not yet planned are cancelled',
      {
        body: { schema: versionBody, what: 'cancel' },
        handle: async ({ params, body, actor }, ports) =>
          json(200, await cancelStandingOrder(ports, params.hromadaId, params.id, body.version, actor)),
      },
    ),
  ];
}
