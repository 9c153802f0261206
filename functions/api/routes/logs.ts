import { listAudit, listInbound, listMessages } from '../../../shared/app/logs';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { pageQuery } from './page-query';

/** What the platform did: SMS sent, replies received, the audit trail. */
export function logRoutes(ports: Ports): Route[] {
  const logs = [
    ['messages', 'SMS sent, with their status', listMessages],
    ['inbound', 'SMS replies received and what was done', listInbound],
    ['audit', 'The audit trail', listAudit],
  ] as const;
  return logs.map(([name, summary, list]) =>
    defineRoute(`GET /hromady/{hromadaId}/${name}`, summary, {
      query: pageQuery,
      handle: async ({ params, query }) => json(200, await list(ports, params.hromadaId, query)),
    }),
  );
}
