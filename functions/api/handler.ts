import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { loadConfig } from '../../shared/config/config';
import { httpHandler } from '../../shared/http/api-handler';
import { Router } from '../../shared/http/router';
import { apiRoutes } from './routes';

// Cold start: configuration fails fast; adapters are wired once per container.
const config = loadConfig();
const ports = portsFromConfig(config);

/** The dispatcher console's HTTP API (API Gateway HTTP API, payload 2.0). */
export const handler = httpHandler(
  new Router(apiRoutes(ports, { smsPricePerSegmentUsd: config.SMS_PRICE_PER_SEGMENT_USD }), {
    maxBodyBytes: config.MAX_BODY_BYTES,
  }),
);
