import { z } from 'zod';
import { routeLine } from '../../../shared/app/planning/route-line';
import { createZones, deactivateZone, listZones } from '../../../shared/app/zones/danger-zones';
import { zoneUploadSchema } from '../../../shared/domain/entities/danger-zone';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import { viewerOf } from '../../../shared/http/viewer';
import type { Ports } from '../../../shared/ports/ports';
import { versionBody } from './version-body';

const listQuery = z.strictObject({
  /** `true`: in use; `false`: deactivated; absent: all. */
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/**
 * Danger zones and closed roads that routes avoid (docs/services/danger-zones.md), and a planned
 * route's road around them for the map.
 */
export function dangerZoneRoutes(ports: Ports): Route[] {
  const base = '/hromady/{hromadaId}/danger-zones' as const;
  return [
    defineRoute(`GET ${base}`, "The hromada's danger zones and closed roads", {
      query: listQuery,
      handle: async ({ params, query }) =>
        json(
          200,
          await listZones(
            ports,
            params.hromadaId,
            query.active !== undefined ? { active: query.active } : {},
          ),
        ),
    }),
    idempotentRoute(
      ports,
      `POST ${base}`,
      'Add danger zones: a GeoJSON Feature or FeatureCollection of Polygons or MultiPolygons',
      {
        body: { schema: zoneUploadSchema, what: 'danger zones' },
        status: 201,
        handle: async ({ params, body, actor }, once) =>
          json(201, { items: await createZones(once, params.hromadaId, body, actor) }),
      },
    ),
    idempotentRoute(ports, `POST ${base}/{id}/deactivate`, 'Deactivate a danger zone (the version read)', {
      body: { schema: versionBody, what: 'deactivate' },
      handle: async ({ params, body, actor }, once) =>
        json(200, await deactivateZone(once, params.hromadaId, params.id, body.version, actor)),
    }),
    defineRoute(
      'GET /hromady/{hromadaId}/plans/{date}/routes/{id}/geometry',
      "A planned route's road for the map (GeoJSON LineString; confidential stops at their settlement for readers who may not see them)",
      {
        handle: async ({ params, event }) =>
          json(200, await routeLine(ports, viewerOf(event), params.hromadaId, params.date, params.id)),
      },
    ),
  ];
}
