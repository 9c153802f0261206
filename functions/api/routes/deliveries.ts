import { z } from 'zod';
import { closeFollowUp, listFollowUps } from '../../../shared/app/deliveries/follow-ups';
import { recordWelfare } from '../../../shared/app/deliveries/record-welfare';
import { textSchema } from '../../../shared/domain/common';
import { welfareOutcomes } from '../../../shared/domain/entities/delivery';
import { followUpCloseSchema } from '../../../shared/domain/entities/follow-up';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { pageQuery } from './page-query';

const welfareBody = z.strictObject({
  version: z.number().int().positive(),
  outcome: z.enum(welfareOutcomes),
  note: textSchema(1, 500).optional(),
});

const followUpQuery = pageQuery.extend({
  open: z.enum(['true', 'false']).default('true'),
});

/**
 * Deliveries' welfare outcomes and the social workers' follow-up tasks they open
 * (docs/services/deliveries.md).
 */
export function deliveryRoutes(ports: Ports): Route[] {
  return [
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/requests/{id}/welfare',
      'What was seen at the door (no answer, unwell, needs help): opens a follow-up for the social worker',
      {
        body: { schema: welfareBody, what: 'welfare' },
        handle: async ({ params, body, actor }, ports) => {
          const input = {
            hromadaId: params.hromadaId,
            requestId: params.id,
            ...body,
            by: 'dispatcher' as const,
          };
          const { request, followUp } = await recordWelfare(ports, input, actor);
          return json(200, { request, followUp });
        },
      },
    ),
    defineRoute(
      'GET /hromady/{hromadaId}/follow-ups',
      'Follow-up tasks: the open ones oldest first, or all',
      {
        query: followUpQuery,
        handle: async ({ params, query }) => {
          const { open, ...page } = query;
          return json(200, await listFollowUps(ports, params.hromadaId, open === 'true', page));
        },
      },
    ),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/follow-ups/{id}/close',
      'Close a follow-up task with a note',
      {
        body: { schema: followUpCloseSchema, what: 'follow-up close' },
        handle: async ({ params, body, actor }, ports) =>
          json(200, await closeFollowUp(ports, params.hromadaId, params.id, body, actor)),
      },
    ),
  ];
}
