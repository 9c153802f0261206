import { z } from 'zod';
import { planView } from '../../../shared/app/planning/board/plan-view';
import { insertIntoPlan } from '../../../shared/app/planning/insert-into-plan';
import { getPlanJob, startPlanJob } from '../../../shared/app/planning/plan-job';
import { publishPlan } from '../../../shared/app/planning/publish-plan';
import { getPlan } from '../../../shared/app/planning/read-plan';
import { idSchema } from '../../../shared/domain/common';
import type { PlanJob } from '../../../shared/domain/entities/plan-job';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';
import { measurePlanning } from '../plan-metrics';
import { versionBody } from './version-body';

/**
 * Planning is a background job (the `plan` function): the answer is 202 with the job at once.
 * `seconds` is the engine's budget (absent: the hromada's `rules.planningSeconds`); `version` is
 * the plan version the dispatcher last saw (absent for a first plan).
 */
const planBody = z.strictObject({
  seconds: z.number().min(0.5).max(600).optional(),
  version: z.number().int().positive().optional(),
});

/** A job as the console polls it (who asked stays in the audit entry). */
function jobView({ actor: _actor, leaseUntil: _lease, ...job }: PlanJob) {
  return job;
}
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
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/plans/{date}',
      'Plan or re-plan the day (body optional)',
      {
        body: { schema: planBody, what: 'plan', optional: true },
        keepHeaders: ['location'],
        handle: async ({ params, body, actor }, ports) => {
          const job = await startPlanJob(ports, params.hromadaId, params.date, actor, {
            ...(body.seconds !== undefined ? { seconds: body.seconds } : {}),
            ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
          });
          const answer = json(202, jobView(job));
          const location = `/hromady/${encodeURIComponent(params.hromadaId)}/plan-jobs/${job.id}`;
          return { ...answer, headers: { ...answer.headers, location } };
        },
      },
    ),
    defineRoute('GET /hromady/{hromadaId}/plan-jobs/{id}', 'A planning job: state, progress, plan version', {
      handle: async ({ params }) => json(200, jobView(await getPlanJob(ports, params.hromadaId, params.id))),
    }),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/plans/{date}/requests',
      'Insert a request into the plan',
      {
        body: { schema: insertBody, what: 'insert' },
        handle: async ({ params, body, actor }, ports) => {
          const { requestId, version, seconds } = body;
          const options = { timeLimitMs: seconds * 1000 };
          const inserted = await measurePlanning(
            () => insertIntoPlan(ports, params.hromadaId, params.date, requestId, version, actor, options),
            (result) => result.plan,
          );
          return json(200, { ...inserted, plan: planView(inserted.plan) });
        },
      },
    ),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/plans/{date}/publish',
      'Publish a plan version: each driver gets the route by SMS',
      {
        body: { schema: versionBody, what: 'publish' },
        handle: async ({ params, body, actor }, ports) => {
          const published = await publishPlan(ports, params.hromadaId, params.date, body.version, actor);
          return json(200, { ...published, plan: planView(published.plan) });
        },
      },
    ),
  ];
}
