import { eraseResident } from '../../../shared/app/personal-data/erase-resident';
import { exportResident } from '../../../shared/app/personal-data/export-resident';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { versionBody } from './version-body';

/** A resident's rights over their data: a copy of it, and its erasure. */
export function personalDataRoutes(ports: Ports): Route[] {
  return [
    defineRoute(
      'GET /hromady/{hromadaId}/residents/{id}/export',
      'Everything kept about a resident (requests, SMS, replies, audit) as one JSON document',
      {
        handle: async ({ params }) => json(200, await exportResident(ports, params.hromadaId, params.id)),
      },
    ),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/residents/{id}/erase',
      "Erase a resident's personal data (read at version); trip counts by settlement and service stay",
      {
        access: 'admin',
        body: { schema: versionBody, what: 'erasure' },
        handle: async ({ params, body, actor }, ports) =>
          json(200, await eraseResident(ports, params.hromadaId, params.id, body.version, actor)),
      },
    ),
  ];
}
