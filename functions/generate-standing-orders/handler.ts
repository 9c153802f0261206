import { standingOrdersScheduleSchema } from '../../events/contracts/standing-orders-schedule';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { generateStandingOrders } from '../../shared/app/standing-orders/generate-standing-orders';
import { loadConfig } from '../../shared/config/config';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';

const ports = portsFromConfig(loadConfig());

/** Daily (EventBridge Scheduler, 05:00 Kyiv): book the standing orders' rides of the days ahead. */
export const handler = lambdaStack<unknown, unknown>().handler(async (event) => {
  standingOrdersScheduleSchema.parse(event);
  const run = await generateStandingOrders(ports);
  logger.info('standing orders generated', { ...run });
  return run;
});
