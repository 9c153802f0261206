/**
 * The provider's tour-job guard (pattern RT9): the jobs queued or running, with their dates and
 * leases, in one item replaced at its version. A job is created with its entry in one transaction;
 * an entry whose lease passed (its function died) no longer counts; a job that ends takes its entry
 * out (a lost race is read again, a few times; the lease frees it otherwise).
 */

import { BUSY_ITEM_REASON } from '../../domain/concurrent-change';
import type { Hromada } from '../../domain/entities/hromada';
import type { TourJob, TourJobGuard } from '../../domain/entities/tour-job';
import { ConflictError } from '../../domain/errors';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';

/** Tries when another job's start or end changed the guard between its read and its write. */
const TRIES = 3;

type GuardPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

/** The refusal: a job of the same provider over overlapping dates is queued or running. */
export function tourJobRunning(other: { jobId: string; from: string; to: string }): ConflictError {
  return new ConflictError(`tour job ${other.jobId} is running over ${other.from}..${other.to}`, undefined, {
    code: 'tour-job-running',
    reason: `Тур на ці дати (${other.from} — ${other.to}) уже планується (завдання ${other.jobId}): дочекайтеся його кінця.`,
  });
}

/** Creates the job with its entry in the guard and an audit entry, one transaction. */
export async function takeTourJobGuard(ports: GuardPorts, home: Hromada, job: TourJob): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const guard = await ports.entities.tours.jobGuard(job.providerId);
    const now = ports.clock.now().toISOString();
    const live = (guard?.running ?? []).filter((r) => r.leaseUntil >= now);
    const clash = live.find((r) => r.from <= job.to && job.from <= r.to);
    if (clash) throw tourJobRunning(clash);
    const entry = { jobId: job.id, from: job.from, to: job.to, leaseUntil: job.leaseUntil };
    const changes: Change[] = [
      { op: 'create', entity: 'TourJob', item: job },
      guardWrite(guard, { hromadaId: home.id, id: job.providerId, now }, [...live, entry]),
      auditChange(ports, home, job.actor, 'plan', 'TourJob', job.id, ['from', 'to', 'seconds']),
    ];
    try {
      await ports.entities.commit(changes);
      return;
    } catch (error) {
      // a version lost to another job's start or end, or (DynamoDB) a transaction in progress on
      // the guard, carrying the busy reason: read the guard again; any other refusal stands
      const raced =
        error instanceof ConflictError && (error.reason === undefined || error.reason === BUSY_ITEM_REASON);
      if (!raced || attempt >= TRIES) throw error;
    }
  }
}

/**
 * The job goes `running` with its lease renewed from now (the asynchronous invoke may have waited
 * up to its maximum event age), and its entry in the guard renewed with it, one transaction: so
 * that neither the poller nor another job's start counts the lease from the job's creation. A
 * guard that keeps changing is left as it is (the job still runs on its first lease). Returns
 * false when the job changed meanwhile (another delivery of the event took it).
 */
export async function startRunning(
  ports: Pick<Ports, 'entities' | 'clock'>,
  queued: TourJob,
  running: TourJob,
): Promise<boolean> {
  const jobWrite: Change = {
    op: 'update',
    entity: 'TourJob',
    item: running,
    expectedVersion: queued.version,
  };
  for (let attempt = 1; attempt <= TRIES; attempt += 1) {
    const guard = await ports.entities.tours.jobGuard(queued.providerId);
    const now = ports.clock.now().toISOString();
    const mine = guard?.running.some((r) => r.jobId === queued.id);
    const renewed = (guard?.running ?? []).map((r) =>
      r.jobId === queued.id ? { ...r, leaseUntil: running.leaseUntil } : r,
    );
    try {
      await ports.entities.commit(
        guard && mine
          ? [jobWrite, guardWrite(guard, { hromadaId: guard.hromadaId, id: guard.id, now }, renewed)]
          : [jobWrite],
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const job = await ports.entities.tours.job(queued.id);
      if (job?.version !== queued.version) return false;
    }
  }
  await ports.entities.commit([jobWrite]);
  return true;
}

/** Takes an ended job's entry out of the guard; a guard that keeps changing is left to the lease. */
export async function releaseTourJob(ports: Pick<Ports, 'entities' | 'clock'>, job: TourJob): Promise<void> {
  for (let attempt = 1; attempt <= TRIES; attempt += 1) {
    const guard = await ports.entities.tours.jobGuard(job.providerId);
    if (!guard?.running.some((r) => r.jobId === job.id)) return;
    const now = ports.clock.now().toISOString();
    const rest = guard.running.filter((r) => r.jobId !== job.id && r.leaseUntil >= now);
    try {
      await ports.entities.commit([
        guardWrite(guard, { hromadaId: guard.hromadaId, id: guard.id, now }, rest),
      ]);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}

function guardWrite(
  guard: TourJobGuard | undefined,
  at: { hromadaId: string; id: string; now: string },
  running: TourJobGuard['running'],
): Change {
  if (!guard) {
    const item = {
      id: at.id,
      hromadaId: at.hromadaId,
      running,
      version: 1,
      createdAt: at.now,
      updatedAt: at.now,
    };
    return { op: 'create', entity: 'TourJobGuard', item };
  }
  const item = { ...guard, running, version: guard.version + 1, updatedAt: at.now };
  return { op: 'update', entity: 'TourJobGuard', item, expectedVersion: guard.version };
}
