/**
 * Planning a tour as a background job, the way a day is planned (shared/app/planning/plan-job.ts):
 * the API creates the job and hands it to the jobs function (`PlanJobRunner`, an event of kind
 * `tour`) and answers 202 at once (`startTourJob`); the function runs the tour planner, writing its
 * progress on the job at most about once a second, and ends `done` with the tour's id, written in
 * the tour's own transaction, or `failed` with a code and reason (`runTourJob`).
 *
 * One job per provider over overlapping dates at a time: a second is a 409 with the reason (the
 * provider's guard, tour-job-guard.ts). Not joined: a second request may ask for another vehicle,
 * other nights or other hours, and would silently get a tour it did not ask for; a retry of the
 * same request is answered by its Idempotency-Key instead.
 */
import type { Actor } from '../../domain/actor';
import { type TourCreate, tourCreateSchema } from '../../domain/entities/tour';
import type { TourJob } from '../../domain/entities/tour-job';
import { AppError, NotFoundError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import type { PlanJobEvent } from '../../ports/plan-jobs';
import type { Ports } from '../../ports/ports';
import { asPolled, endJob, nextJob, runFailure, startJobRun } from '../background-job';
import { LEASE_MARGIN_S, PROGRESS_EVERY_MS, progressWriter } from '../planning/plan-job';
import { type PlanTourPorts, planTour, TOUR_SECONDS_DEFAULT } from './plan-tour';
import { releaseTourJob, startRunning, takeTourJobGuard } from './tour-job-guard';
import { requireHromada } from './tour-ports';

/** A job is kept for a month (the dispatcher's "how did that tour go"), then TTL deletes it. */
const JOB_TTL_S = 30 * 86_400;

const FAILED_REASON = 'Не вдалося спланувати тур. Спробуйте ще раз.';
const LOST_REASON = 'Планування туру перервалося. Спробуйте ще раз.';

type CreatePorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;
type StartPorts = CreatePorts & Pick<Ports, 'planJobRunner'>;

/**
 * Creates the job (`queued`) and takes the provider's guard for its dates, one transaction with an
 * audit entry in the provider's home hromada. The budget: the request's `seconds`, else the
 * provider's `tourSeconds`, else TOUR_SECONDS_DEFAULT.
 */
export async function createTourJob(
  ports: CreatePorts,
  providerId: string,
  input: TourCreate,
  actor: Actor,
): Promise<TourJob> {
  const home = await requireHromada(ports, input.providerHromadaId);
  const provider = await ports.entities.registry.get(registryKinds.providers, home.id, providerId);
  if (!provider) throw new NotFoundError('Provider', providerId);
  const seconds = input.seconds ?? provider.tourSeconds ?? TOUR_SECONDS_DEFAULT;
  const now = ports.clock.now();
  const at = now.toISOString();
  const { seconds: _asked, ...request } = input;
  const job: TourJob = {
    id: ports.ids.next(),
    hromadaId: home.id,
    providerId,
    from: input.days[0]?.date ?? '',
    to: input.days[input.days.length - 1]?.date ?? '',
    state: 'queued',
    seconds,
    request,
    leaseUntil: leaseFrom(now, seconds),
    actor,
    version: 1,
    createdAt: at,
    updatedAt: at,
    expiresAt: Math.floor(now.getTime() / 1000) + JOB_TTL_S,
  };
  await takeTourJobGuard(ports, home, job);
  return job;
}

/** A job's lease: its budget and the margin from `now` (its creation, renewed when it runs). */
const leaseFrom = (now: Date, seconds: number): string =>
  new Date(now.getTime() + (seconds + LEASE_MARGIN_S) * 1000).toISOString();

/** Creates the job and starts its run without waiting: the API's 202. */
export async function startTourJob(
  ports: StartPorts,
  providerId: string,
  input: TourCreate,
  actor: Actor,
): Promise<TourJob> {
  const job = await createTourJob(ports, providerId, input, actor);
  await startJobRun(ports, job, 'tour', FAILED_REASON, async (failed, forgetKey) => {
    await ports.entities.commit([
      { op: 'update', entity: 'TourJob', item: failed, expectedVersion: job.version },
      forgetKey,
    ]);
    await releaseTourJob(ports, failed);
  });
  return job;
}

/** The job as its provider polls it; one whose function died shows as failed once its lease passed. */
export async function getTourJob(
  ports: Pick<Ports, 'entities' | 'clock'>,
  providerId: string,
  jobId: string,
): Promise<TourJob> {
  const job = await ports.entities.tours.job(jobId);
  if (!job || job.providerId !== providerId) throw new NotFoundError('TourJob', jobId);
  return asPolled(ports.clock, job, { code: 'tour-job-lost', reason: LOST_REASON });
}

/** A job as the console polls it: the day job's shape, `tourId` its result (who asked stays in the audit). */
export function tourJobView({
  actor: _actor,
  leaseUntil: _lease,
  request: _request,
  expiresAt: _ttl,
  ...job
}: TourJob) {
  return job;
}

/**
 * The jobs function's run of one tour job. A job no longer queued (the same event delivered again)
 * is left as it is. A refusal the provider can act on (too many visits, the checker) is recorded
 * and the run ends; anything else is recorded and thrown (the on-failure destination).
 */
export async function runTourJob(
  ports: PlanTourPorts,
  event: PlanJobEvent,
  options: { maxIterations?: number } = {},
): Promise<TourJob> {
  const queued = await ports.entities.tours.job(event.jobId);
  if (!queued) throw new NotFoundError('TourJob', event.jobId);
  if (queued.state !== 'queued') return queued;
  const now = ports.clock.now();
  if (queued.leaseUntil < now.toISOString()) {
    // delivered after its lease: the poller already shows it lost and its dates are free again
    const lost = ended(ports, queued, 'failed', { error: { code: 'tour-job-lost', reason: LOST_REASON } });
    await save(ports, lost, queued.version);
    await releaseTourJob(ports, lost);
    return lost;
  }
  let current = nextJob(ports.clock, queued, {
    state: 'running',
    startedAt: now.toISOString(),
    leaseUntil: leaseFrom(now, queued.seconds),
  });
  if (!(await startRunning(ports, queued, current)))
    return (await ports.entities.tours.job(queued.id)) ?? queued;

  const progress = progressWriter(PROGRESS_EVERY_MS, async (latest) => {
    const withProgress = nextJob(ports.clock, current, { progress: latest });
    await save(ports, withProgress, current.version);
    current = withProgress;
  });
  let outcome: TourJob;
  try {
    const input = tourCreateSchema.parse(current.request);
    let done: TourJob | undefined;
    await planTour(ports, current.providerId, input, current.actor, {
      timeLimitMs: current.seconds * 1000,
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      onProgress: progress.report,
      also: async (tour) => {
        await progress.settled();
        done = ended(ports, current, 'done', { tourId: tour.id, ...progress.last() });
        return [{ op: 'update', entity: 'TourJob', item: done, expectedVersion: current.version }];
      },
    });
    outcome = done ?? current;
  } catch (error) {
    await progress.settled();
    const known = error instanceof AppError;
    const failure = runFailure(error, FAILED_REASON);
    const failed = ended(ports, current, 'failed', { error: failure, ...progress.last() });
    await save(ports, failed, current.version);
    await releaseTourJob(ports, failed);
    if (!known) throw error;
    return failed;
  }
  await releaseTourJob(ports, outcome);
  return outcome;
}

function save(ports: Pick<Ports, 'entities'>, job: TourJob, expectedVersion: number): Promise<void> {
  return ports.entities.commit([{ op: 'update', entity: 'TourJob', item: job, expectedVersion }]);
}

const ended = (
  ports: Pick<Ports, 'clock'>,
  job: TourJob,
  state: 'done' | 'failed',
  change: Partial<TourJob>,
): TourJob => endJob(ports.clock, job, state, change);
