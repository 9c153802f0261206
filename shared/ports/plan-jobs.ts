import type { PlanJob } from '../domain/entities/plan-job';
import type { Change } from './entity-repository';

/**
 * Background planning jobs (one table: the job item and a per-day guard). At most one job per
 * hromada and day is queued or running: the guard is held until the job ends or its lease passes.
 */
export interface PlanJobStore {
  /**
   * Creates the job (state `queued`) and takes the day's guard, one transaction. A guard still
   * held by another job whose lease has not passed (`now`) is a ConflictError with a reason.
   * `also`: changes written in the same transaction (the request's Idempotency-Key record).
   */
  create(job: PlanJob, now: Date, also?: Change[]): Promise<void>;
  get(hromadaId: string, jobId: string): Promise<PlanJob | undefined>;
  /**
   * Replaces the job if it is still at `expectedVersion` (ConflictError otherwise); a job that
   * ends (`done`, `failed`) gives the day's guard back in the same transaction.
   */
  update(job: PlanJob, expectedVersion: number): Promise<void>;
}

/** The message that starts a job's run: what the `plan` function is invoked with. */
export interface PlanJobEvent {
  hromadaId: string;
  jobId: string;
  /**
   * Which job: a day's plan (absent, `plan`), a CSV import (`import`, shared/app/import/import-job.ts)
   * or a provider's tour (`tour`, shared/app/tours/tour-job.ts).
   */
  kind?: 'plan' | 'import' | 'tour';
}

/**
 * Starts a job's run without waiting for it: in AWS an asynchronous invoke of the `plan` function
 * (its failures go to the on-failure destination); on one machine the same handler in the
 * background of the process.
 */
export interface PlanJobRunner {
  start(event: PlanJobEvent): Promise<void>;
}
