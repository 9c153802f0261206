import { remindScheduleSchema } from '../../events/contracts/schedule';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { queueReminders } from '../../shared/app/queue-reminders';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';

const ports = portsFromConfig(loadConfig());

/**
 * Every 15 minutes (EventBridge Scheduler): queue tomorrow's reminders of each hromada whose
 * `rules.reminderTime` (default 18:00 Kyiv) has come; once per request and day.
 */
export const handler = lambdaStack<unknown, unknown>().handler(async (event) => {
  remindScheduleSchema.parse(event);
  const run = await queueReminders(ports);
  logger.info('reminders queued', { ...run });
  return run;
});
