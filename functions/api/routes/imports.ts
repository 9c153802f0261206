import { z } from 'zod';
import { getImportJob, startImportJob } from '../../../shared/app/import/import-job';
import { type ImportablePlural, importKinds } from '../../../shared/app/import/import-kinds';
import { idSchema } from '../../../shared/domain/common';
import type { ImportJob } from '../../../shared/domain/entities/import-job';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
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

/** A job as the console polls it (who asked stays in the audit entry; the file is never shown). */
function jobView({ actor: _actor, leaseUntil: _lease, ...job }: Omit<ImportJob, 'file'>) {
  return job;
}

/**
 * CSV import as a background job: upload (202 with the job and its Location), then poll it for its
 * progress (rows done of all) and, at the end, the per-row report. `dryRun` only reports.
 */
export function importRoutes(ports: Ports): Route[] {
  return [
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/imports/{kind}',
      'Upload a CSV export (base64) of residents, drivers, settlements or vehicles: a job to poll; dryRun only reports',
      {
        params: importParams,
        body: { schema: importBody, what: 'import' },
        status: 202,
        keepHeaders: ['location'],
        handle: async ({ params, body, actor }, ports) => {
          const upload = { kind: params.kind, file: body.csv, dryRun: body.dryRun };
          const job = await startImportJob(ports, params.hromadaId, upload, actor);
          const { file: _file, ...shown } = job;
          const answer = json(202, jobView(shown));
          const location = `/hromady/${encodeURIComponent(params.hromadaId)}/imports/${job.id}`;
          return { ...answer, headers: { ...answer.headers, location } };
        },
      },
    ),
    defineRoute(
      'GET /hromady/{hromadaId}/imports/{id}',
      'An import job: state, progress (rows), report at the end',
      {
        handle: async ({ params }) =>
          json(200, jobView(await getImportJob(ports, params.hromadaId, params.id))),
      },
    ),
  ];
}
