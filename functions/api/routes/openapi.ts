import type { OpenApiDocument } from '../../../shared/http/openapi';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import { describeApi } from '../api-description';

/** The OpenAPI 3.1 description of every route (this one included), built once per container. */
export function openApiRoutes(allRoutes: () => Route[]): Route[] {
  let document: OpenApiDocument | undefined;
  return [
    defineRoute('GET /openapi.json', 'This API described in OpenAPI 3.1', {
      access: 'public',
      handle: async () => {
        document ??= describeApi(allRoutes());
        return json(200, document);
      },
    }),
  ];
}
