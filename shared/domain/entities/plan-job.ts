import { z } from 'zod';

/** Where a background planning job is. `queued` → `running` → `done` or `failed`. */
export const planJobStates = ['queued', 'running', 'done', 'failed'] as const;

/** What the engine has found so far, reported at most about once a second. */
export const planJobProgressSchema = z.object({
  elapsedMs: z.number().min(0),
  bestCost: z.number(),
  unassigned: z.number().int().min(0),
});

/**
 * A day planned in the background (`POST /hromady/{h}/plans/{date}` answers 202 with it): the
 * `plan` function runs the engine and writes its progress here; `planVersion` is the plan it saved.
 */
export const planJobSchema = z.object({
  id: z.string().min(1),
  hromadaId: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  state: z.enum(planJobStates),
  /** The engine's budget, seconds. */
  seconds: z.number().positive(),
  /** The plan version the dispatcher last saw (absent: the day had no plan). */
  expectedVersion: z.number().int().positive().optional(),
  /** After this (ISO) a job still queued or running is taken as lost (its function died). */
  leaseUntil: z.string(),
  /** Who asked: the plan's audit entry names them. */
  actor: z.string().min(1),
  progress: planJobProgressSchema.optional(),
  planVersion: z.number().int().positive().optional(),
  /** Why it failed: a stable code and, when known, the reason in Ukrainian. */
  error: z.object({ code: z.string(), reason: z.string().optional() }).optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type PlanJob = z.infer<typeof planJobSchema>;
export type PlanJobProgress = z.infer<typeof planJobProgressSchema>;
