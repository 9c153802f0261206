import { z } from 'zod';
import { idSchema, localTimeSchema, nameSchema, storedFields } from '../common';
import { curfewSchema } from '../curfew';
import { residentCategories, SOCIAL_TAXI_DEFAULT_CATEGORIES } from '../resident-categories';
import { senderIdSchema } from '../sender-id';
import { serviceTypes } from './provider';
import { purposes } from './service-request';

/** At booking: how many no-shows in how many days, and what then (see booking-rules.ts). */
export const noShowRuleSchema = z.strictObject({
  periodDays: z.number().int().min(7).max(365).default(90),
  threshold: z.number().int().min(1).max(50).default(3),
  /** `warn`: the answer carries a warning; `confirm`: booked as `requested`, to be confirmed by phone. */
  consequence: z.enum(['warn', 'confirm']).default('warn'),
});

/** Per-hromada rules; the numbers are defaults each hromada can change. */
export const hromadaRulesSchema = z.strictObject({
  /** The hromada's SMS sender ID. */
  smsSenderId: senderIdSchema.optional(),
  /** Neutral sender for confidential cases (mobile brigade). */
  neutralSenderId: senderIdSchema.optional(),
  /**
   * The long code residents reply to (two-way SMS) and the phone line's number, E.164. Several
   * hromady may share one.
   */
  inboundNumber: z
    .string()
    .regex(/^\+[1-9]\d{7,14}$/)
    .optional(),
  pickupWindowMinutes: z.number().int().min(0).max(120).default(15),
  maxRideFactor: z.number().min(1).max(5).default(1.5),
  maxRideExtraMinutes: z.number().int().min(0).max(240).default(10),
  /** Social-taxi rides a resident may take in a Kyiv calendar month (see `countsTowardQuota`). */
  monthlyRideQuota: z.number().int().min(0).max(1000).default(4),
  /**
   * Who may use each service, by resident category (at least one must match). A service not
   * listed is open to every resident.
   */
  eligibleCategories: z
    .partialRecord(z.enum(serviceTypes), z.array(z.enum(residentCategories)).max(residentCategories.length))
    .default({ 'social-taxi': SOCIAL_TAXI_DEFAULT_CATEGORIES }),
  /** The purposes each service takes; a service not listed takes every purpose. */
  allowedPurposes: z
    .partialRecord(z.enum(serviceTypes), z.array(z.enum(purposes)).min(1).max(purposes.length))
    .default({}),
  /** How many days ahead a booking may be made. */
  bookingHorizonDays: z.number().int().min(1).max(365).default(30),
  /** A booking for today needs at least this many hours before the window starts. */
  sameDayMinHours: z.number().min(0).max(24).default(1),
  noShow: noShowRuleSchema.default({ periodDays: 90, threshold: 3, consequence: 'warn' }),
  lateCancelHours: z.number().min(0).max(72).default(2),
  reminderTime: localTimeSchema.default('18:00'),
  /** Non-urgent SMS queued in them wait for their end (shared/domain/quiet-hours.ts); `from` = `to`: none. */
  quietHours: z
    .strictObject({ from: localTimeSchema, to: localTimeSchema })
    .default({ from: '21:00', to: '08:00' }),
  /**
   * Curfew hours (Kyiv time, e.g. 00:00–05:00): no stop is planned inside them and a booking inside
   * them is refused (shared/domain/curfew.ts). Absent: none.
   */
  curfew: curfewSchema.optional(),
  /**
   * When the service works (local time of the service day): a booking whose window or
   * appointment falls outside is refused at booking, with the reason.
   */
  serviceHours: z
    .strictObject({ from: localTimeSchema, to: localTimeSchema })
    .refine((h) => h.from < h.to, { message: 'from must be before to', path: ['to'] })
    .default({ from: '06:00', to: '22:00' }),
  /**
   * Where planning takes road travel times from: `offline` (the estimate, no network) or `ors`
   * (openrouteservice, when the deployment has one). Absent: the deployment's choice.
   */
  travelTimes: z.enum(['offline', 'ors']).optional(),
  /**
   * When a dispatcher answers the phone (local time; ISO weekdays, 1 = Monday): the phone line
   * puts callers through then, and outside them offers a call-back.
   */
  dispatchHours: z
    .strictObject({
      days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      from: localTimeSchema,
      to: localTimeSchema,
    })
    .refine((h) => h.from < h.to, { message: 'from must be before to', path: ['to'] })
    .default({ days: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' }),
  /**
   * The mobile case: the default slot length of its stops, and when (local time, the evening
   * before) residents of a settlement are told of tomorrow's stop there.
   */
  mobileCase: z
    .strictObject({
      slotMinutes: z.number().int().min(10).max(30).default(20),
      announceAt: localTimeSchema.default('17:00'),
    })
    .default({ slotMinutes: 20, announceAt: '17:00' }),
  /** The routing engine's time budget when the day is planned (a background job), seconds. */
  planningSeconds: z.number().min(1).max(600).default(10),
  dailySmsSegmentCap: z.number().int().min(0).max(100_000).default(500),
  /**
   * The most the hromada's SMS may cost in a Kyiv calendar month, USD (estimated at send time).
   * A message over it is held back and reported, never silently dropped. Absent: no monthly cap.
   */
  monthlySmsSpendCapUsd: z.number().min(0).max(100_000).optional(),
  /**
   * A driver's route SMS that the carrier reports undelivered is sent once more; if that fails
   * too, the dispatcher is asked to phone the driver. Off: the dispatcher is asked at once.
   */
  resendFailedRoute: z.boolean().default(true),
  /**
   * Drivers' route SMS in Latin letters (GSM-7, 160 characters a segment instead of 70: about half
   * the segments) for every driver, where the drivers agreed; a driver may also ask alone
   * (`transliterateSms`).
   */
  routeSmsLatin: z.boolean().default(false),
  retentionDays: z
    .strictObject({
      requests: z.number().int().min(30).max(3650).default(400),
      messages: z.number().int().min(7).max(3650).default(90),
      audit: z.number().int().min(365).max(3650).default(1095),
    })
    .default({ requests: 400, messages: 90, audit: 1095 }),
  /**
   * A delivery with a handover rule is handed over only against its one-time code (`3 КОД 1234`);
   * false: the driver's `3 OK` is enough (docs/services/deliveries.md).
   */
  deliveryCodeRequired: z.boolean().default(true),
});
export type HromadaRules = z.infer<typeof hromadaRulesSchema>;

export const hromadaFields = {
  name: nameSchema,
  /** KATOTTG code, e.g. UA14160210000011148. */
  katottg: z
    .string()
    .regex(/^UA\d{17}$/)
    .optional(),
  timeZone: z.literal('Europe/Kyiv').default('Europe/Kyiv'),
  /** The oblast and raion the hromada lies in (e.g. their KATOTTG codes): air-raid alerts name them. */
  oblastId: idSchema.optional(),
  raionId: idSchema.optional(),
  rules: hromadaRulesSchema.default(hromadaRulesSchema.parse({})),
};

export const hromadaCreateSchema = z.strictObject({ id: storedFields.id.optional(), ...hromadaFields });
export const hromadaSchema = z.object({ ...storedFields, ...hromadaFields });
export type Hromada = z.infer<typeof hromadaSchema>;
