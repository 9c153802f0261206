import { z } from 'zod';
import { idSchema, nameSchema, storedFields } from '../common';
import { e164Schema, phoneSchema } from '../phone';

export const driverFields = {
  name: nameSchema,
  /** Drivers get their route by SMS: a mobile number is required. */
  phone: phoneSchema({ requireMobile: true }),
  vehicleIds: z.array(idSchema).default([]),
  /** Route SMS in Latin transliteration (GSM-7: 160 characters per segment instead of 70). */
  transliterateSms: z.boolean().default(false),
  active: z.boolean().default(true),
};

export const driverSchema = z.object({ ...storedFields, ...driverFields, phone: e164Schema });
export type Driver = z.infer<typeof driverSchema>;
