import { z } from 'zod';
import { readResidentTrips } from '../../../shared/app/confidential/resident-trips';
import { localDateSchema } from '../../../shared/domain/common';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import { viewerOf } from '../../../shared/http/viewer';
import type { Ports } from '../../../shared/ports/ports';

const periodQuery = z.object({ from: localDateSchema, to: localDateSchema });

/** A caller's trips for the phone intake: one read by date range (docs/data-model.md CN1). */
export function residentTripRoutes(ports: Ports): Route[] {
  return [
    defineRoute(
      'GET /hromady/{hromadaId}/residents/{id}/requests',
      "A resident's service requests with service dates from `from` to `to` (at most 92 days), oldest first",
      {
        query: periodQuery,
        handle: async ({ params, query, event }) =>
          json(200, {
            items: await readResidentTrips(ports, viewerOf(event), params.hromadaId, params.id, query),
          }),
      },
    ),
  ];
}
