import { DEFAULT_SMS_PRICE_PER_SEGMENT_USD } from '../../shared/config/config';
import type { Route } from '../../shared/http/route';
import type { Ports } from '../../shared/ports/ports';
import { airRaidRoutes } from './routes/air-raids';
import { alertRoutes } from './routes/alerts';
import { boardRoutes } from './routes/board';
import { caseStopRoutes } from './routes/case-stops';
import { withMasking } from './routes/confidential-reads';
import { dangerZoneRoutes } from './routes/danger-zones';
import { deliveryRoutes } from './routes/deliveries';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { logRoutes } from './routes/logs';
import { openApiRoutes } from './routes/openapi';
import { personalDataRoutes } from './routes/personal-data';
import { planRoutes } from './routes/plans';
import { providerAreaRoutes } from './routes/provider-area';
import { registryRoutes } from './routes/registry';
import { reportRoutes } from './routes/reports';
import { requestRoutes } from './routes/requests';
import { residentTripRoutes } from './routes/resident-trips';
import { smsSpendRoutes } from './routes/sms-spend';
import { standingOrderRoutes } from './routes/standing-orders';
import { tourRoutes } from './routes/tours';

/**
 * Every route of the API, by area. Each declares its params, query, headers and body schemas
 * (shared/http/route.ts); the router parses them before the route calls its one use case.
 */
export function apiRoutes(ports: Ports, options: { smsPricePerSegmentUsd?: number } = {}): Route[] {
  const smsPrice = options.smsPricePerSegmentUsd ?? DEFAULT_SMS_PRICE_PER_SEGMENT_USD;
  // reads that may return a confidential case mask it by role and audit it (routes/confidential-reads.ts)
  const routes: Route[] = withMasking(
    [
      ...healthRoutes(ports),
      ...registryRoutes(ports),
      ...importRoutes(ports),
      ...requestRoutes(ports),
      ...standingOrderRoutes(ports),
      ...planRoutes(ports),
      ...boardRoutes(ports),
      ...logRoutes(ports),
      ...smsSpendRoutes(ports),
      ...personalDataRoutes(ports),
      ...reportRoutes(ports, smsPrice),
      ...deliveryRoutes(ports),
      ...alertRoutes(ports),
      ...caseStopRoutes(ports),
      ...dangerZoneRoutes(ports),
      ...tourRoutes(ports),
      ...providerAreaRoutes(ports),
      ...airRaidRoutes(ports),
      ...residentTripRoutes(ports),
      ...openApiRoutes(() => routes),
    ],
    ports,
  );
  return routes;
}
