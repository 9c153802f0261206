import type { OpenApiDocument } from '../../shared/http/openapi';
import type { Ports } from '../../shared/ports/ports';
import { describeApi } from './api-description';
import { apiRoutes } from './routes';

/** Ports for declaring the routes without serving them: any use is a bug, and throws. */
const describeOnly = new Proxy({} as Ports, {
  get(_, name) {
    throw new Error(`ports.${String(name)} used while only describing the API`);
  },
});

/** The API's description, as `GET /openapi.json` serves it and docs/openapi.json holds it. */
export function apiDescription(): OpenApiDocument {
  return describeApi(apiRoutes(describeOnly));
}

/** docs/openapi.json's text. */
export const apiDescriptionText = (): string => `${JSON.stringify(apiDescription(), null, 2)}\n`;
