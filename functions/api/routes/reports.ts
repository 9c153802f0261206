import { z } from 'zod';
import { reportNames, runReport, toCsv } from '../../../shared/app/reports/run-report';
import { idSchema, localDateSchema } from '../../../shared/domain/common';
import { type HttpResult, json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';

const reportQuery = z.object({
  from: localDateSchema,
  to: localDateSchema,
  format: z.enum(['json', 'csv']).default('json'),
});

function csv(filename: string, text: string): HttpResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: text,
  };
}

/**
 * A hromada's reports for a period of local dates (at most 92 days): trips, on-time, operations,
 * strategy, sms, feedback; JSON, or CSV for Excel (UTF-8 with BOM, `;`).
 */
export function reportRoutes(ports: Ports, smsPricePerSegmentUsd: number): Route[] {
  return [
    defineRoute(
      'GET /hromady/{hromadaId}/reports/{report}',
      'A report for a period: trips, on-time, operations, strategy, sms or feedback (JSON or CSV)',
      {
        params: z.object({ hromadaId: idSchema, report: z.enum(reportNames) }),
        query: reportQuery,
        handle: async ({ params, query }) => {
          const period = { from: query.from, to: query.to };
          const result = await runReport(
            ports,
            params.hromadaId,
            params.report,
            period,
            smsPricePerSegmentUsd,
          );
          if (query.format === 'json') return json(200, result.report);
          return csv(
            `${params.report}-${params.hromadaId}-${query.from}-${query.to}.csv`,
            toCsv(result.table),
          );
        },
      },
    ),
  ];
}
