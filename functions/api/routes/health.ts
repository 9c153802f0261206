import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';

export function healthRoutes(ports: Ports): Route[] {
  return [
    defineRoute('GET /health', 'The API is up and reaches its database', {
      access: 'public',
      handle: async () => {
        await ports.entities.hromady.list({ limit: 1 });
        return json(200, { status: 'ok', database: 'ok', time: ports.clock.now().toISOString() });
      },
    }),
  ];
}
