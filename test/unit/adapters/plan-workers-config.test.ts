import { describe, expect, it } from 'vitest';
import { portsFromConfig } from '../../../shared/adapters/ports-from-config';
import { InProcessRouteSolver } from '../../../shared/adapters/routing/in-process-route-solver';
import { ParallelRouteSolver } from '../../../shared/adapters/routing/parallel-route-solver';
import { WorkerThreadRouteSolver } from '../../../shared/adapters/routing/worker-thread-route-solver';
import { loadConfig } from '../../../shared/config/config';

const base = { TABLE_NAME: 'table', AWS_REGION: 'eu-central-1', SMS_TRANSPORT: 'sns' };

describe('PLAN_WORKERS: the searches a plan runs at once', () => {
  it('is 1 unless set, a whole number from 1 to 6 (a malformed value stops the function at cold start)', () => {
    expect(loadConfig(base).PLAN_WORKERS).toBe(1);
    expect(loadConfig({ ...base, PLAN_WORKERS: '6' }).PLAN_WORKERS).toBe(6);
    for (const bad of ['0', '7', '1.5', 'two'])
      expect(() => loadConfig({ ...base, PLAN_WORKERS: bad })).toThrow(/PLAN_WORKERS/);
  });

  it('wires the parallel solver above 1; one search otherwise, in process or in a worker as ROUTE_SOLVER says', async () => {
    const parallel = portsFromConfig(loadConfig({ ...base, PLAN_WORKERS: '3' })).solver;
    expect(parallel).toBeInstanceOf(ParallelRouteSolver);
    expect((parallel as ParallelRouteSolver).count).toBe(3);
    await (parallel as ParallelRouteSolver).close();
    expect(portsFromConfig(loadConfig(base)).solver).toBeInstanceOf(InProcessRouteSolver);
    expect(portsFromConfig(loadConfig({ ...base, ROUTE_SOLVER: 'worker' })).solver).toBeInstanceOf(
      WorkerThreadRouteSolver,
    );
  });
});
