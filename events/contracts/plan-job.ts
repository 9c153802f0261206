import { z } from 'zod';

/** The asynchronous invoke of functions/plan by the api (shared/ports/plan-jobs.ts, PlanJobEvent). */
export const planJobEventSchema = z.strictObject({
  hromadaId: z.string().min(1).max(64),
  jobId: z.string().min(1).max(64),
  /**
   * The jobs function runs plans, CSV imports and tours (absent: a plan). A tour's `hromadaId` is
   * its provider's home hromada; its job is read by `jobId` alone.
   */
  kind: z.enum(['plan', 'import', 'tour']).optional(),
});
export type PlanJobInvoke = z.infer<typeof planJobEventSchema>;
