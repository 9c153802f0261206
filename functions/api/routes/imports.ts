import { z } from 'zod';
import { importCsv } from '../../../shared/app/import/import-csv';
import { type ImportablePlural, importKinds } from '../../../shared/app/import/import-kinds';
import { idSchema } from '../../../shared/domain/common';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import type { Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';

const importParams = z.object({
  hromadaId: idSchema,
  kind: z.enum(Object.keys(importKinds) as [ImportablePlural, ...ImportablePlural[]]),
});

/**
 * The file travels as base64 inside JSON: its bytes reach the decoder unchanged, so a
 * Windows-1251 export is recognised as such (a text body would already have been read as UTF-8
 * on the way), and the router keeps one body format.
 */
const importBody = z.strictObject({
  csv: z.base64().min(1),
  dryRun: z.boolean().default(false),
});

/** CSV import of a registry kind (synchronous: a file the body limit allows, a few thousand rows). */
export function importRoutes(ports: Ports): Route[] {
  return [
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/imports/{kind}',
      'Import a CSV export (base64) of residents, drivers, settlements or vehicles; dryRun only reports',
      {
        params: importParams,
        body: { schema: importBody, what: 'import' },
        handle: async ({ params, body, actor }, ports) => {
          const bytes = new Uint8Array(Buffer.from(body.csv, 'base64'));
          return json(
            200,
            await importCsv(ports, params.hromadaId, params.kind, bytes, { dryRun: body.dryRun, actor }),
          );
        },
      },
    ),
  ];
}
