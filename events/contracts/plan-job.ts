import { z } from 'zod';

/** The asynchronous invoke of functions/plan by the api (shared/ports/plan-jobs.ts, PlanJobEvent). */
export const planJobEventSchema = z.strictObject({
  hromadaId: z.string().min(1).max(64),
  jobId: z.string().min(1).max(64),
  /** The jobs function runs plans and CSV imports (absent: a plan). */
  kind: z.enum(['plan', 'import']).optional(),
});
export type PlanJobInvoke = z.infer<typeof planJobEventSchema>;
