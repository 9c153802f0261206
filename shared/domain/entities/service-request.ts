import { z } from 'zod';
import {
  addressSchema,
  geoPointSchema,
  idSchema,
  isoInstantSchema,
  localDateSchema,
  localTimeSchema,
  storedFields,
} from '../common';
/** The request lifecycle (statuses, who may move them, the open and final sets): one file. */
import { requestStatuses } from '../request-lifecycle';
import { serviceTypes } from './provider';

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

export const placeSchema = z.strictObject({
  address: addressSchema,
  location: geoPointSchema,
  settlementId: idSchema.optional(),
});

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
  /** Delivery only: what is carried (a food kit is ~10 kg); `cold` needs a vehicle's cold box. */
  parcel: z.strictObject({ kg: z.number().min(0).max(500), cold: z.boolean().default(false) }).optional(),
  /** Mobile case: a home visit on the day of this stop, by the stop's vehicle. */
  caseStopId: idSchema.optional(),
};

export const serviceRequestCreateSchema = z
  .strictObject({
    ...serviceRequestFields,
    /**
     * Book even though the resident already has a live booking at an overlapping time (two
     * different services at once, rarely). Recorded in the audit entry, not on the request.
     */
    allowOverlap: z.boolean().default(false),
  })
  .refine((r) => r.serviceType !== 'social-taxi' || r.dropoff !== undefined, {
    message: 'a social-taxi ride needs a drop-off',
    path: ['dropoff'],
  })
  .refine((r) => r.parcel === undefined || r.serviceType === 'delivery', {
    message: 'only a delivery carries a parcel',
    path: ['parcel'],
  });

/** What booking a request takes, parsed (`serviceRequestCreateSchema`). */
export type ServiceRequestCreate = z.output<typeof serviceRequestCreateSchema>;

/**
 * An edit of a request read at `version` (PATCH): the time, the places and the passengers, each
 * optional (absent: unchanged; `passengers` field by field). The window is computed again from
 * them, as at booking; the service, resident, date and purpose are not edited (cancel and re-book).
 */
export const serviceRequestEditSchema = z
  .strictObject({
    version: z.number().int().positive(),
    requestedTime: serviceRequestFields.requestedTime.optional(),
    pickup: placeSchema.optional(),
    dropoff: placeSchema.optional(),
    passengers: z
      .strictObject({
        escorts: passengersSchema.shape.escorts.unwrap().optional(),
        wheelchair: passengersSchema.shape.wheelchair.unwrap().optional(),
      })
      .optional(),
    /** As at booking: keep the new time even though it overlaps another live booking. */
    allowOverlap: z.boolean().default(false),
  })
  .refine((e) => e.requestedTime || e.pickup || e.dropoff || e.passengers, {
    message: 'nothing to change: send requestedTime, pickup, dropoff or passengers',
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
  /** DynamoDB TTL (epoch seconds): personal data is kept only as long as reporting needs it. */
  expiresAt: z.number().int(),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
