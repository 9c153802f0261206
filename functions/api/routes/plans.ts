import { z } from 'zod';
import { planView } from '../../../shared/app/planning/board/plan-view';
import { insertIntoPlan } from '../../../shared/app/planning/insert-into-plan';
import { planDay } from '../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../shared/app/planning/publish-plan';
import { getPlan } from '../../../shared/app/planning/read-plan';
import { idSchema } from '../../../shared/domain/common';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { measurePlanning } from '../plan-metrics';
import { versionBody } from './version-body';

/**
 * Planning runs inside the API call: the engine's budget stays well under the function's 15 s
 * timeout. `version` is the plan version the dispatcher last saw (absent for a first plan).
 */
const planBody = z.strictObject({
  seconds: z.number().min(0.5).max(10).default(3),
  version: z.number().int().positive().optional(),
});
const insertBody = z.strictObject({
  requestId: idSchema,
  version: z.number().int().positive(),
  seconds: z.number().min(0.1).max(5).default(1),
});

/** A day's plan: read it, plan or re-plan it, add a phone request to it, send it to the drivers. */
export function planRoutes(ports: Ports): Route[] {
  return [
    defineRoute('GET /hromady/{hromadaId}/plans/{date}', "The day's latest plan", {
      handle: async ({ params }) => json(200, planView(await getPlan(ports, params.hromadaId, params.date))),
    }),
    defineRoute('POST /hromady/{hromadaId}/plans/{date}', 'Plan or re-plan the day (body optional)', {
      body: { schema: planBody, what: 'plan', optional: true },
      handle: async ({ params, body, actor }) => {
        const plan = await measurePlanning(
          () =>
            planDay(ports, params.hromadaId, params.date, actor, {
              timeLimitMs: body.seconds * 1000,
              ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
            }),
          (saved) => saved,
        );
        return json(200, planView(plan));
      },
    }),
    defineRoute('POST /hromady/{hromadaId}/plans/{date}/requests', 'Insert a request into the plan', {
      body: { schema: insertBody, what: 'insert' },
      handle: async ({ params, body, actor }) => {
        const { requestId, version, seconds } = body;
        const options = { timeLimitMs: seconds * 1000 };
        const inserted = await measurePlanning(
          () => insertIntoPlan(ports, params.hromadaId, params.date, requestId, version, actor, options),
          (result) => result.plan,
        );
        return json(200, { ...inserted, plan: planView(inserted.plan) });
      },
    }),
    defineRoute(
      'POST /hromady/{hromadaId}/plans/{date}/publish',
      'Publish a plan version: each driver gets the route by SMS',
      {
        body: { schema: versionBody, what: 'publish' },
        handle: async ({ params, body, actor }) => {
          const published = await publishPlan(ports, params.hromadaId, params.date, body.version, actor);
          return json(200, { ...published, plan: planView(published.plan) });
        },
      },
    ),
  ];
}
