import { z } from 'zod';
import {
  endAirRaidByDispatcher,
  listAirRaids,
  startAirRaidByDispatcher,
} from '../../../shared/app/air-raid/air-raids';
import { airRaidLevels } from '../../../shared/domain/entities/air-raid-alert';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { pageQuery } from './page-query';

/**
 * `hromada` (default): the hromada's own; `raion`, `oblast`: the one named on the hromada, and every
 * hromada of the deployment in it (the answer's `spread`: their names, reached or not).
 */
const startBody = z.strictObject({ level: z.enum(airRaidLevels).default('hromada') });

/** Air-raid alerts (docs/services/wartime.md): start, end, the log. */
export function airRaidRoutes(ports: Ports): Route[] {
  return [
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/air-raids',
      'Start an air-raid alert (one in force: answered as is); a raion or oblast one in every hromada it covers',
      {
        body: { schema: startBody, what: 'air-raid alert' },
        status: 201,
        handle: async ({ params, body, actor }, once) => {
          const { alert, started, spread } = await startAirRaidByDispatcher(
            once,
            params.hromadaId,
            body.level,
            actor,
          );
          const any = started || (spread?.started ?? 0) > 0;
          return json(any ? 201 : 200, { ...alert, started, ...(spread ? { spread } : {}) });
        },
      },
    ),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/air-raids/end',
      'End the air-raid alert in force, re-plan the day; and the alerts its raion or oblast alert set elsewhere',
      {
        handle: async ({ params, actor }, once) =>
          json(200, await endAirRaidByDispatcher(once, params.hromadaId, actor)),
      },
    ),
    defineRoute('GET /hromady/{hromadaId}/air-raids', 'Air-raid alerts and what they did, newest first', {
      query: pageQuery,
      handle: async ({ params, query }) => {
        const page = {
          ...(query.limit !== undefined ? { limit: query.limit } : {}),
          ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
        };
        return json(200, await listAirRaids(ports, params.hromadaId, page));
      },
    }),
  ];
}
