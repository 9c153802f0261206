import { z } from 'zod';
import { idSchema, isoInstantSchema, storedFields } from '../common';

/**
 * An air-raid alert (повітряна тривога) as it reached one hromada: its area (the hromada itself,
 * or the raion or oblast the hromada lies in), who set it (a dispatcher, or the alerts feed), when
 * it started and ended, and what the platform did about it (the log, docs/services/wartime.md).
 * Not to be confused with the dispatcher's attention list (`Alert`, shared/app/alerts/).
 */
export const airRaidLevels = ['oblast', 'raion', 'hromada'] as const;
export const airRaidAreaSchema = z.strictObject({ level: z.enum(airRaidLevels), id: idSchema });
export type AirRaidArea = z.infer<typeof airRaidAreaSchema>;

/**
 * A raion or oblast alert another hromada's dispatcher set for this one (spread-air-raid.ts): the
 * hromada it came from (id and name, for the log) and the alert in force there that it spread from
 * (its «Відбій» ends this one too).
 */
export const airRaidOriginSchema = z.strictObject({
  hromadaId: idSchema,
  hromadaName: z.string().min(1).max(200),
  alertId: idSchema,
});
export type AirRaidOrigin = z.infer<typeof airRaidOriginSchema>;

/** At most this many held message ids are kept on the alert (the rest are counted). */
export const MAX_HELD_IDS = 300;

/**
 * A later day an alert ran into (it crossed midnight, Kyiv time): that day's stops it held back,
 * and the re-plan of that day at its end.
 */
export const airRaidDaySchema = z.object({
  date: z.iso.date(),
  /**
   * Stops not yet made that the alert held back (moved to its end so far), and the largest total
   * shift of one route (`routeMinutes`: each route's total so far, by vehicle).
   */
  stopsShifted: z.number().int().min(0),
  shiftedMinutes: z.number().int().min(0),
  routeMinutes: z.record(idSchema, z.number().int().min(0)).optional(),
  replanVersion: z.number().int().positive().optional(),
  replanError: z.string().max(300).optional(),
  windowsMoved: z.number().int().min(0),
  /**
   * The alert lasted this whole day (local midnight to midnight): handed over once it was over
   * (at its midnight, or at the end), not planned again; its open requests are to rebook (ids, at
   * most 90; `toRebookCount` counts them all), each an item on the dispatcher's attention list
   * (days-over.ts).
   */
  wholeDay: z.boolean().optional(),
  /**
   * A day handed over that the alert reached after its midnight (set then, its start day the day
   * before): when it did. Rides before it were made; the day was not wholly under the alert.
   */
  since: isoInstantSchema.optional(),
  /**
   * A day handed over that the alert ended on, its end finished only after that day's midnight (a
   * spread end marked at 23:59 and finished by the poll at 00:00:30): when the alert ended. The day
   * was over by then, so it was handed over instead of planned again (days-over.ts's closeEndDay).
   */
  until: isoInstantSchema.optional(),
  toRebook: z.array(idSchema).max(90).optional(),
  toRebookCount: z.number().int().min(0).optional(),
  /** A whole day: its held messages dropped when it was handed over (days-over.ts). */
  dropped: z.number().int().min(0).optional(),
});
export type AirRaidDay = z.infer<typeof airRaidDaySchema>;

/**
 * At most this many later days keep their own line on one alert (`effects.days`): an alert longer
 * than that folds its oldest whole days, already handed over, into `effects.earlier` (days-over.ts),
 * so the item stays small however long the alert lasts.
 */
export const MAX_LATER_DAYS = 7;

/**
 * The whole days folded out of `effects.days` (the oldest first, contiguous): how many, the first
 * and last date, and their totals.
 */
export const airRaidEarlierDaysSchema = z.object({
  days: z.number().int().positive(),
  from: z.iso.date(),
  through: z.iso.date(),
  stopsShifted: z.number().int().min(0),
  toRebookCount: z.number().int().min(0),
  dropped: z.number().int().min(0),
});
export type AirRaidEarlierDays = z.infer<typeof airRaidEarlierDaysSchema>;

