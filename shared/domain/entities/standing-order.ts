import { z } from 'zod';
import { idSchema, isoInstantSchema, localDateSchema, storedFields } from '../common';
import { serviceTypes } from './provider';
import { passengersSchema, purposes, serviceRequestFields } from './service-request';
import { returnTripSchema, tripPlaceInputSchema } from './trip-place';

/** ISO weekdays: 1 Monday … 7 Sunday. */
const weekdaySchema = z.number().int().min(1).max(7);

/**
 * A standing order (постійне замовлення): the same ride on given weekdays over a period, e.g.
 * dialysis Mon/Wed/Fri at 07:30 (arrive-by) with a return at 12:00. A daily job books its
 * occurrences a few days ahead (generate-standing-orders.ts); each occurrence is then an ordinary
 * request (`<orderId>-<date>`), edited or cancelled on its own.
 * Places are kept as the dispatcher gave them (home, a known place, an address) and resolved at
 * each generation, so a known place's new address reaches the rides not yet booked.
 */
export const standingOrderFields = {
  residentId: idSchema,
  serviceType: z.enum(serviceTypes).default('social-taxi'),
  pickup: tripPlaceInputSchema,
  dropoff: tripPlaceInputSchema.optional(),
  weekdays: z
    .array(weekdaySchema)
    .min(1)
    .max(7)
    .refine((d) => new Set(d).size === d.length, { message: 'each weekday once' }),
  requestedTime: serviceRequestFields.requestedTime,
  return: returnTripSchema.optional(),
  /** The first and (optional) last date of the order, local dates. */
  from: localDateSchema,
  to: localDateSchema.optional(),
  /** Dates without a ride (holidays, a hospital stay). */
  exceptDates: z.array(localDateSchema).max(366).default([]),
  /** Absent: from the resident's mobility at each generation. */
  passengers: passengersSchema.optional(),
  purpose: z.enum(purposes),
};

const fieldsObject = z.strictObject(standingOrderFields);

/** Checked on create, and on the order an edit makes (the whole order, parsed again). */
export const standingOrderCreateSchema = fieldsObject
  .extend({ id: idSchema.max(40).optional() })
  .refine((o) => o.serviceType !== 'social-taxi' || o.dropoff !== undefined, {
    message: 'a social-taxi ride needs a drop-off',
    path: ['dropoff'],
  })
  .refine((o) => o.return === undefined || o.serviceType === 'social-taxi', {
    message: 'only a social-taxi ride has a return trip',
    path: ['return'],
  })
  .refine((o) => o.to === undefined || o.from <= o.to, {
    message: 'to must not be before from',
    path: ['to'],
  });
export type StandingOrderCreate = z.output<typeof standingOrderCreateSchema>;

/**
 * A change of the whole order at the version read: the fields sent replace the order's (absent:
 * kept; the resident and the service are not changed). The occurrences already booked and not yet
 * planned follow it.
 */
export const standingOrderEditSchema = z
  .strictObject({
    version: z.number().int().positive(),
    pickup: standingOrderFields.pickup.optional(),
    dropoff: tripPlaceInputSchema.optional(),
    weekdays: standingOrderFields.weekdays.optional(),
    requestedTime: standingOrderFields.requestedTime.optional(),
    return: returnTripSchema.nullable().optional(),
    to: localDateSchema.nullable().optional(),
    exceptDates: z.array(localDateSchema).max(366).optional(),
    passengers: passengersSchema.nullable().optional(),
    purpose: standingOrderFields.purpose.optional(),
  })
  .refine((e) => Object.keys(e).length > 1, { message: 'nothing to change', path: [] });
export type StandingOrderEdit = z.output<typeof standingOrderEditSchema>;

export const standingOrderSchema = z.object({
  ...storedFields,
  ...standingOrderFields,
  status: z.enum(['active', 'cancelled']),
  cancelledAt: isoInstantSchema.optional(),
});
export type StandingOrder = z.infer<typeof standingOrderSchema>;
