import { z } from 'zod';
import { createServiceAgreement, listServiceAgreements } from '../../../shared/app/tours/agreements';
import { cancelTour } from '../../../shared/app/tours/cancel-tour';
import { cancelTourVisit } from '../../../shared/app/tours/cancel-tour-visit';
import { getTourJob, startTourJob, tourJobView } from '../../../shared/app/tours/tour-job';
import {
  hromadaTourView,
  listProviderTours,
  listTourVisits,
  providerTourView,
} from '../../../shared/app/tours/tour-views';
import { createTourVisit } from '../../../shared/app/tours/tour-visits';
import { withdrawConsent } from '../../../shared/app/tours/withdraw-consent';
import { idSchema, localDateSchema, textSchema } from '../../../shared/domain/common';
import { serviceAgreementCreateSchema } from '../../../shared/domain/entities/service-agreement';
import { tourCreateSchema } from '../../../shared/domain/entities/tour';
import { tourVisitCreateSchema } from '../../../shared/domain/entities/tour-visit';
import { type Input, idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import {
  type Access,
  defineRoute,
  type ParamsSchema,
  type Route,
  type RouteKey,
} from '../../../shared/http/route';
import { viewerOf } from '../../../shared/http/viewer';
import type { Ports } from '../../../shared/ports/ports';

const period = z.strictObject({ from: localDateSchema, to: localDateSchema });
const provider = z.object({ providerId: idSchema });
const providerTour = z.object({ providerId: idSchema, id: idSchema });
const hromadaProvider = z.object({ hromadaId: idSchema, providerId: idSchema });
const reasonSchema = textSchema(1, 200).optional();
const cancelBody = z.strictObject({ version: z.number().int().positive(), reason: reasonSchema });
const withdrawBody = z.strictObject({
  version: z.number().int().positive(),
  /** The first date without consent; absent: today. */
  from: localDateSchema.optional(),
  reason: reasonSchema,
});

/** A cancel at the version seen, with an optional reason: at most once per key, the cancelled item its answer. */
function cancelRoute<Key extends RouteKey, P extends ParamsSchema | undefined = undefined>(
  ports: Ports,
  key: Key,
  summary: string,
  spec: { access?: Access; params?: P },
  cancel: (
    once: Ports,
    call: Input<Key, P, undefined, typeof cancelBody>,
    input: { version: number; reason?: string },
  ) => Promise<unknown>,
): Route {
  return idempotentRoute<Key, P, undefined, typeof cancelBody>(ports, key, summary, {
    ...spec,
    body: { schema: cancelBody, what: 'cancel' },
    handle: async (call, once) => {
      const { version, reason } = call.body;
      return json(200, await cancel(once, call, { version, ...(reason ? { reason } : {}) }));
    },
  });
}

/**
 * Regional tours (docs/services/regional-tours.md): a hromada's agreements and visits, the
 * provider's tours, and each hromada's view of a tour (its own visits only).
 */
export function tourRoutes(ports: Ports): Route[] {
  return [
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/service-agreements',
      "Record the hromada's consent to a provider",
      {
        access: 'hromada-admin',
        body: { schema: serviceAgreementCreateSchema, what: 'service agreement' },
        status: 201,
        handle: async ({ params, body, actor }, once) =>
          json(201, await createServiceAgreement(once, params.hromadaId, body, actor)),
      },
    ),
    defineRoute('GET /hromady/{hromadaId}/service-agreements', "The hromada's agreements with providers", {
      handle: async ({ params }) => json(200, await listServiceAgreements(ports, params.hromadaId)),
    }),
    idempotentRoute(ports, 'POST /hromady/{hromadaId}/tour-visits', "Book a visit of a provider's tour", {
      body: { schema: tourVisitCreateSchema, what: 'tour visit' },
      status: 201,
      handle: async ({ params, body, actor }, once) =>
        json(201, await createTourVisit(once, params.hromadaId, body, actor)),
    }),
    defineRoute('GET /hromady/{hromadaId}/tour-visits', "The hromada's tour visits of a period", {
      query: period,
      handle: async ({ params, query, event }) =>
        json(200, await listTourVisits(ports, viewerOf(event), params.hromadaId, query.from, query.to)),
    }),
    defineRoute('GET /hromady/{hromadaId}/tours/{id}', "A provider's tour: the hromada's own visits only", {
      handle: async ({ params, event }) =>
        json(200, await hromadaTourView(ports, params.hromadaId, params.id, viewerOf(event))),
    }),
    idempotentRoute(
      ports,
      'POST /providers/{providerId}/tours',
      "Plan a provider's multi-day tour: a background job (202, its Location)",
      {
        access: 'provider',
        params: provider,
        body: { schema: tourCreateSchema, what: 'tour' },
        status: 202,
        keepHeaders: ['location'],
        handle: async ({ params, body, actor }, once) => {
          const job = await startTourJob(once, params.providerId, body, actor);
          const answer = json(202, tourJobView(job));
          const location = `/providers/${encodeURIComponent(params.providerId)}/tour-jobs/${job.id}`;
          return { ...answer, headers: { ...answer.headers, location } };
        },
      },
    ),
    defineRoute(
      'GET /providers/{providerId}/tour-jobs/{id}',
      'A tour planning job: state, progress, tour id',
      {
        access: 'provider',
        params: providerTour,
        handle: async ({ params }) =>
          json(200, tourJobView(await getTourJob(ports, params.providerId, params.id))),
      },
    ),
    cancelRoute(
      ports,
      'POST /providers/{providerId}/tours/{id}/cancel',
      'Cancel a tour: its visits go back to unplanned',
      { access: 'provider', params: providerTour },
      (once, { params, actor }, input) => cancelTour(once, params.providerId, params.id, input, actor),
    ),
    cancelRoute(
      ports,
      'POST /hromady/{hromadaId}/tour-visits/{id}/cancel',
      'Cancel a tour visit (taken off its tour)',
      {},
      (once, { params, actor }, input) => cancelTourVisit(once, params.hromadaId, params.id, input, actor),
    ),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/service-agreements/{providerId}/withdraw',
      "Withdraw the hromada's consent from a date: its planned visits leave their tours",
      {
        access: 'hromada-admin',
        params: hromadaProvider,
        body: { schema: withdrawBody, what: 'withdrawal' },
        handle: async ({ params, body, actor }, once) => {
          const { from, reason, version } = body;
          const input = { version, ...(from ? { from } : {}), ...(reason ? { reason } : {}) };
          return json(200, await withdrawConsent(once, params.hromadaId, params.providerId, input, actor));
        },
      },
    ),
    defineRoute('GET /providers/{providerId}/tours', "A provider's tours", {
      access: 'provider',
      params: provider,
      handle: async ({ params }) => json(200, await listProviderTours(ports, params.providerId)),
    }),
    defineRoute('GET /providers/{providerId}/tours/{id}', 'A tour with every visit, for its provider', {
      access: 'provider',
      params: providerTour,
      handle: async ({ params, event }) =>
        json(200, await providerTourView(ports, params.providerId, params.id, viewerOf(event))),
    }),
  ];
}
