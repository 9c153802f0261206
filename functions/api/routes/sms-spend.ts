import { z } from 'zod';
import { readSmsMonth } from '../../../shared/app/sms-spend';
import { json } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';

const monthQuery = z.object({
  /** A Kyiv calendar month; default this one. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
    .optional(),
});

/** What the hromada's SMS cost this month, against its cap, and what the caps held back. */
export function smsSpendRoutes(ports: Ports): Route[] {
  return [
    defineRoute('GET /hromady/{hromadaId}/sms-spend', "The month's SMS spend, cap and held-back messages", {
      query: monthQuery,
      handle: async ({ params, query }) =>
        json(200, await readSmsMonth(ports, params.hromadaId, query.month)),
    }),
  ];
}
