/**
 * A CSV import as a background job, the way planning is one (shared/app/planning/plan-job.ts):
 * the API stores the uploaded file on a new job and hands it to the jobs function through the same
 * port (`PlanJobRunner`, an event of kind `import`) and answers 202 at once; the function imports
 * the rows (`importCsv`), writing its progress (rows done of all) on the job about once a second,
 * and ends `done` with the per-row report, or `failed` with a code and reason. The file is removed
 * from the job when it ends.
 */

import type { Actor } from '../../domain/actor';
import type { ImportJob } from '../../domain/entities/import-job';
import { AppError, NotFoundError } from '../../domain/errors';
import type { PlanJobEvent } from '../../ports/plan-jobs';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { asPolled, endJob, nextJob, runFailure, startJobRun } from '../background-job';
import { requireHromada } from '../registry';
import { type ImportReport, importCsv } from './import-csv';
import type { ImportablePlural } from './import-kinds';

/** Progress is written at most this often (the clock's time). */
export const IMPORT_PROGRESS_EVERY_MS = 1000;
/** A job still queued or running this long after it was created is taken as lost (15 min function). */
export const IMPORT_LEASE_S = 20 * 60;
/** A report larger than this (JSON) keeps its counts and only the rows with errors (item ≤ 400 KB). */
export const REPORT_MAX_CHARS = 250_000;

const FAILED_REASON = 'Не вдалося імпортувати файл. Спробуйте ще раз.';
const LOST_REASON = 'Імпорт перервався. Імпортуйте файл ще раз: уже записані рядки не зміняться.';

type StartPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'planJobRunner'>;
type RunPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

export interface ImportUpload {
  kind: ImportablePlural;
  /** The CSV as uploaded, base64. */
  file: string;
  dryRun: boolean;
}

/** Creates the job (`queued`, with its file and an audit entry) and starts its run: 202 at once. */
export async function startImportJob(
  ports: StartPorts,
  hromadaId: string,
  upload: ImportUpload,
  actor: Actor,
): Promise<ImportJob> {
  const hromada = await requireHromada(ports, hromadaId);
  const now = ports.clock.now();
  const at = now.toISOString();
  const job: ImportJob = {
    id: ports.ids.next(),
    hromadaId,
    kind: upload.kind,
    dryRun: upload.dryRun,
    state: 'queued',
    file: upload.file,
    leaseUntil: new Date(now.getTime() + IMPORT_LEASE_S * 1000).toISOString(),
    actor,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await ports.entities.commit([
    { op: 'import-job', job },
    auditChange(ports, hromada, actor, 'import', 'ImportJob', job.id, [
      upload.kind,
      ...(upload.dryRun ? ['dryRun'] : []),
    ]),
  ]);
  await startJobRun(ports, job, 'import', FAILED_REASON, (failed, forgetKey) =>
    ports.entities.commit([{ op: 'import-job', job: failed, expectedVersion: job.version }, forgetKey]),
  );
  return job;
}

/** The job as the dispatcher polls it (never its file); one whose function died reads as failed. */
export async function getImportJob(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromadaId: string,
  jobId: string,
): Promise<Omit<ImportJob, 'file'>> {
  const found = await ports.entities.importJobs.get(hromadaId, jobId);
  if (!found) throw new NotFoundError('ImportJob', jobId);
  const { file: _file, ...job } = found;
  return asPolled(ports.clock, job, { code: 'import-job-lost', reason: LOST_REASON });
}

/**
 * The jobs function's run of one import job. A job no longer queued (the event delivered again) is
 * left as it is. A refusal of the whole file (an unreadable file, an unknown hromada) is recorded
 * and the run ends; anything else is recorded and thrown.
 */
export async function runImportJob(ports: RunPorts, event: PlanJobEvent): Promise<ImportJob> {
  const queued = await ports.entities.importJobs.get(event.hromadaId, event.jobId);
  if (!queued) throw new NotFoundError('ImportJob', event.jobId);
  if (queued.state !== 'queued') return queued;
  let current = next(ports, queued, { state: 'running', startedAt: ports.clock.now().toISOString() });
  await save(ports, current, queued.version);

  const progress = progressWriter(ports, async (done, total) => {
    const withProgress = next(ports, current, { progress: { done, total } });
    await save(ports, withProgress, current.version);
    current = withProgress;
  });
  try {
    const bytes = new Uint8Array(Buffer.from(current.file ?? '', 'base64'));
    const report = await importCsv(ports, current.hromadaId, current.kind as ImportablePlural, bytes, {
      dryRun: current.dryRun,
      actor: current.actor,
      onProgress: progress.report,
    });
    await progress.settled();
    const done = ended(ports, current, 'done', {
      progress: { done: report.rows, total: report.rows },
      report: fitted(report),
    });
    await save(ports, done, current.version);
    return done;
  } catch (error) {
    await progress.settled();
    const known = error instanceof AppError;
    const failure = runFailure(error, FAILED_REASON);
    const failed = ended(ports, current, 'failed', { error: failure });
    await save(ports, failed, current.version);
    if (!known) throw error;
    return failed;
  }
}

function save(ports: RunPorts, job: ImportJob, expectedVersion: number): Promise<void> {
  return ports.entities.commit([{ op: 'import-job', job, expectedVersion }]);
}

const next = (ports: Pick<Ports, 'clock'>, job: ImportJob, change: Partial<ImportJob>): ImportJob =>
  nextJob(ports.clock, job, change);

/** The job's end: its state, when, and without its file. */
function ended(
  ports: Pick<Ports, 'clock'>,
  job: ImportJob,
  state: 'done' | 'failed',
  change: Partial<ImportJob>,
): ImportJob {
  const { file: _file, ...rest } = endJob(ports.clock, job, state, change);
  return rest;
}

/** The report as the job keeps it: whole, or (a very long file) its counts and its errors. */
function fitted(report: ImportReport): Record<string, unknown> {
  if (JSON.stringify(report).length <= REPORT_MAX_CHARS) return { ...report };
  return { ...report, items: report.items.filter((i) => i.action === 'error'), itemsTruncated: true };
}

/** One progress write in flight at a time, at most one per IMPORT_PROGRESS_EVERY_MS; a failed one is dropped. */
function progressWriter(ports: Pick<Ports, 'clock'>, write: (done: number, total: number) => Promise<void>) {
  let lastWritten = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  return {
    report: (done: number, total: number) => {
      const now = ports.clock.now().getTime();
      if (inFlight || now - lastWritten < IMPORT_PROGRESS_EVERY_MS) return;
      lastWritten = now;
      inFlight = write(done, total)
        .catch(() => undefined)
        .finally(() => {
          inFlight = undefined;
        });
    },
    settled: async () => {
      await inFlight;
    },
  };
}
