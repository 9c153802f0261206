import { z } from 'zod';
import { eraseResident } from '../../../shared/app/personal-data/erase-resident';
import { exportResident } from '../../../shared/app/personal-data/export-resident';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';

const eraseBody = z.strictObject({ version: z.number().int().positive() });

/** A resident's rights over their data: a copy of it, and its erasure. */
export function personalDataRoutes(ports: Ports): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/hromady/{hromadaId}/residents/{id}/export',
      summary: 'Everything kept about a resident (requests, SMS, replies, audit) as one JSON document',
      handle: async ({ params }) => json(200, await exportResident(ports, params.hromadaId, params.id)),
    }),
    defineRoute({
      method: 'POST',
      path: '/hromady/{hromadaId}/residents/{id}/erase',
      summary:
        "Erase a resident's personal data (read at version); trip counts by settlement and service stay",
      access: 'admin',
      body: { schema: eraseBody, what: 'erasure' },
      handle: async ({ params, body, actor }) =>
        json(200, await eraseResident(ports, params.hromadaId, params.id, body.version, actor)),
    }),
  ];
}
