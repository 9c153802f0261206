/**
 * Planning a day as a background job: the API creates the job and hands it to the `plan` function
 * (`startPlanJob`, 202 at once); the function runs the engine, writing its progress on the job at
 * most about once a second, and records the plan version it saved or why it failed (`runPlanJob`).
 * One job per hromada and day at a time: a second is a 409 with the reason.
 */

import type { Actor } from '../../domain/actor';
import type { PlanJob, PlanJobProgress } from '../../domain/entities/plan-job';
import { AppError, NotFoundError } from '../../domain/errors';
import type { PlanJobEvent } from '../../ports/plan-jobs';
import type { Ports } from '../../ports/ports';
import type { SolveProgress } from '../../routing/vroom-format';
import { asPolled, endJob, nextJob, runFailure, startJobRun } from '../background-job';
import { requireHromada } from '../registry';
import { planDay } from './plan-day';
import { planToReplace } from './read-plan';

/** Progress is written at most this often (engine time). */
export const PROGRESS_EVERY_MS = 1000;
/** Loading the day and saving the plan on top of the engine's budget, before a job counts as lost. */
export const LEASE_MARGIN_S = 300;

const FAILED_REASON = 'Не вдалося спланувати день. Спробуйте ще раз.';
const LOST_REASON = 'Планування перервалося. Спробуйте ще раз.';

export interface PlanJobRequest {
  /** The engine's budget; absent: the hromada's rule (`rules.planningSeconds`). */
  seconds?: number;
  /** The plan version the dispatcher last saw (absent for a first plan). */
  expectedVersion?: number;
}

export async function startPlanJob(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'planJobs' | 'planJobRunner'>,
  hromadaId: string,
  date: string,
  actor: Actor,
  request: PlanJobRequest,
): Promise<PlanJob> {
  const hromada = await requireHromada(ports, hromadaId);
  // a stale version is a 409 now, not a failed job later
  await planToReplace(ports, hromadaId, date, request.expectedVersion);
  const seconds = request.seconds ?? hromada.rules.planningSeconds;
  const now = ports.clock.now();
  const at = now.toISOString();
  const job: PlanJob = {
    id: ports.ids.next(),
    hromadaId,
    date,
    state: 'queued',
    seconds,
    ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
    leaseUntil: new Date(now.getTime() + (seconds + LEASE_MARGIN_S) * 1000).toISOString(),
    actor,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await ports.planJobs.create(job, now);
  await startJobRun(ports, job, 'plan', FAILED_REASON, async (failed, forgetKey) => {
    await ports.planJobs.update(failed, job.version);
    await ports.entities.commit([forgetKey]);
  });
  return job;
}

/** The job as the dispatcher polls it; one whose function died shows as failed once its lease passed. */
export async function getPlanJob(
  ports: Pick<Ports, 'planJobs' | 'clock'>,
  hromadaId: string,
  jobId: string,
): Promise<PlanJob> {
  const job = await ports.planJobs.get(hromadaId, jobId);
  if (!job) throw new NotFoundError('PlanJob', jobId);
  return asPolled(ports.clock, job, { code: 'plan-job-lost', reason: LOST_REASON });
}

export interface RunOptions {
  /** Tests: a fixed number of engine iterations instead of the clock. */
  maxIterations?: number;
}

/**
 * The `plan` function's run of one job. A job no longer queued (the same event delivered again) is
 * left as it is. A refusal the dispatcher can act on (a stale version, a past day, the checker) is
 * recorded and the run ends; anything else is recorded and thrown (the on-failure destination).
 */
export async function runPlanJob(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids' | 'solver' | 'planJobs'>,
  event: PlanJobEvent,
  options: RunOptions = {},
): Promise<PlanJob> {
  const queued = await ports.planJobs.get(event.hromadaId, event.jobId);
  if (!queued) throw new NotFoundError('PlanJob', event.jobId);
  if (queued.state !== 'queued') return queued;
  let current = next(ports, queued, { state: 'running', startedAt: ports.clock.now().toISOString() });
  await ports.planJobs.update(current, queued.version);

  const progress = progressWriter(PROGRESS_EVERY_MS, async (latest) => {
    const withProgress = next(ports, current, { progress: latest });
    await ports.planJobs.update(withProgress, current.version);
    current = withProgress;
  });
  try {
    const plan = await planDay(ports, current.hromadaId, current.date, current.actor, {
      timeLimitMs: current.seconds * 1000,
      ...(current.expectedVersion !== undefined ? { expectedVersion: current.expectedVersion } : {}),
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      onProgress: progress.report,
    });
    await progress.settled();
    const done = ended(ports, current, 'done', { planVersion: plan.version, ...progress.last() });
    await ports.planJobs.update(done, current.version);
    return done;
  } catch (error) {
    await progress.settled();
    const known = error instanceof AppError;
    const failure = runFailure(error, FAILED_REASON);
    const failed = ended(ports, current, 'failed', { error: failure, ...progress.last() });
    await ports.planJobs.update(failed, current.version);
    if (!known) throw error;
    return failed;
  }
}

const next = (ports: Pick<Ports, 'clock'>, job: PlanJob, change: Partial<PlanJob>): PlanJob =>
  nextJob(ports.clock, job, change);
const ended = (
  ports: Pick<Ports, 'clock'>,
  job: PlanJob,
  state: 'done' | 'failed',
  change: Partial<PlanJob>,
) => endJob(ports.clock, job, state, change);

/**
 * The engine reports every improvement; one write is in flight at a time, at most one per
 * `everyMs` of engine time (a second solve of the same plan starts its clock again: its time is
 * added on). A write that fails is dropped: progress is a hint, the outcome is what counts.
 */
export function progressWriter(everyMs: number, write: (progress: PlanJobProgress) => Promise<void>) {
  let latest: PlanJobProgress | undefined;
  let offset = 0;
  let lastSeen = 0;
  let lastWritten = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  return {
    report: (p: SolveProgress) => {
      if (p.elapsedMs < lastSeen) offset += lastSeen;
      lastSeen = p.elapsedMs;
      const elapsedMs = Math.round(offset + p.elapsedMs);
      latest = { elapsedMs, bestCost: p.bestCost, unassigned: p.unassigned };
      if (inFlight || elapsedMs - lastWritten < everyMs) return;
      lastWritten = elapsedMs;
      inFlight = write(latest)
        .catch(() => undefined)
        .finally(() => {
          inFlight = undefined;
        });
    },
    settled: async () => {
      await inFlight;
    },
    last: (): { progress?: PlanJobProgress } => (latest ? { progress: latest } : {}),
  };
}
