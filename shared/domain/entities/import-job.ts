import { z } from 'zod';

/** Where a CSV import job is. `queued` → `running` → `done` or `failed`. */
export const importJobStates = ['queued', 'running', 'done', 'failed'] as const;

/**
 * A CSV import run in the background (`POST /hromady/{h}/imports/{kind}` answers 202 with it):
 * the jobs function (`functions/plan`) imports the file row by row and writes its progress here;
 * `report` is the per-row report at the end. The file itself (`file`, base64 as uploaded) is kept
 * only until the job ends.
 */
export const importJobSchema = z.object({
  id: z.string().min(1),
  hromadaId: z.string().min(1),
  /** The kind imported: `residents`, `drivers`, `settlements`, `vehicles`, `standing-orders`. */
  kind: z.string().min(1),
  dryRun: z.boolean(),
  state: z.enum(importJobStates),
  /** The uploaded CSV (base64), removed when the job ends. */
  file: z.string().optional(),
  /** After this (ISO) a job still queued or running is taken as lost (its function died). */
  leaseUntil: z.string(),
  actor: z.string().min(1),
  progress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }).optional(),
  /** The import's report (shared/app/import/import-csv.ts, ImportReport). */
  report: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ code: z.string(), reason: z.string().optional() }).optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ImportJob = z.infer<typeof importJobSchema>;
