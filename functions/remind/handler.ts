import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { remindScheduleSchema } from '../../events/contracts/schedule';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { queueReminders } from '../../shared/app/queue-reminders';
import { loadConfig } from '../../shared/config/config';
import { logger } from '../../shared/observability/logger';

const ports = portsFromConfig(loadConfig());

/** Daily at 18:00 Europe/Kyiv (EventBridge Scheduler): queue tomorrow's reminders. */
export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    remindScheduleSchema.parse(event);
    const run = await queueReminders(ports);
    logger.info('reminders queued', { ...run });
    return run;
  });
