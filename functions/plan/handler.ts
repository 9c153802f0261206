import { planJobEventSchema } from '../../events/contracts/plan-job';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { runImportJob } from '../../shared/app/import/import-job';
import { runPlanJob } from '../../shared/app/planning/plan-job';
import { runTourJob } from '../../shared/app/tours/tour-job';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';
import { addMetrics } from '../../shared/observability/metrics';
import { planFailureMetrics, planJobMetrics } from '../api/plan-metrics';

const ports = portsFromConfig(loadConfig());

/**
 * The background jobs (asynchronous invoke by the api, one job per event): a day planned (the
 * engine within the job's budget), a CSV import (`kind: import`) or a provider's multi-day tour
 * (`kind: tour`), progress and outcome written on the job item; a planning job's metrics (time,
 * unassigned, checker) flushed as EMF like the api's
 * synchronous insertion.
 */
export const handler = lambdaStack<unknown, unknown>().handler(async (event) => {
  const parsed = planJobEventSchema.parse(event);
  if (parsed.kind === 'import') {
    const imported = await runImportJob(ports, parsed);
    logger.info('import job ended', { jobId: imported.id, state: imported.state });
    return { jobId: imported.id, state: imported.state };
  }
  if (parsed.kind === 'tour') {
    const toured = await runTourJob(ports, parsed);
    logger.info('tour job ended', { jobId: toured.id, state: toured.state, tourId: toured.tourId });
    return { jobId: toured.id, state: toured.state };
  }
  const job = await runPlanJob(ports, parsed).catch((error: unknown) => {
    addMetrics(planFailureMetrics(error));
    throw error;
  });
  addMetrics(planJobMetrics(job));
  logger.info('plan job ended', { jobId: job.id, state: job.state, planVersion: job.planVersion });
  return { jobId: job.id, state: job.state };
});
