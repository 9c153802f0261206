import { z } from 'zod';
import { planViewSchema } from '../../shared/app/planning/board/plan-view';
import { alertSchema } from '../../shared/domain/entities/alert';
import { auditEntrySchema } from '../../shared/domain/entities/audit-entry';
import { depotSchema } from '../../shared/domain/entities/depot';
import { driverSchema } from '../../shared/domain/entities/driver';
import { hromadaSchema } from '../../shared/domain/entities/hromada';
import { inboundSmsSchema } from '../../shared/domain/entities/inbound-sms';
import { outboxMessageSchema } from '../../shared/domain/entities/outbox-message';
import { providerSchema } from '../../shared/domain/entities/provider';
import { residentSchema } from '../../shared/domain/entities/resident';
import { serviceRequestSchema } from '../../shared/domain/entities/service-request';
import { settlementSchema } from '../../shared/domain/entities/settlement';
import { vehicleSchema } from '../../shared/domain/entities/vehicle';
import { INTERNAL_ONLY } from '../../shared/domain/secrets-out';
import {
  type ApiInfo,
  type OpenApiDocument,
  openApiDocument,
  type ResponseBody,
} from '../../shared/http/openapi';
import type { Route } from '../../shared/http/route';

/**
 * What the generated description (shared/http/openapi.ts) needs beyond the routes: the API's
 * title and version, and the schemas of the success bodies the routes answer with. A route
 * missing here is described with a generic object body; a key naming no route fails the tests.
 */
export const API_INFO: ApiInfo = {
  title: 'hromada-dispatch API',
  version: '0.1.0',
  description:
    'The HTTP API of hromada-dispatch: the registry of a hromada, service requests, the day plans and the SMS logs. Generated from the route declarations (functions/api/routes); `npm run openapi` writes docs/openapi.json.',
};

const REGISTRY: Array<[plural: string, name: string, schema: z.ZodType]> = [
  ['settlements', 'Settlement', settlementSchema],
  ['depots', 'Depot', depotSchema],
  ['providers', 'Provider', providerSchema],
  ['vehicles', 'Vehicle', vehicleSchema],
  ['drivers', 'Driver', driverSchema],
  ['residents', 'Resident', residentSchema],
];

const caller = z.union([
  residentSchema.extend({ type: z.literal('Resident') }),
  driverSchema.extend({ type: z.literal('Driver') }),
]);
/** As answered: without `reportedAs`, which no answer carries (shared/domain/secrets-out.ts). */
const request: ResponseBody = {
  name: 'ServiceRequest',
  schema: serviceRequestSchema.omit({ [INTERNAL_ONLY]: true }),
};
const plan: ResponseBody = { name: 'Plan', schema: planViewSchema };
const hromada: ResponseBody = { name: 'Hromada', schema: hromadaSchema };
const count = z.number().int().min(0);

export const RESPONSE_BODIES: Record<string, ResponseBody> = {
  'GET /health': {
    name: 'Health',
    schema: z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.iso.datetime() }),
  },
  'GET /hromady': { ...hromada, as: 'page' },
  'POST /hromady': hromada,
  'GET /hromady/{hromadaId}': hromada,
  'PATCH /hromady/{hromadaId}': hromada,
  'GET /hromady/{hromadaId}/callers': { name: 'Caller', schema: caller, as: 'items' },
  ...Object.fromEntries(
    REGISTRY.flatMap(([plural, name, schema]) => {
      const one = { name, schema };
      const base = `/hromady/{hromadaId}/${plural}`;
      return [
        [`GET ${base}`, { ...one, as: 'page' }],
        [`POST ${base}`, one],
        [`GET ${base}/{id}`, one],
        [`PATCH ${base}/{id}`, one],
      ];
    }),
  ),
  'GET /hromady/{hromadaId}/requests': { ...request, as: 'items' },
  'POST /hromady/{hromadaId}/requests': request,
  'GET /hromady/{hromadaId}/requests/{id}': request,
  'POST /hromady/{hromadaId}/requests/{id}/cancel': request,
  'POST /hromady/{hromadaId}/requests/{id}/confirm': request,
  'POST /hromady/{hromadaId}/requests/{id}/outcome': request,
  'GET /hromady/{hromadaId}/plans/{date}': plan,
  'POST /hromady/{hromadaId}/plans/{date}': plan,
  'POST /hromady/{hromadaId}/plans/{date}/assign': plan,
  'POST /hromady/{hromadaId}/plans/{date}/unassign': plan,
  'POST /hromady/{hromadaId}/plans/{date}/locks': plan,
  'POST /hromady/{hromadaId}/plans/{date}/vehicles/{id}/service': plan,
  'POST /hromady/{hromadaId}/plans/{date}/requests': {
    name: 'InsertedRequest',
    schema: z.object({
      plan: planViewSchema,
      vehicleId: z.string().optional().describe('The vehicle that takes it (absent: see plan.unassigned)'),
      messages: count.describe('Route SMS queued for the drivers whose stops changed'),
    }),
  },
  'POST /hromady/{hromadaId}/plans/{date}/publish': {
    name: 'PublishedPlan',
    schema: z.object({
      plan: planViewSchema,
      messages: count.describe('Route messages queued (a long route is several)'),
      withoutDriver: z.array(z.string()).describe('Vehicles with a route but no active driver'),
    }),
  },
  'GET /hromady/{hromadaId}/messages': { name: 'OutboxMessage', schema: outboxMessageSchema, as: 'page' },
  'GET /hromady/{hromadaId}/inbound': { name: 'InboundSms', schema: inboundSmsSchema, as: 'page' },
  'GET /hromady/{hromadaId}/audit': { name: 'AuditEntry', schema: auditEntrySchema, as: 'page' },
  'GET /hromady/{hromadaId}/alerts': {
    name: 'AlertPage',
    schema: z.object({
      items: z.array(alertSchema),
      cursor: z.string().optional().describe('The next page (absent: the last page)'),
      next: z.string().optional().describe('The same cursor, as the other listings name it'),
    }),
  },
  'POST /hromady/{hromadaId}/alerts/{id}/handle': { name: 'Alert', schema: alertSchema },
};

/** The API's description from its routes. */
export function describeApi(routes: Route[]): OpenApiDocument {
  return openApiDocument(routes, API_INFO, { responses: RESPONSE_BODIES });
}
