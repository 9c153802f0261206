import { planJobEventSchema } from '../../events/contracts/plan-job';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { runPlanJob } from '../../shared/app/planning/plan-job';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';
import { addMetrics } from '../../shared/observability/metrics';
import { planFailureMetrics, planJobMetrics } from '../../shared/observability/plan-metrics';

const ports = portsFromConfig(loadConfig());

/**
 * A day planned in the background (asynchronous invoke by the api, one job per event): the engine
 * within the job's budget, its progress and outcome written on the job item; the plan metrics
 * (time, unassigned, checker) flushed as EMF like the api's synchronous insertion.
 */
export const handler = lambdaStack<unknown, unknown>().handler(async (event) => {
  const job = await runPlanJob(ports, planJobEventSchema.parse(event)).catch((error: unknown) => {
    addMetrics(planFailureMetrics(error));
    throw error;
  });
  addMetrics(planJobMetrics(job));
  logger.info('plan job ended', { jobId: job.id, state: job.state, planVersion: job.planVersion });
  return { jobId: job.id, state: job.state };
});
