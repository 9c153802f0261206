import { airRaidScheduleSchema } from '../../events/contracts/schedule';
import { airRaidFeedFromConfig } from '../../shared/adapters/air-raid/air-raid-feed-from-config';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { pollAirRaids } from '../../shared/app/air-raid/poll-air-raids';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';

const config = loadConfig();
const ports = portsFromConfig(config);
const feed = airRaidFeedFromConfig(config);

/**
 * Every minute (EventBridge Scheduler): air-raid alerts from the feed started and ended per
 * hromada, and the stops of every alert in force shifted by its duration so far.
 */
export const handler = lambdaStack<unknown, unknown>().handler(async (event) => {
  airRaidScheduleSchema.parse(event);
  const run = await pollAirRaids(ports, feed);
  if (run.feedError) logger.warn('air-raid feed unreadable', { error: run.feedError });
  if (run.failures.length > 0)
    logger.error('air-raid poll failed for some hromady', { failures: run.failures });
  if (run.unsure.length > 0)
    logger.warn('air-raid feed: alert kept, an unmapped location in its oblast', { hromady: run.unsure });
  if (run.started + run.ended + run.resumed > 0) logger.info('air-raid alerts changed', { ...run });
  return run;
});
