import { z } from 'zod';
import { localTimeSchema, nameSchema, storedFields } from '../common';
import { senderIdSchema } from '../sender-id';

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
  monthlyRideQuota: z.number().int().min(0).max(1000).default(4),
  lateCancelHours: z.number().min(0).max(72).default(2),
  reminderTime: localTimeSchema.default('18:00'),
  quietHours: z
    .strictObject({ from: localTimeSchema, to: localTimeSchema })
    .default({ from: '21:00', to: '08:00' }),
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
  dailySmsSegmentCap: z.number().int().min(0).max(100_000).default(500),
  retentionDays: z
    .strictObject({
      requests: z.number().int().min(30).max(3650).default(400),
      messages: z.number().int().min(7).max(3650).default(90),
      audit: z.number().int().min(365).max(3650).default(1095),
    })
    .default({ requests: 400, messages: 90, audit: 1095 }),
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
  rules: hromadaRulesSchema.default(hromadaRulesSchema.parse({})),
};

export const hromadaCreateSchema = z.strictObject({ id: storedFields.id.optional(), ...hromadaFields });
export const hromadaSchema = z.object({ ...storedFields, ...hromadaFields });
export type Hromada = z.infer<typeof hromadaSchema>;
