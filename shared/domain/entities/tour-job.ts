import { z } from 'zod';
import { idSchema, isoInstantSchema, localDateSchema, storedFields } from '../common';
import { planJobProgressSchema, planJobStates } from './plan-job';

/**
 * A tour planned in the background (`POST /providers/{p}/tours` answers 202 with it): the jobs
 * function (`plan`, event kind `tour`) runs the tour planner and writes its progress here; `tourId`
 * is the tour it saved. The same states and progress as a day's planning job (plan-job.ts). Its own
 * partition (`TOURJOB#<id>`): it belongs to the provider; `hromadaId` is the provider's home hromada.
 */
export const tourJobSchema = z.object({
  ...storedFields,
  providerId: idSchema,
  /** The tour's first and last working dates: the visits it takes are those between them. */
  from: localDateSchema,
  to: localDateSchema,
  state: z.enum(planJobStates),
  /** The planner's budget for the whole tour, seconds. */
  seconds: z.number().positive(),
  /** What was asked: the tour to plan (`tourCreateSchema`'s output, parsed again by the run). */
  request: z.record(z.string(), z.unknown()),
  /** After this (ISO) a job still queued or running is taken as lost (its function died). */
  leaseUntil: isoInstantSchema,
  /** Who asked: the tour's audit entries name them. */
  actor: z.string().min(1),
  progress: planJobProgressSchema.optional(),
  /** The tour it saved (done). */
  tourId: idSchema.optional(),
  /** Why it failed: a stable code and, when known, the reason in Ukrainian. */
  error: z.object({ code: z.string(), reason: z.string().optional() }).optional(),
  startedAt: isoInstantSchema.optional(),
  finishedAt: isoInstantSchema.optional(),
  /** TTL (epoch seconds): a job is kept for a month. */
  expiresAt: z.number().int(),
});
export type TourJob = z.infer<typeof tourJobSchema>;

/**
 * The provider's guard against two tour jobs over the same dates: the jobs queued or running, each
 * with its dates and lease. One item per provider (`TOURJOBS#<provider>` / `GUARD`), replaced at
 * its version; an entry whose lease passed no longer counts. `id` is the provider's id.
 */
export const tourJobGuardSchema = z.object({
  ...storedFields,
  running: z.array(
    z.object({ jobId: idSchema, from: localDateSchema, to: localDateSchema, leaseUntil: isoInstantSchema }),
  ),
});
export type TourJobGuard = z.infer<typeof tourJobGuardSchema>;
