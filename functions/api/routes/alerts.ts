import { z } from 'zod';
import { handleAlert, listAlerts } from '../../../shared/app/alerts/alerts';
import { localDateSchema } from '../../../shared/domain/common';
import { alertNoteSchema } from '../../../shared/domain/entities/alert';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { pageQuery } from './page-query';

const alertQuery = pageQuery.extend({
  date: localDateSchema,
  /** `false`: still to handle; `true`: handled; absent: all. */
  handled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

const handleBody = z.strictObject({ version: z.number().int().positive(), note: alertNoteSchema.optional() });

/** The day's alerts for the dispatcher (contract 2): list them, mark one handled. */
export function alertRoutes(ports: Ports): Route[] {
  return [
    defineRoute('GET /hromady/{hromadaId}/alerts', "The day's alerts, newest first", {
      query: alertQuery,
      handle: async ({ params, query }) => {
        const { date, handled, limit, cursor } = query;
        const page = {
          date,
          ...(handled !== undefined ? { handled } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(cursor !== undefined ? { cursor } : {}),
        };
        return json(200, await listAlerts(ports, params.hromadaId, page));
      },
    }),
    idempotentRoute(ports, 'POST /hromady/{hromadaId}/alerts/{id}/handle', 'Mark an alert handled', {
      body: { schema: handleBody, what: 'alert' },
      handle: async ({ params, body, actor }, ports) => {
        const input = { version: body.version, ...(body.note !== undefined ? { note: body.note } : {}) };
        return json(200, await handleAlert(ports, params.hromadaId, params.id, input, actor));
      },
    }),
  ];
}
