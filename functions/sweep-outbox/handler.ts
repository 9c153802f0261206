import { sweepScheduleSchema } from '../../events/contracts/schedule';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { runEveryMinute } from '../../shared/app/every-minute';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';

const ports = portsFromConfig(loadConfig());

/**
 * Every minute (EventBridge Scheduler): take back SMS claims past their lease and missed records,
 * then queue the "car is near" SMS due by the clock.
 */
export const handler = lambdaStack<unknown, unknown>().handler(async (event) => {
  sweepScheduleSchema.parse(event);
  const run = await runEveryMinute(ports);
  if (run.requeued + run.nudged + run.failed > 0) logger.warn('outbox swept', { ...run });
  return run;
});
