import { describe, expect, it } from 'vitest';
import { TOUR_SECONDS_DEFAULT } from '../../../../shared/app/tours/plan-tour';
import { getTourJob, runTourJob, startTourJob, tourJobView } from '../../../../shared/app/tours/tour-job';
import { ConflictError } from '../../../../shared/domain/errors';
import { HROMADA, type RecordingPlanJobRunner } from '../../../support/fixtures';
import { ENGINE, P, TUE, TURBIV, tourRequest, tourWorld, WED } from './tour-world';

/**
 * A tour planned as a background job: 202 with a queued job handed to the jobs function (kind
 * `tour`), run to `done` with the tour's id in the tour's own transaction; one job per provider
 * over overlapping dates at a time; a lost or failed job reads as failed and frees its dates.
 */
describe('a tour planning job', () => {
  it("is queued and handed to the jobs function; the budget is the default, the provider's, or the request's", async () => {
    const { ports } = await tourWorld();
    const job = await startTourJob(ports, P, tourRequest(), 'd');
    expect(job).toMatchObject({ hromadaId: HROMADA, providerId: P, from: TUE, to: WED, state: 'queued' });
    expect(job.seconds).toBe(TOUR_SECONDS_DEFAULT);
    expect((ports.planJobRunner as RecordingPlanJobRunner).started).toEqual([
      { hromadaId: HROMADA, jobId: job.id, kind: 'tour' },
    ]);
    expect(await getTourJob(ports, P, job.id)).toEqual(job);
    await expect(getTourJob(ports, 'another', job.id)).rejects.toMatchObject({ kind: 'not-found' });

    const own = await tourWorld({ tourSeconds: 45 });
    expect((await startTourJob(own.ports, P, tourRequest(), 'd')).seconds).toBe(45);
    const asked = await tourWorld({ tourSeconds: 45 });
    expect((await startTourJob(asked.ports, P, tourRequest([TUE], { seconds: 3 }), 'd')).seconds).toBe(3);
  });

  it('runs to done with the tour id and its progress; the tour is saved with every visit planned', async () => {
    const { ports, entities } = await tourWorld();
    const job = await startTourJob(ports, P, tourRequest(), 'd');
    const done = await runTourJob(ports, { hromadaId: HROMADA, jobId: job.id, kind: 'tour' }, ENGINE);
    expect(done.state).toBe('done');
    expect(done.progress).toMatchObject({ unassigned: 0 });
    expect(done.progress!.bestCost).toBeGreaterThan(0);
    const tour = await entities.tours.get(done.tourId!);
    expect(tour?.days.flatMap((d) => d.stops)).toHaveLength(4);
    expect(tour?.unassigned).toEqual([]);
    expect(await getTourJob(ports, P, job.id)).toEqual(done);
    const view = tourJobView(done);
    expect(Object.keys(view).sort()).toEqual(
      [
        'createdAt',
        'finishedAt',
        'from',
        'hromadaId',
        'id',
        'progress',
        'providerId',
        'seconds',
        'startedAt',
        'state',
        'to',
        'tourId',
        'updatedAt',
        'version',
      ].sort(),
    );
    // the same event delivered again does nothing
    expect(await runTourJob(ports, { hromadaId: HROMADA, jobId: job.id, kind: 'tour' }, ENGINE)).toEqual(
      done,
    );
    expect(await entities.tours.ofProvider(P)).toHaveLength(1);
  });

  it('refuses a second job over overlapping dates while one runs (409 in Ukrainian); other dates may plan', async () => {
    const { ports } = await tourWorld();
    const first = await startTourJob(ports, P, tourRequest([TUE, WED]), 'd');
    const error = await startTourJob(ports, P, tourRequest([WED]), 'd').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'tour-job-running' });
    expect((error as ConflictError).reason).toMatch(/уже планується/);
    const other = await startTourJob(ports, P, tourRequest(['2026-11-30']), 'd');
    expect(other.state).toBe('queued');
    await runTourJob(ports, { hromadaId: HROMADA, jobId: first.id, kind: 'tour' }, ENGINE);
    // ended: its dates are free again
    expect((await startTourJob(ports, P, tourRequest([WED]), 'd')).state).toBe('queued');
  });

  it('reads as failed once its lease passed (the function died), and frees its dates', async () => {
    const { ports, clock } = await tourWorld();
    const job = await startTourJob(ports, P, tourRequest(), 'd');
    clock.at = new Date(Date.parse(job.leaseUntil) + 1000);
    expect(await getTourJob(ports, P, job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'tour-job-lost', reason: expect.stringMatching(/перервалося/) },
    });
    expect((await startTourJob(ports, P, tourRequest([TUE]), 'd')).state).toBe('queued');
  });

  it('a run that fails is recorded as failed and frees its dates; a failed start too', async () => {
    const { ports } = await tourWorld();
    const job = await startTourJob(ports, P, tourRequest(), 'd');
    const broken = { ...ports, solver: { solve: async () => Promise.reject(new Error('engine crashed')) } };
    await expect(runTourJob(broken, { hromadaId: HROMADA, jobId: job.id, kind: 'tour' })).rejects.toThrow(
      'engine crashed',
    );
    expect(await getTourJob(ports, P, job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'internal', reason: expect.stringMatching(/Не вдалося спланувати тур/) },
    });
    const runner = ports.planJobRunner as RecordingPlanJobRunner;
    runner.failWith = new Error('invoke refused');
    await expect(startTourJob(ports, P, tourRequest(), 'd')).rejects.toThrow('invoke refused');
    runner.failWith = undefined;
    expect((await startTourJob(ports, P, tourRequest(), 'd')).state).toBe('queued');
  });

  it('leaves out visits whose hromada withdrew consent for the date (unassigned with the reason)', async () => {
    const { ports, entities } = await tourWorld();
    const agreement = (await entities.tours.agreement(TURBIV, P))!;
    const withdrawn = { ...agreement, withdrawn: { from: WED, at: '2026-11-23T10:00:00.000Z', by: 'admin' } };
    await entities.commit([
      { op: 'update', entity: 'ServiceAgreement', item: { ...withdrawn, version: 2 }, expectedVersion: 1 },
    ]);
    const job = await startTourJob(ports, P, tourRequest(), 'd');
    const done = await runTourJob(ports, { hromadaId: HROMADA, jobId: job.id, kind: 'tour' }, ENGINE);
    const tour = await entities.tours.get(done.tourId!);
    expect(tour?.unassigned).toEqual([
      { visitId: 'v-tur-wed', hromadaId: TURBIV, reason: 'немає згоди громади на цю дату' },
    ]);
  });
});
