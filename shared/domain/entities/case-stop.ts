import { z } from 'zod';
import {
  geoPointSchema,
  idSchema,
  isoInstantSchema,
  localDateSchema,
  localTimeSchema,
  nameSchema,
  storedFields,
  textSchema,
} from '../common';

/**
 * A stop of the mobile case (АРМ «Мобільний кейс», «виїзд старости»): the workstation stands in a
 * settlement on a date for some hours, and residents book slots of `slotMinutes` there.
 */

/** What the workstation offers at a stop: short Ukrainian labels (e.g. `пенсія`, `субсидії`). */
export const caseServiceSchema = textSchema(2, 40);

const hoursShape = {
  /** Local (Kyiv) time the stop opens. */
  from: localTimeSchema,
  /** Local (Kyiv) time it closes. */
  to: localTimeSchema,
};

export const caseStopFields = {
  settlementId: idSchema,
  /** The local (Kyiv) date. */
  date: localDateSchema,
  ...hoursShape,
  /** Starosta district (старостинський округ); by default the settlement's. */
  starostaDistrict: nameSchema.nullable().optional(),
  /** Where in the settlement, e.g. `приміщення старостату`. */
  place: textSchema(3, 80).optional(),
  services: z.array(caseServiceSchema).min(1).max(12),
  /** Slot length; absent at creation: the hromada's default (rules.mobileCase.slotMinutes). */
  slotMinutes: z.number().int().min(10).max(30).optional(),
  /** The vehicle that carries the workstation (it must serve `mobile-case`). */
  vehicleId: idSchema,
  providerId: idSchema.optional(),
};

const hoursRefine = (s: { from?: string; to?: string }) => !s.from || !s.to || s.from < s.to;

export const caseStopCreateSchema = z
  .strictObject({ id: idSchema.optional(), ...caseStopFields })
  .refine(hoursRefine, { message: 'the stop must close after it opens', path: ['to'] });
export type CaseStopCreate = z.output<typeof caseStopCreateSchema>;

/** A partial update at the version read; the date and settlement are not moved (delete, create). */
export const caseStopPatchSchema = z
  .strictObject({
    version: z.number().int().positive(),
    from: localTimeSchema.optional(),
    to: localTimeSchema.optional(),
    place: caseStopFields.place,
    services: caseStopFields.services.optional(),
    slotMinutes: z.number().int().min(10).max(30).optional(),
    vehicleId: idSchema.optional(),
    providerId: idSchema.optional(),
    status: z.enum(['scheduled', 'cancelled']).optional(),
  })
  .refine(hoursRefine, { message: 'the stop must close after it opens', path: ['to'] });
export type CaseStopPatch = z.output<typeof caseStopPatchSchema>;

export const caseStopSchema = z.object({
  ...storedFields,
  ...caseStopFields,
  starostaDistrict: nameSchema.nullable(),
  slotMinutes: z.number().int().min(10).max(30),
  /** Where the workstation stands (the settlement's point at creation). */
  location: geoPointSchema,
  settlementName: nameSchema,
  status: z.enum(['scheduled', 'cancelled']),
  /** The schedule that generated it (absent: created by hand). */
  scheduleId: idSchema.optional(),
  /**
   * Minutes the planned arrival is after `from`: every slot moves by this much. Set when the
   * day is planned; residents whose slot time moved are told by SMS.
   */
  shiftMinutes: z.number().int().min(0).max(240).default(0),
  /** When residents of the settlement were sent the announcement (the evening before). */
  announcedAt: isoInstantSchema.optional(),
});
export type CaseStop = z.infer<typeof caseStopSchema>;

/** A resident's booking of one slot of a stop (0-based slot index). */
export interface CaseBooking {
  hromadaId: string;
  stopId: string;
  residentId: string;
  slot: number;
  version: number;
  bookedAt: string;
  updatedAt: string;
  /** Who booked: `dispatcher:<sub>` or `sms:<masked phone>`. */
  by: string;
  /** The slot time the resident was last told (HH:MM local): a shift that moves it tells them. */
  toldTime: string;
  /** TTL, epoch seconds. */
  expiresAt: number;
}
