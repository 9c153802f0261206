import { z } from 'zod';
import { idSchema, localTimeSchema, nameSchema, storedFields, textSchema } from '../common';
import { serviceTypes } from './provider';

export const shiftSchema = z
  .strictObject({
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1),
    start: localTimeSchema,
    end: localTimeSchema,
  })
  .refine((s) => s.start < s.end, { message: 'shift must end after it starts', path: ['end'] });

export const vehicleFields = {
  name: nameSchema,
  /** Ukrainian plate, e.g. АВ1234ВС; stored as typed, upper-cased. */
  plate: textSchema(4, 12).toUpperCase(),
  providerId: idSchema.optional(),
  depotId: idSchema,
  services: z.array(z.enum(serviceTypes)).min(1),
  capacity: z.strictObject({
    seats: z.number().int().min(0).max(60),
    wheelchairPlaces: z.number().int().min(0).max(8).default(0),
    cargoKg: z.number().min(0).max(5000).default(0),
    /** Cargo volume (litres) for deliveries: a planning capacity dimension like kilograms. */
    cargoLitres: z.number().min(0).max(20000).default(0),
  }),
  features: z
    .strictObject({
      ramp: z.boolean().default(false),
      coldBox: z.boolean().default(false),
    })
    .default({ ramp: false, coldBox: false }),
  shifts: z.array(shiftSchema).default([]),
  /**
   * Road travel times for this vehicle: `driving-car`, or `driving-hgv` for a heavier van (the
   * routing service then avoids roads closed to heavy vehicles).
   */
  profile: z.enum(['driving-car', 'driving-hgv']).default('driving-car'),
  active: z.boolean().default(true),
};

export const vehicleSchema = z.object({ ...storedFields, ...vehicleFields });
export type Vehicle = z.infer<typeof vehicleSchema>;
