import { z } from 'zod';
import { idSchema, isoInstantSchema, localDateSchema, localTimeSchema, storedFields } from '../common';
import { reportBucketSchema } from '../report-day';
/** The request lifecycle (statuses, who may move them, the open and final sets): one file. */
import { requestStatuses } from '../request-lifecycle';
import { deliveryStoredFields, handoverSchema, parcelSchema } from './delivery';
import { serviceTypes } from './provider';
import { placeSchema, returnTripSchema, tripPlaceInputSchema } from './trip-place';

export {
  FINAL_STATUSES,
  isFinal,
  isOpen,
  OPEN_STATUSES,
  type RequestStatus,
  requestStatuses,
} from '../request-lifecycle';

/** Allowed purposes of a social-taxi ride (no shopping). */
export const purposes = ['medical', 'cnap', 'bank', 'social-services', 'pension-fund', 'other'] as const;

export { placeSchema } from './trip-place';

/** Who rides besides the resident, and whether in a wheelchair. */
export const passengersSchema = z.strictObject({
  escorts: z.number().int().min(0).max(3).default(0),
  wheelchair: z.boolean().default(false),
});

export const serviceRequestFields = {
  serviceType: z.enum(serviceTypes),
  residentId: idSchema,
  /** The local (Kyiv) service date. */
  date: localDateSchema,
  /** Social taxi: where to pick up. Brigade, delivery, mobile case: where the visit is. */
  pickup: placeSchema,
  /** Social taxi only: where to take the rider. */
  dropoff: placeSchema.optional(),
  /** The time the resident asked for: a pickup time, or an arrive-by time (an appointment). */
  requestedTime: z.strictObject({
    kind: z.enum(['pickup', 'arrive-by']),
    time: localTimeSchema,
  }),
  passengers: passengersSchema.default({ escorts: 0, wheelchair: false }),
  purpose: z.enum(purposes),
  /** Visit or handover duration in minutes. */
  serviceMinutes: z.number().int().min(0).max(240).default(5),
  /** Delivery only: what is carried (a food kit is ~10 kg, delivery.ts); `cold` needs a vehicle's cold box. */
  parcel: parcelSchema.optional(),
  /** Delivery only: who may receive it (in person, or a trusted person), delivery.ts. */
  handover: handoverSchema.optional(),
  /**
   * An exclusive ride or visit, any service: nobody else on board on the way to the stop nor while
   * there (for a ride: from pickup to drop-off). Always so for a confidential case, flag or not.
   */
  exclusive: z.boolean().optional(),
  /** Social taxi: the outbound ride this request is the linked return of. */
  returnOf: idSchema.optional(),
  /** Social taxi: how the return was booked (a fixed time, or when the resident calls). */
  returnMode: z.enum(['fixed', 'will-call']).optional(),
  /** A will-call return not yet activated: not planned, not reminded. */
  awaitingCall: z.boolean().optional(),
  /** Generated from this standing order (its id is `<standingOrderId>-<date>`). */
  standingOrderId: idSchema.optional(),
  /** Mobile case: a home visit on the day of this stop, by the stop's vehicle. */
  caseStopId: idSchema.optional(),
};

/** Set by the system (returns, standing orders), never by a booking's body. */
const bookableFields = z
  .object(serviceRequestFields)
  .omit({ returnOf: true, returnMode: true, awaitingCall: true, standingOrderId: true }).shape;

export const serviceRequestCreateSchema = z
  .strictObject({
    ...bookableFields,
    /** The resident's home, a known place (`placeId`) or an address with coordinates. */
    pickup: tripPlaceInputSchema,
    dropoff: tripPlaceInputSchema.optional(),
    /** Absent: from the resident's mobility (a wheelchair; an escort rides along). */
    passengers: passengersSchema.optional(),
    /** Social taxi: book the return trip with it (drop-off and pickup swapped), in one go. */
    return: returnTripSchema.optional(),
    /**
     * Book even though the resident already has a live booking at an overlapping time (two
     * different services at once, rarely). Recorded in the audit entry, not on the request.
     */
    allowOverlap: z.boolean().default(false),
    /**
     * Book although the hromada's rules refuse it (quota, eligibility, …): admins only, with the
     * reason; recorded in the audit entry, not on the request.
     */
    override: z.strictObject({ reason: z.string().trim().min(3).max(300) }).optional(),
    /**
     * The dispatcher agreed it with the resident on the phone: book it `confirmed`. Stays
     * `requested` when the rules ask for a confirmation call first (no-shows), with the reason.
     */
    confirm: z.boolean().default(false),
  })
  .refine((r) => r.serviceType !== 'social-taxi' || r.dropoff !== undefined, {
    message: 'a social-taxi ride needs a drop-off',
    path: ['dropoff'],
  })
  .refine((r) => r.parcel === undefined || r.serviceType === 'delivery', {
    message: 'only a delivery carries a parcel',
    path: ['parcel'],
  })
  .refine((r) => r.handover === undefined || r.serviceType === 'delivery', {
    message: 'only a delivery has a handover rule',
    path: ['handover'],
  })
  .refine((r) => r.return === undefined || r.serviceType === 'social-taxi', {
    message: 'only a social-taxi ride has a return trip',
    path: ['return'],
  });

