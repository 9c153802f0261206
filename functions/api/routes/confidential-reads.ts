import { z } from 'zod';
import {
  readCallers,
  readResident,
  readResidentExport,
  readResidents,
  readServiceRequest,
  readServiceRequestsForDay,
} from '../../../shared/app/confidential/confidential-reads';
import { localDateSchema } from '../../../shared/domain/common';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import { viewerOf } from '../../../shared/http/viewer';
import type { Ports } from '../../../shared/ports/ports';
import { confidentialAnswerRoutes } from './confidential-answers';
import { pageQuery } from './page-query';

const phoneQuery = z.object({ phone: z.string().min(5).max(40) });
const dateQuery = z.object({ date: localDateSchema });

/**
 * The reads that may return a confidential case (residents, requests, who is calling, a resident's
 * export): each masks it for a reader not entitled to it and audits the read
 * (shared/app/confidential). They replace the plain reads of the same route keys (`withMasking`).
 */
export function confidentialReadRoutes(ports: Ports): Route[] {
  return [
    defineRoute('GET /hromady/{hromadaId}/requests', "The day's service requests", {
      query: dateQuery,
      handle: async ({ params, query, event }) =>
        json(200, {
          items: await readServiceRequestsForDay(ports, viewerOf(event), params.hromadaId, query.date),
        }),
    }),
    defineRoute('GET /hromady/{hromadaId}/requests/{id}', 'A service request', {
      handle: async ({ params, event }) =>
        json(200, await readServiceRequest(ports, viewerOf(event), params.hromadaId, params.id)),
    }),
    defineRoute('GET /hromady/{hromadaId}/residents', 'List residents', {
      query: pageQuery,
      handle: async ({ params, query, event }) =>
        json(200, await readResidents(ports, viewerOf(event), params.hromadaId, query)),
    }),
    defineRoute('GET /hromady/{hromadaId}/residents/{id}', 'A Resident', {
      handle: async ({ params, event }) =>
        json(200, await readResident(ports, viewerOf(event), params.hromadaId, params.id)),
    }),
    defineRoute('GET /hromady/{hromadaId}/callers', 'The residents and drivers with this phone number', {
      query: phoneQuery,
      handle: async ({ params, query, event }) =>
        json(200, { items: await readCallers(ports, viewerOf(event), params.hromadaId, query.phone) }),
    }),
    defineRoute(
      'GET /hromady/{hromadaId}/residents/{id}/export',
      'Everything kept about a resident (requests, SMS, replies, audit) as one JSON document',
      {
        handle: async ({ params, event }) =>
          json(200, await readResidentExport(ports, viewerOf(event), params.hromadaId, params.id)),
      },
    ),
  ];
}

/**
 * The routes with each plain read, and each write that answers with a request or a resident,
 * replaced in place by its masking twin of the same key.
 */
export function withMasking(routes: Route[], ports: Ports): Route[] {
  const masking = new Map(
    [...confidentialReadRoutes(ports), ...confidentialAnswerRoutes(ports)].map((r) => [
      `${r.method} ${r.path}`,
      r,
    ]),
  );
  const replaced = routes.map((r) => masking.get(`${r.method} ${r.path}`) ?? r);
  const missing = [...masking.keys()].filter((k) => !replaced.some((r) => `${r.method} ${r.path}` === k));
  if (missing.length > 0) throw new Error(`withMasking: no route to replace: ${missing.join(', ')}`);
  return replaced;
}
