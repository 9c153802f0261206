import { z } from 'zod';
import { nameSchema, storedFields } from '../common';
import { phoneSchema } from '../phone';

/** УСЗН, терцентр, ЦСС, центр реабілітації… — the units that own vehicles and run services. */
export const providerKinds = [
  'social-protection-department',
  'territorial-centre',
  'social-services-centre',
  'rehabilitation-centre',
  'cnap',
  'other',
] as const;

export const serviceTypes = ['social-taxi', 'mobile-brigade', 'mobile-case', 'delivery'] as const;
export type ServiceType = (typeof serviceTypes)[number];

export const providerFields = {
  name: nameSchema,
  kind: z.enum(providerKinds),
  services: z.array(z.enum(serviceTypes)).min(1),
  /** Office phone, any valid Ukrainian number (landlines allowed). */
  phone: phoneSchema().optional(),
  /** A regional centre's tour planning budget, seconds (a tour job's default; at most TOUR_SECONDS_MAX). */
  tourSeconds: z.number().int().min(1).max(600).optional(),
};

export const providerSchema = z.object({ ...storedFields, ...providerFields, phone: z.string().optional() });
export type Provider = z.infer<typeof providerSchema>;
