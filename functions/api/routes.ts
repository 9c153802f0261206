import { z } from 'zod';
import type { Ports } from '../../shared/app/deps';
import { listAudit, listInbound, listMessages } from '../../shared/app/logs';
import { insertIntoPlan } from '../../shared/app/planning/insert-into-plan';
import { planDay } from '../../shared/app/planning/plan-day';
import { publishPlan } from '../../shared/app/planning/publish-plan';
import { getPlan } from '../../shared/app/planning/read-plan';
import {
  createEntityOnce,
  createHromadaOnce,
  deleteEntity,
  findByPhone,
  getEntity,
  listEntities,
  requireHromada,
  updateEntity,
} from '../../shared/app/registry';
import {
  bookServiceRequestOnce,
  changeRequestStatus,
  getServiceRequest,
  listServiceRequestsByDate,
  recordOutcome,
} from '../../shared/app/service-requests';
import { idSchema, localDateSchema } from '../../shared/domain/common';
import { hromadaKind, type RegistryKind, registryKinds } from '../../shared/domain/registry';
import { parseOrThrow } from '../../shared/domain/validation';
import { created, idempotencyScope } from '../../shared/http/idempotency-key';
import { actorOf, jsonBody } from '../../shared/http/request';
import { json, noContent } from '../../shared/http/responses';
import type { Route, RouteRequest } from '../../shared/http/router';

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(2000).optional(),
});
const versionQuery = z.object({ version: z.coerce.number().int().positive() });
const versionBody = z.strictObject({ version: z.number().int().positive() });
const dateQuery = z.object({ date: localDateSchema });
const insertBody = z.strictObject({
  requestId: idSchema,
  version: z.number().int().positive(),
  seconds: z.number().min(0.1).max(5).default(1),
});
const outcomeBody = z.strictObject({
  version: z.number().int().positive(),
  outcome: z.enum(['done', 'no-show']),
});
const phoneQuery = z.object({ phone: z.string().min(5).max(40) });
/**
 * Planning runs inside the API call: the engine's budget stays well under the function's 15 s
 * timeout. `version` is the plan version the dispatcher last saw (absent for a first plan).
 */
const planBody = z.strictObject({
  seconds: z.number().min(0.5).max(10).default(3),
  version: z.number().int().positive().optional(),
});

/**
 * HTTP routes → use cases. Each route parses its input, calls one use case, maps the result.
 * Path parameters (`hromadaId`, `id`, `date`) arrive already checked by the router
 * (shared/http/path-params.ts).
 */
