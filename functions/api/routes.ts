import { DEFAULT_SMS_PRICE_PER_SEGMENT_USD } from '../../shared/config/config';
import type { Route } from '../../shared/http/route';
import type { Ports } from '../../shared/ports/ports';
import { caseStopRoutes } from './routes/case-stops';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { logRoutes } from './routes/logs';
import { openApiRoutes } from './routes/openapi';
import { personalDataRoutes } from './routes/personal-data';
import { planRoutes } from './routes/plans';
import { registryRoutes } from './routes/registry';
import { reportRoutes } from './routes/reports';
import { requestRoutes } from './routes/requests';

/**
 * Every route of the API, by area. Each declares its params, query, headers and body schemas
 * (shared/http/route.ts); the router parses them before the route calls its one use case.
 */
export function apiRoutes(ports: Ports, options: { smsPricePerSegmentUsd?: number } = {}): Route[] {
  const smsPrice = options.smsPricePerSegmentUsd ?? DEFAULT_SMS_PRICE_PER_SEGMENT_USD;
  const routes: Route[] = [
    ...healthRoutes(ports),
    ...registryRoutes(ports),
    ...importRoutes(ports),
    ...requestRoutes(ports),
    ...planRoutes(ports),
    ...logRoutes(ports),
    ...personalDataRoutes(ports),
    ...reportRoutes(ports, smsPrice),
    ...caseStopRoutes(ports),
    ...openApiRoutes(() => routes),
  ];
  return routes;
}
