import { describe, expect, it } from 'vitest';
import { planDay } from '../../../../shared/app/planning/plan-day';
import {
  getPlanJob,
  LEASE_MARGIN_S,
  progressWriter,
  runPlanJob,
  startPlanJob,
} from '../../../../shared/app/planning/plan-job';
import type { PlanJob, PlanJobProgress } from '../../../../shared/domain/entities/plan-job';
import { ConflictError } from '../../../../shared/domain/errors';
import type { RecordingPlanJobRunner } from '../../../support/fixtures';
import { HROMADA, withRules } from '../../../support/fixtures';
import { type DemoPorts, demoDay, ENGINE, TUESDAY } from './demo-day';

const RUN = { maxIterations: ENGINE.maxIterations };

/** The states each write of the job store left, in order. */
function recordStates(ports: DemoPorts): PlanJob[] {
  const written: PlanJob[] = [];
  const update = ports.planJobs.update.bind(ports.planJobs);
  ports.planJobs.update = async (job, expected) => {
    await update(job, expected);
    written.push(job);
  };
  return written;
}

async function dayWithTwoRides() {
  const d = await demoDay();
  await d.ride(d.anna.id, '09:00');
  await d.ride((await d.resident('Петро Коваль')).id, '10:00');
  return d;
}

describe('planning as a background job', () => {
  it('answers with a queued job and hands it to the plan function; the budget is the hromada rule', async () => {
    const { ports } = await dayWithTwoRides();
    const job = await startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', {});
    expect(job).toMatchObject({
      hromadaId: HROMADA,
      date: TUESDAY,
      state: 'queued',
      seconds: 10,
      version: 1,
    });
    expect((ports.planJobRunner as RecordingPlanJobRunner).started).toEqual([
      { hromadaId: HROMADA, jobId: job.id },
    ]);
    expect(await getPlanJob(ports, HROMADA, job.id)).toEqual(job);

    await withRules(ports, { planningSeconds: 120 });
    await runPlanJob(ports, { hromadaId: HROMADA, jobId: job.id }, RUN);
    const ruled = await startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', { expectedVersion: 1 });
    expect(ruled.seconds).toBe(120);
    const asked = await runPlanJob(ports, { hromadaId: HROMADA, jobId: ruled.id }, RUN);
    expect(asked.planVersion).toBe(2);
  });

  it('runs queued → running → done, with the engine progress and the plan version it saved', async () => {
    const { ports } = await dayWithTwoRides();
    const job = await startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', { seconds: 2 });
    const written = recordStates(ports);

    const done = await runPlanJob(ports, { hromadaId: HROMADA, jobId: job.id }, RUN);

    expect(written.map((j) => j.state)[0]).toBe('running');
    expect(written.at(-1)).toEqual(done);
    expect(done).toMatchObject({ state: 'done', planVersion: 1, seconds: 2 });
    expect(done.progress).toMatchObject({ unassigned: 0 });
    expect(done.progress!.bestCost).toBeGreaterThan(0);
    expect(written.map((j) => j.version)).toEqual(written.map((_, i) => i + 2));
    expect(await ports.entities.plans.forDay(HROMADA, TUESDAY)).toMatchObject({ version: 1 });
    expect(await getPlanJob(ports, HROMADA, job.id)).toEqual(done);
    // the same event delivered again changes nothing
    expect(await runPlanJob(ports, { hromadaId: HROMADA, jobId: job.id }, RUN)).toEqual(done);
    expect(await ports.entities.plans.forDay(HROMADA, TUESDAY)).toMatchObject({ version: 1 });
  });

  it('a second job for the same day while one runs is a 409 with a reason; the day is free once it ended', async () => {
    const { ports } = await dayWithTwoRides();
    const first = await startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', {});
    const second = await startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', {}).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ConflictError);
    expect(second).toMatchObject({
      code: 'plan-job-running',
      reason: expect.stringMatching(/уже планується/),
    });
    // another day is planned alongside
    await expect(startPlanJob(ports, HROMADA, '2026-11-25', 'dispatcher', {})).resolves.toMatchObject({
      state: 'queued',
    });

    await runPlanJob(ports, { hromadaId: HROMADA, jobId: first.id }, RUN);
    await expect(
      startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', { expectedVersion: 1 }),
    ).resolves.toMatchObject({
      state: 'queued',
    });
  });

  it('a stale version is a 409 at once, before any job', async () => {
    const { ports } = await dayWithTwoRides();
    await planDay(ports, HROMADA, TUESDAY, 'dispatcher', ENGINE);
    await expect(startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', {})).rejects.toMatchObject({
      kind: 'conflict',
      currentVersion: 1,
    });
    expect((ports.planJobRunner as RecordingPlanJobRunner).started).toEqual([]);
  });

  it('records a refusal as failed with its reason and frees the day', async () => {
    const { ports } = await dayWithTwoRides();
    const job = await startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', {});
    // someone else planned the day meanwhile: the job's version is stale when it runs
    await planDay(ports, HROMADA, TUESDAY, 'other', ENGINE);

    const failed = await runPlanJob(ports, { hromadaId: HROMADA, jobId: job.id }, RUN);

    expect(failed).toMatchObject({
      state: 'failed',
      error: { code: 'conflict', reason: expect.any(String) },
    });
    expect(failed.planVersion).toBeUndefined();
    expect(failed.finishedAt).toBeDefined();
    await expect(
      startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', { expectedVersion: 1 }),
    ).resolves.toBeDefined();
  });

  it('records an unexpected error as failed and throws it on (the on-failure destination)', async () => {
    const { ports } = await dayWithTwoRides();
    const job = await startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', {});
    ports.solver = { solve: async () => Promise.reject(new Error('out of memory')) };

    await expect(runPlanJob(ports, { hromadaId: HROMADA, jobId: job.id }, RUN)).rejects.toThrow(
      'out of memory',
    );
    expect(await getPlanJob(ports, HROMADA, job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'internal', reason: 'Не вдалося спланувати день. Спробуйте ще раз.' },
    });
  });

  it('a job that could not be handed over fails at once and frees the day', async () => {
    const { ports } = await dayWithTwoRides();
    const runner = ports.planJobRunner as RecordingPlanJobRunner;
    runner.failWith = new Error('throttled');
    await expect(startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', {})).rejects.toThrow('throttled');
    runner.failWith = undefined;
    await expect(startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', {})).resolves.toMatchObject({
      state: 'queued',
    });
  });

  it('a job whose function died shows as failed once its lease passed, and the day can be planned again', async () => {
    const { ports, clock } = await dayWithTwoRides();
    const job = await startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', { seconds: 30 });
    clock.at = new Date(clock.at.getTime() + (30 + LEASE_MARGIN_S + 1) * 1000);
    expect(await getPlanJob(ports, HROMADA, job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'plan-job-lost', reason: expect.stringMatching(/перервалося/) },
    });
    await expect(startPlanJob(ports, HROMADA, TUESDAY, 'dispatcher', {})).resolves.toMatchObject({
      state: 'queued',
    });
    expect((await ports.planJobs.get(HROMADA, job.id))!.state).toBe('queued');
  });
});