export const airRaidEffectsSchema = z.object({
  /** The vehicles whose published route was under way when it started: their stops are shifted. */
  routesPaused: z.array(idSchema).max(100),
  /** Drivers on the road told by SMS: vehicle, the message id and when (absent on older logs). */
  driversTold: z
    .array(z.object({ vehicleId: idSchema, messageId: idSchema, at: isoInstantSchema.optional() }))
    .max(100),
  /** Stops not yet made moved later, and by how many minutes in all so far. */
  stopsShifted: z.number().int().min(0),
  shiftedMinutes: z.number().int().min(0),
  /** Non-urgent messages held while it lasts (ids; `heldCount` counts them all). */
  held: z.array(idSchema).max(MAX_HELD_IDS),
  heldCount: z.number().int().min(0),
  /** At the end: held messages sent on, and those dropped as stale (a car-near of a stop made). */
  released: z.number().int().min(0),
  dropped: z.number().int().min(0),
  /** The plan version the re-plan after it wrote, or why it could not. */
  replanVersion: z.number().int().positive().optional(),
  replanError: z.string().max(300).optional(),
  /** Residents told their window moved after the re-plan. */
  windowsMoved: z.number().int().min(0),
  /**
   * The start day was over when the alert ended (it crossed midnight): that day is not planned
   * again nor published; its rides the alert left undone are to rebook (below).
   */
  startDayOver: z.boolean().optional(),
  /**
   * Its day not planned again at the end: a new alert followed at once, and that one's end plans
   * it, the windows this one ran over made longer too (replan-left.ts).
   */
  replanLeft: z.boolean().optional(),
  /**
   * The start day being over: its requests the alert left undone (ids, at most 90;
   * `toRebookCount` counts them all), each an item on the attention list (start-day-over.ts).
   */
  toRebook: z.array(idSchema).max(90).optional(),
  toRebookCount: z.number().int().min(0).optional(),
  /** The later days it ran into (the first fields above are the start day's). */
  days: z.array(airRaidDaySchema).max(MAX_LATER_DAYS).optional(),
  /** Whole days handed over and folded out of `days` (an alert longer than a week). */
  earlier: airRaidEarlierDaysSchema.optional(),
  /**
   * Drivers told on days over, folded out of `driversTold` (which keeps today's and the last
   * RETELL_AFTER_MINUTES' notices): all told = `driversTold.length` + this.
   */
  driversToldEarlier: z.number().int().min(0).optional(),
});
export type AirRaidEffects = z.infer<typeof airRaidEffectsSchema>;

export const NO_EFFECTS: AirRaidEffects = {
  routesPaused: [],
  driversTold: [],
  stopsShifted: 0,
  shiftedMinutes: 0,
  held: [],
  heldCount: 0,
  released: 0,
  dropped: 0,
  windowsMoved: 0,
};

/**
 * An end under way (end-air-raid.ts): written with `endedAt`, removed with the end's record. Each
 * step's outcome is kept once done, so an end interrupted by a fault (storage throttled, the solver
 * crashed) is finished by the next poll or «Відбій» without doing a step twice.
 */
export const airRaidEndingSchema = z.object({
  replan: z
    .object({
      planVersion: z.number().int().positive().optional(),
      windowsMoved: z.number().int().min(0),
      error: z.string().max(300).optional(),
      dayOver: z.boolean().optional(),
      left: z.boolean().optional(),
      toRebook: z.array(idSchema).max(90).optional(),
      toRebookCount: z.number().int().min(0).optional(),
    })
    .optional(),
  /** The later days handed over (`days` absent in it: none). */
  later: z.object({ days: z.array(airRaidDaySchema).max(MAX_LATER_DAYS).optional() }).optional(),
  release: z.object({ released: z.number().int().min(0), dropped: z.number().int().min(0) }).optional(),
});
export type AirRaidEnding = z.infer<typeof airRaidEndingSchema>;

export const airRaidAlertSchema = z.object({
  ...storedFields,
  area: airRaidAreaSchema,
  source: z.enum(['dispatcher', 'feed']),
  startedAt: isoInstantSchema,
  startedBy: z.string().min(1).max(200),
  /** Set by another hromada's dispatcher for its raion or oblast (absent: this hromada's own or the feed's). */
  startedFrom: airRaidOriginSchema.optional(),
  endedAt: isoInstantSchema.optional(),
  endedBy: z.string().max(200).optional(),
  /**
   * Its start day (the plan it shifts): the local date it started on, or the day before when it
   * started after midnight while a route of that day was still on the road.
   */
  date: z.iso.date(),
  effects: airRaidEffectsSchema,
  ending: airRaidEndingSchema.optional(),
  /** DynamoDB TTL (epoch seconds): kept as long as the audit trail. */
  expiresAt: z.number().int(),
});
export type AirRaidAlert = z.infer<typeof airRaidAlertSchema>;

export const isActive = (a: AirRaidAlert): boolean => a.endedAt === undefined;
