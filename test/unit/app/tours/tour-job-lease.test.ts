import { describe, expect, it } from 'vitest';
import { getTourJob, runTourJob, startTourJob } from '../../../../shared/app/tours/tour-job';
import { BUSY_ITEM_REASON } from '../../../../shared/domain/concurrent-change';
import { ConflictError } from '../../../../shared/domain/errors';
import type { Change } from '../../../../shared/ports/entity-repository';
import type { RouteSolver } from '../../../../shared/ports/route-solver';
import { HROMADA } from '../../../support/fixtures';
import { ENGINE, P, TUE, tourRequest, tourWorld, WED } from './tour-world';

const event = (jobId: string) => ({ hromadaId: HROMADA, jobId, kind: 'tour' as const });

/**
 * The asynchronous invoke may hold a job's event up to its maximum event age (300 s) before the
 * run: the lease (budget + 300 s from creation) is renewed when the job goes running, the guard's
 * entry with it; a job delivered after its lease does not run.
 */
describe("a tour job's lease", () => {
  it('counts from the run, not the creation: a long budget run late still reads running and keeps its dates', async () => {
    const { ports, clock } = await tourWorld();
    const job = await startTourJob(ports, P, tourRequest([TUE, WED], { seconds: 600 }), 'd');
    clock.at = new Date(clock.at.getTime() + 299_000); // the event waited
    let during: unknown[] = [];
    const solver: RouteSolver = {
      solve: async (problem, options) => {
        if (during.length === 0) {
          clock.at = new Date(clock.at.getTime() + 602_000); // the whole budget and a bit
          during = [
            (await getTourJob(ports, P, job.id)).state,
            await startTourJob(ports, P, tourRequest([WED]), 'd').catch((e: unknown) => e),
          ];
        }
        return ports.solver.solve(problem, options);
      },
    };
    const done = await runTourJob({ ...ports, solver }, event(job.id), ENGINE);
    expect(done.state).toBe('done');
    expect(during[0]).toBe('running');
    expect(during[1]).toMatchObject({ code: 'tour-job-running' });
  });

  it('a job delivered after its lease passed is not run: failed (lost), its dates freed', async () => {
    const { ports, clock, entities } = await tourWorld();
    const job = await startTourJob(ports, P, tourRequest(), 'd');
    clock.at = new Date(Date.parse(job.leaseUntil) + 1000);
    const ran = await runTourJob(ports, event(job.id), ENGINE);
    expect(ran).toMatchObject({ state: 'failed', error: { code: 'tour-job-lost' } });
    expect(await entities.tours.ofProvider(P)).toEqual([]);
    expect((await entities.tours.jobGuard(P))?.running ?? []).toEqual([]);
  });
});

describe("a tour job's start racing another's on the provider's guard", () => {
  it('reads the guard again when DynamoDB reports the guard busy (a conflict with the busy reason)', async () => {
    const { ports } = await tourWorld();
    let busy = 1;
    const entities = new Proxy(ports.entities, {
      get: (target, prop) =>
        prop === 'commit'
          ? async (changes: Change[]) => {
              if (
                busy > 0 &&
                changes.some((c) => c.op !== 'audit' && 'entity' in c && c.entity === 'TourJobGuard')
              ) {
                busy -= 1;
                throw new ConflictError(
                  'Another change to the same item is in progress; try again',
                  undefined,
                  {
                    reason: BUSY_ITEM_REASON,
                  },
                );
              }
              return target.commit(changes);
            }
          : Reflect.get(target, prop, target),
    });
    const job = await startTourJob({ ...ports, entities }, P, tourRequest(), 'd');
    expect(job.state).toBe('queued');
    expect(busy).toBe(0);
  });
});
