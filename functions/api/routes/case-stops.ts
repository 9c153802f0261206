import { z } from 'zod';
import { bookCaseSlot, cancelCaseSlot, moveCaseSlot } from '../../../shared/app/mobile-case/book-case-slot';
import {
  createCaseStop,
  deleteCaseStop,
  getCaseStop,
  listCaseStops,
  updateCaseStop,
} from '../../../shared/app/mobile-case/case-stops';
import { generateCaseStops } from '../../../shared/app/mobile-case/generate-case-stops';
import { caseScheduleSchema } from '../../../shared/domain/case-schedule';
import { idSchema, localDateSchema, localTimeSchema } from '../../../shared/domain/common';
import { caseStopCreateSchema, caseStopPatchSchema } from '../../../shared/domain/entities/case-stop';
import { addDays } from '../../../shared/domain/time';
import { idempotentRoute } from '../../../shared/http/idempotent-route';
import { json, noContent } from '../../../shared/http/responses';
import { defineRoute, type Route } from '../../../shared/http/route';
import type { Ports } from '../../../shared/ports/ports';

const MAX_CALENDAR_DAYS = 92;
const calendarQuery = z
  .object({ from: localDateSchema.optional(), to: localDateSchema.optional() })
  .refine((q) => !q.from || !q.to || (q.from <= q.to && addDays(q.from, MAX_CALENDAR_DAYS) >= q.to), {
    message: `to must be on or after from, at most ${MAX_CALENDAR_DAYS} days later`,
    path: ['to'],
  });
const versionQuery = z.object({ version: z.coerce.number().int().positive() });
const bookBody = z.strictObject({ residentId: idSchema, time: localTimeSchema.optional() });
const moveBody = z.strictObject({
  residentId: idSchema,
  version: z.number().int().positive(),
  time: localTimeSchema,
});
const cancelBody = z.strictObject({ residentId: idSchema, version: z.number().int().positive() });

const STOPS = '/hromady/{hromadaId}/case-stops';

/** The mobile case: its calendar of stops, schedules that generate them, and slot bookings. */
export function caseStopRoutes(ports: Ports): Route[] {
  return [
    defineRoute(`GET ${STOPS}`, 'Mobile-case stops from one date to another (default: from today, 31 days)', {
      query: calendarQuery,
      handle: async ({ params, query }) =>
        json(200, { items: await listCaseStops(ports, params.hromadaId, query) }),
    }),
    idempotentRoute(ports, `POST ${STOPS}`, 'Create a mobile-case stop', {
      body: { schema: caseStopCreateSchema, what: 'CaseStop' },
      status: 201,
      handle: async ({ params, body, actor }, ports) =>
        json(201, await createCaseStop(ports, params.hromadaId, body, actor)),
    }),
    idempotentRoute(
      ports,
      'POST /hromady/{hromadaId}/case-schedules',
      'Generate the stops of a recurring schedule',
      {
        body: { schema: caseScheduleSchema, what: 'CaseSchedule' },
        handle: async ({ params, body, actor }, ports) =>
          json(200, await generateCaseStops(ports, params.hromadaId, body, actor)),
      },
    ),
    defineRoute(`GET ${STOPS}/{id}`, 'A mobile-case stop with its slots', {
      handle: async ({ params }) => json(200, await getCaseStop(ports, params.hromadaId, params.id)),
    }),
    defineRoute(`PATCH ${STOPS}/{id}`, 'Change a mobile-case stop (the version read)', {
      body: { schema: caseStopPatchSchema, what: 'CaseStop update' },
      handle: async ({ params, body, actor }) =>
        json(200, await updateCaseStop(ports, params.hromadaId, params.id, body, actor)),
    }),
    defineRoute(`DELETE ${STOPS}/{id}`, 'Delete a mobile-case stop nobody booked (the version read)', {
      query: versionQuery,
      status: 204,
      handle: async ({ params, query, actor }) => {
        await deleteCaseStop(ports, params.hromadaId, params.id, query.version, actor);
        return noContent();
      },
    }),
    idempotentRoute(
      ports,
      `POST ${STOPS}/{id}/bookings`,
      'Book a slot for a resident (first free, or at a time)',
      {
        body: { schema: bookBody, what: 'CaseBooking' },
        status: 201,
        handle: async ({ params, body, actor }, ports) =>
          json(
            201,
            await bookCaseSlot(ports, {
              hromadaId: params.hromadaId,
              stopId: params.id,
              residentId: body.residentId,
              ...(body.time ? { time: body.time } : {}),
              actor,
            }),
          ),
      },
    ),
    defineRoute(`PATCH ${STOPS}/{id}/bookings`, "Move a resident's slot (the booking's version read)", {
      body: { schema: moveBody, what: 'CaseBooking move' },
      handle: async ({ params, body, actor }) =>
        json(
          200,
          await moveCaseSlot(ports, { hromadaId: params.hromadaId, stopId: params.id, ...body, actor }),
        ),
    }),
    idempotentRoute(
      ports,
      `POST ${STOPS}/{id}/bookings/cancel`,
      "Give a resident's slot back (the booking's version read)",
      {
        body: { schema: cancelBody, what: 'CaseBooking cancel' },
        handle: async ({ params, body, actor }, ports) =>
          json(
            200,
            await cancelCaseSlot(ports, { hromadaId: params.hromadaId, stopId: params.id, ...body, actor }),
          ),
      },
    ),
  ];
}