/** What booking a request takes, parsed (`serviceRequestCreateSchema`). */
export type ServiceRequestCreate = z.output<typeof serviceRequestCreateSchema>;

/**
 * An edit of a request read at `version` (PATCH): the time, the places, the passengers and
 * `exclusive`, each optional (absent: unchanged; `passengers` field by field). The window is computed again from
 * them, as at booking; the service, resident, date and purpose are not edited (cancel and re-book).
 */
export const serviceRequestEditSchema = z
  .strictObject({
    version: z.number().int().positive(),
    requestedTime: serviceRequestFields.requestedTime.optional(),
    /** As at booking: home, a known place or an address (resolved again). */
    pickup: tripPlaceInputSchema.optional(),
    dropoff: tripPlaceInputSchema.optional(),
    passengers: z
      .strictObject({
        escorts: passengersSchema.shape.escorts.unwrap().optional(),
        wheelchair: passengersSchema.shape.wheelchair.unwrap().optional(),
      })
      .optional(),
    /** Make the ride or visit exclusive, or no longer so (a confidential case stays exclusive). */
    exclusive: serviceRequestFields.exclusive,
    /** As at booking: keep the new time even though it overlaps another live booking. */
    allowOverlap: z.boolean().default(false),
  })
  .refine((e) => e.requestedTime || e.pickup || e.dropoff || e.passengers || e.exclusive !== undefined, {
    message: 'nothing to change: send requestedTime, pickup, dropoff, passengers or exclusive',
    path: [],
  });

/** What an edit takes, parsed (`serviceRequestEditSchema`). */
export type ServiceRequestEdit = z.output<typeof serviceRequestEditSchema>;

export const serviceRequestSchema = z.object({
  ...storedFields,
  ...serviceRequestFields,
  status: z.enum(requestStatuses),
  /** The agreed pickup (or visit) window, UTC. */
  window: z.strictObject({ start: isoInstantSchema, end: isoInstantSchema }),
  /** Copied from the resident at booking: drives SMS wording and vehicle sharing. */
  confidential: z.boolean(),
  /** When the resident (ТАК) or the dispatcher confirmed it, kept after the status moves on. */
  confirmedAt: isoInstantSchema.optional(),
  /**
   * feat-told: the pickup (or visit) window of the published plan (the engine's arrival ± the
   * hromada's window), set when it differed from the agreed `window` (or from the last one set);
   * the resident was sent it by SMS when they take SMS.
   */
  plannedWindow: z.strictObject({ start: isoInstantSchema, end: isoInstantSchema }).optional(),
  /** feat-told: when the resident was asked to rate the trip or visit (1–5) by SMS. */
  feedbackAskedAt: isoInstantSchema.optional(),
  /** feat-told: the resident's rating, replied by SMS. */
  feedback: z.strictObject({ rating: z.number().int().min(1).max(5), at: isoInstantSchema }).optional(),
  /**
   * A cancellation less than the hromada's `lateCancelHours` before the window started is `late`
   * (it counts toward the monthly quota), else `early`. Set when the request is cancelled.
   */
  cancelKind: z.enum(['early', 'late']).optional(),
  /**
   * The actual pickup (a ride's on-board) or arrival (a visit's or delivery's done): when the
   * driver's `N OK` or the dispatcher's outcome recorded it. The on-time report compares it with
   * the agreed `window`.
   */
  pickedUpAt: isoInstantSchema.optional(),
  /** Where the request was last counted in the report days (report-day.ts); set on every write. */
  reportedAs: reportBucketSchema.optional(),
  /** DynamoDB TTL (epoch seconds): personal data is kept only as long as reporting needs it. */
  expiresAt: z.number().int(),
  ...deliveryStoredFields,
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
