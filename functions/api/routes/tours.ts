import { z } from 'zod';
import { createServiceAgreement, listServiceAgreements } from '../../../shared/app/tours/agreements';
import { planTour } from '../../../shared/app/tours/plan-tour';
import { hromadaTourView, listProviderTours, providerTourView } from '../../../shared/app/tours/tour-views';
import { createTourVisit, listTourVisits } from '../../../shared/app/tours/tour-visits';
import { idSchema, localDateSchema } from '../../../shared/domain/common';
import { serviceAgreementCreateSchema } from '../../../shared/domain/entities/service-agreement';
import { tourCreateSchema } from '../../../shared/domain/entities/tour';
import { tourVisitCreateSchema } from '../../../shared/domain/entities/tour-visit';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import { viewerOf } from '../../../shared/http/viewer';
import type { Ports } from '../../../shared/ports/ports';

const period = z.strictObject({ from: localDateSchema, to: localDateSchema });
const provider = z.object({ providerId: idSchema });
const providerTour = z.object({ providerId: idSchema, id: idSchema });

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
      handle: async ({ params, query }) =>
        json(200, await listTourVisits(ports, params.hromadaId, query.from, query.to)),
    }),
    defineRoute('GET /hromady/{hromadaId}/tours/{id}', "A provider's tour: the hromada's own visits only", {
      handle: async ({ params, event }) =>
        json(200, await hromadaTourView(ports, params.hromadaId, params.id, viewerOf(event))),
    }),
    idempotentRoute(ports, 'POST /providers/{providerId}/tours', "Plan a provider's multi-day tour", {
      access: 'provider',
      params: provider,
      body: { schema: tourCreateSchema, what: 'tour' },
      status: 201,
      handle: async ({ params, body, actor }, once) =>
        json(201, await planTour(once, params.providerId, body, actor)),
    }),
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