export function apiRoutes(ports: Ports, maxBodyBytes: number): Route[] {
  const body = (r: RouteRequest) => jsonBody(r.event, maxBodyBytes);
  const page = (r: RouteRequest) => parseOrThrow(pageQuery, r.query, 'query');

  const crud = (kind: RegistryKind, base: string): Route[] => [
    {
      method: 'GET',
      path: base,
      handle: async (r) => json(200, await listEntities(ports, kind, r.params.hromadaId ?? '', page(r))),
    },
    {
      method: 'POST',
      path: base,
      handle: async (r) => {
        const h = r.params.hromadaId!;
        const key = idempotencyScope(r.event, h);
        return created(await createEntityOnce(ports, kind, h, body(r), actorOf(r.event), key));
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: async (r) => json(200, await getEntity(ports, kind, r.params.hromadaId!, r.params.id!)),
    },
    {
      method: 'PATCH',
      path: `${base}/{id}`,
      handle: async (r) =>
        json(
          200,
          await updateEntity(ports, kind, r.params.hromadaId!, r.params.id!, body(r), actorOf(r.event)),
        ),
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: async (r) => {
        const { version } = parseOrThrow(versionQuery, r.query, 'query');
        await deleteEntity(ports, kind, r.params.hromadaId!, r.params.id!, version, actorOf(r.event));
        return noContent();
      },
    },
  ];

  return [
    {
      method: 'GET',
      path: '/health',
      access: 'public',
      handle: async () => {
        await ports.entities.listHromady({ limit: 1 });
        return json(200, { status: 'ok', database: 'ok', time: ports.clock.now().toISOString() });
      },
    },
    {
      method: 'GET',
      path: '/hromady',
      access: 'admin',
      handle: async (r) => json(200, await listEntities(ports, hromadaKind, '', page(r))),
    },
    {
      method: 'POST',
      path: '/hromady',
      access: 'admin',
      handle: async (r) =>
        created(await createHromadaOnce(ports, body(r), actorOf(r.event), idempotencyScope(r.event, '*'))),
    },
    {
      method: 'GET',
      path: '/hromady/{hromadaId}',
      handle: async (r) => json(200, await requireHromada(ports, r.params.hromadaId!)),
    },
    {
      method: 'PATCH',
      path: '/hromady/{hromadaId}',
      access: 'admin',
      handle: async (r) =>
        json(
          200,
          await updateEntity(
            ports,
            hromadaKind,
            r.params.hromadaId!,
            r.params.hromadaId!,
            body(r),
            actorOf(r.event),
          ),
        ),
    },
    {
      method: 'GET',
      path: '/hromady/{hromadaId}/callers',
      handle: async (r) => {
        const { phone } = parseOrThrow(phoneQuery, r.query, 'query');
        return json(200, { items: await findByPhone(ports, r.params.hromadaId!, phone) });
      },
    },
    ...Object.values(registryKinds).flatMap((kind) => crud(kind, `/hromady/{hromadaId}/${kind.plural}`)),
    {
      method: 'GET',
      path: '/hromady/{hromadaId}/requests',
      handle: async (r) => {
        const { date } = parseOrThrow(dateQuery, r.query, 'query');
        return json(200, { items: await listServiceRequestsByDate(ports, r.params.hromadaId!, date) });
      },
    },
    {
      method: 'POST',
      path: '/hromady/{hromadaId}/requests',
      handle: async (r) => {
        const h = r.params.hromadaId!;
        const key = idempotencyScope(r.event, h);
        return created(await bookServiceRequestOnce(ports, h, body(r), actorOf(r.event), key));
      },
    },
    {
      method: 'GET',
      path: '/hromady/{hromadaId}/requests/{id}',
      handle: async (r) => json(200, await getServiceRequest(ports, r.params.hromadaId!, r.params.id!)),
    },
    ...(['cancel', 'confirm'] as const).map(
      (action): Route => ({
        method: 'POST',
        path: `/hromady/{hromadaId}/requests/{id}/${action}`,
        handle: async (r) => {
          const { version } = parseOrThrow(versionBody, body(r), action);
          const next = action === 'cancel' ? 'cancelled' : 'confirmed';
          const { hromadaId, id } = r.params;
          return json(
            200,
            await changeRequestStatus(ports, hromadaId!, id!, version, next, actorOf(r.event), []),
          );
        },
      }),
    ),
    {
      method: 'POST',
      path: '/hromady/{hromadaId}/requests/{id}/outcome',
      handle: async (r) => {
        const { version, outcome } = parseOrThrow(outcomeBody, body(r), 'outcome');
        const { hromadaId, id } = r.params;
        return json(200, await recordOutcome(ports, hromadaId!, id!, version, outcome, actorOf(r.event), []));
      },
    },
    {
      method: 'GET',
      path: '/hromady/{hromadaId}/plans/{date}',
      handle: async (r) => {
        const date = r.params.date!;
        return json(200, await getPlan(ports, r.params.hromadaId!, date));
      },
    },
    {
      method: 'POST',
      path: '/hromady/{hromadaId}/plans/{date}',
      handle: async (r) => {
        const date = r.params.date!;
        const { seconds, version } = parseOrThrow(planBody, r.event.body ? body(r) : {}, 'plan');
        const plan = await planDay(ports, r.params.hromadaId!, date, actorOf(r.event), {
          timeLimitMs: seconds * 1000,
          ...(version !== undefined ? { expectedVersion: version } : {}),
        });
        return json(200, plan);
      },
    },
    {
      method: 'POST',
      path: '/hromady/{hromadaId}/plans/{date}/requests',
      handle: async (r) => {
        const date = r.params.date!;
        const { requestId, version, seconds } = parseOrThrow(insertBody, body(r), 'insert');
        return json(
          200,
          await insertIntoPlan(ports, r.params.hromadaId!, date, requestId, version, actorOf(r.event), {
            timeLimitMs: seconds * 1000,
          }),
        );
      },
    },
    {
      method: 'POST',
      path: '/hromady/{hromadaId}/plans/{date}/publish',
      handle: async (r) => {
        const date = r.params.date!;
        const { version } = parseOrThrow(versionBody, body(r), 'publish');
        return json(200, await publishPlan(ports, r.params.hromadaId!, date, version, actorOf(r.event)));
      },
    },
    {
      method: 'GET',
      path: '/hromady/{hromadaId}/messages',
      handle: async (r) => json(200, await listMessages(ports, r.params.hromadaId!, page(r))),
    },
    {
      method: 'GET',
      path: '/hromady/{hromadaId}/inbound',
      handle: async (r) => json(200, await listInbound(ports, r.params.hromadaId!, page(r))),
    },
    {
      method: 'GET',
      path: '/hromady/{hromadaId}/audit',
      handle: async (r) => json(200, await listAudit(ports, r.params.hromadaId!, page(r))),
    },
  ];
}
