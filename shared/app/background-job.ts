import { AppError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { Change } from '../ports/entity-repository';
import type { PlanJobEvent } from '../ports/plan-jobs';
import type { Ports } from '../ports/ports';

type JobKind = NonNullable<PlanJobEvent['kind']>;

/** What every background job item (a planning job, an import job) has: its state and its lease. */
interface JobItem {
  state: 'queued' | 'running' | 'done' | 'failed';
  leaseUntil: string;
  version: number;
  updatedAt: string;
}

/** The job's next version with the change: one more `version`, `updatedAt` now. */
export function nextJob<J extends JobItem>(clock: Clock, job: J, change: Partial<J>): J {
  return { ...job, ...change, version: job.version + 1, updatedAt: clock.now().toISOString() };
}

/** The job's end: `done` or `failed`, with `finishedAt` now. */
export function endJob<J extends JobItem & { finishedAt?: string }>(
  clock: Clock,
  job: J,
  state: 'done' | 'failed',
  change: Partial<J>,
): J {
  return nextJob(clock, job, { ...change, state, finishedAt: clock.now().toISOString() } as Partial<J>);
}

/**
 * The job as its poller sees it: one still queued or running after its lease (its function died)
 * reads as failed with the error given, without a write.
 */
export function asPolled<J extends JobItem & { error?: { code: string; reason?: string } }>(
  clock: Clock,
  job: J,
  lost: { code: string; reason: string },
): J {
  const open = job.state === 'queued' || job.state === 'running';
  return open && job.leaseUntil < clock.now().toISOString() ? { ...job, state: 'failed', error: lost } : job;
}

/**
 * Hands the job to its function (`PlanJobRunner`, an event of its `kind`). If that fails, nothing
 * started: the job ends `failed` (`<kind>-job-not-started` with `reason`), and `recordFailed` writes
 * it together with the call's Idempotency-Key forgotten (`forgetKey`), so that a retry runs again;
 * then the start's error is thrown on.
 */
export async function startJobRun<
  J extends JobItem & { id: string; hromadaId: string; finishedAt?: string; error?: unknown },
>(
  ports: Pick<Ports, 'clock' | 'planJobRunner'>,
  job: J,
  kind: JobKind,
  reason: string,
  recordFailed: (failed: J, forgetKey: Change) => Promise<void>,
): Promise<void> {
  try {
    await ports.planJobRunner.start({
      hromadaId: job.hromadaId,
      jobId: job.id,
      ...(kind === 'plan' ? {} : { kind }),
    });
  } catch (error) {
    const notStarted = { code: `${kind}-job-not-started`, reason };
    const failed = endJob(ports.clock, job, 'failed', { error: notStarted } as Partial<J>);
    await recordFailed(failed, { op: 'idempotency-forget' });
    throw error;
  }
}

/**
 * What a run that threw records on its job: a refusal the user can act on (an AppError) with its
 * code and reason; anything else as `internal` with the job's own reason (and is thrown on).
 */
export function runFailure(error: unknown, failedReason: string): { code: string; reason: string } {
  const known = error instanceof AppError;
  return {
    code: known ? error.code : 'internal',
    reason: (known ? error.reason : undefined) ?? failedReason,
  };
}
