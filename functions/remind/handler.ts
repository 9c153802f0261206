import { z } from 'zod';
import { announceScheduleSchema, remindScheduleSchema } from '../../events/contracts/schedule';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { announceCaseStops } from '../../shared/app/mobile-case/announce-case-stops';
import { queueReminders } from '../../shared/app/queue-reminders';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';

const ports = portsFromConfig(loadConfig());

const scheduleSchema = z.discriminatedUnion('job', [remindScheduleSchema, announceScheduleSchema]);

/**
 * Every 15 minutes (EventBridge Scheduler), two schedules: queue tomorrow's reminders of each
 * hromada whose `rules.reminderTime` (default 18:00 Kyiv) has come, once per request and day; and
 * announce tomorrow's mobile-case stops once each hromada's announcement time has come.
 */
export const handler = lambdaStack<unknown, unknown>().handler(async (event) => {
  const { job } = scheduleSchema.parse(event);
  if (job === 'announce-case-stops') {
    const run = await announceCaseStops(ports);
    if (run.stops > 0) logger.info('mobile-case stops announced', { ...run });
    return run;
  }
  const run = await queueReminders(ports);
  logger.info('reminders queued', { ...run });
  return run;
});
