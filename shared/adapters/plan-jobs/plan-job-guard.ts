import type { PlanJob } from '../../domain/entities/plan-job';
import { ConflictError } from '../../domain/errors';

/** A job that ended gives its day's guard back. */
export function jobEnded(job: PlanJob): boolean {
  return job.state === 'done' || job.state === 'failed';
}

/** The second planning request while one runs: 409 with the reason for the dispatcher. */
export function dayAlreadyPlanning(job: PlanJob, runningJobId: string): ConflictError {
  return new ConflictError(`${job.date} is already being planned by job ${runningJobId}`, undefined, {
    code: 'plan-job-running',
    reason: 'Цей день уже планується. Дочекайтеся завершення планування й спробуйте знову.',
  });
}
