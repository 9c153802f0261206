import { z } from 'zod';
import { providerArea } from '../../../shared/app/tours/provider-area';
import { idSchema } from '../../../shared/domain/common';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';

/**
 * A provider's service area (docs/services/regional-tours.md): the hromady that agreed to its
 * service and their settlements' points, read-only, for planning a first tour from the console.
 */
export function providerAreaRoutes(ports: Ports): Route[] {
  return [
    defineRoute(
      'GET /providers/{providerId}/service-area',
      "The hromady that agreed to a provider's service, with their settlements' points",
      {
        access: 'provider',
        params: z.object({ providerId: idSchema }),
        handle: async ({ params }) => json(200, await providerArea(ports, params.providerId)),
      },
    ),
  ];
}
