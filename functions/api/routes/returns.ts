import { activateReturn } from '../../../shared/app/taxi/activate-return';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import type { Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { versionBody } from './version-body';

/** A will-call return activated by the dispatcher when the resident phones (the SMS way is ДОДОМУ). */
export function returnRoutes(ports: Ports): Route[] {
  return [
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/requests/{id}/activate-return',
      'The resident called: their will-call return gets a window from now and joins the plan',
      {
        body: { schema: versionBody, what: 'activate return' },
        handle: async ({ params, body, actor }, ports) =>
          json(
            200,
            await activateReturn(ports, params.hromadaId, params.id, actor, {
              expectedVersion: body.version,
            }),
          ),
      },
    ),
  ];
}