describe('progress writes', () => {
  const report = (elapsedMs: number, bestCost: number) => ({
    elapsedMs,
    bestCost,
    iteration: 0,
    routes: 1,
    unassigned: 0,
  });

  it('writes at most one per second of engine time, one at a time, and keeps the latest', async () => {
    const writes: PlanJobProgress[] = [];
    const progress = progressWriter(1000, async (p) => {
      writes.push(p);
    });
    for (const [at, cost] of [
      [0, 900],
      [300, 800],
      [999, 700],
      [1000, 650],
      [1500, 600],
    ] as const) {
      progress.report(report(at, cost));
      await progress.settled();
    }
    expect(writes.map((w) => [w.elapsedMs, w.bestCost])).toEqual([
      [0, 900],
      [1000, 650],
    ]);
    expect(progress.last()).toEqual({ progress: { elapsedMs: 1500, bestCost: 600, unassigned: 0 } });
  });

  it('skips a report while a write is in flight, and counts a second solve after the first', async () => {
    const writes: PlanJobProgress[] = [];
    let release: () => void = () => undefined;
    const progress = progressWriter(1000, async (p) => {
      writes.push(p);
      await new Promise<void>((r) => {
        release = r;
      });
    });
    progress.report(report(0, 900));
    progress.report(report(2000, 800));
    release();
    await progress.settled();
    // the second solve of a re-plan starts its clock at 0 again
    progress.report(report(100, 700));
    release();
    await progress.settled();
    expect(writes.map((w) => w.elapsedMs)).toEqual([0, 2100]);
  });
});
