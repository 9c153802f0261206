import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { serveHttpApi } from '../../../infra/local/http-bridge';
import { BackgroundPlanJobRunner } from '../../../shared/adapters/plan-jobs/background-plan-job-runner';
import { WorkerThreadRouteSolver } from '../../../shared/adapters/routing/worker-thread-route-solver';
import { runPlanJob } from '../../../shared/app/planning/plan-job';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import type { RouteSolver } from '../../../shared/ports/route-solver';
import { HROMADA, memoryPorts, seedBasics, seedFleet, TAXI, taxiRequest } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';

const TUESDAY = '2026-11-24';

/** Resolves `started` when a solve begins, then hands the problem to `inner`. */
function watched(inner: RouteSolver) {
  let started!: () => void;
  const solving = new Promise<void>((resolve) => {
    started = resolve;
  });
  const solver: RouteSolver = {
    solve(problem, options) {
      started();
      return inner.solve(problem, options);
    },
  };
  return { solver, solving };
}

describe('the local platform while a day is being planned', () => {
  const worker = new WorkerThreadRouteSolver();
  afterAll(() => worker.close());

  it('answers a GET through the same HTTP bridge while a 2 s planning job solves (in the background, in a worker)', async () => {
    const { ports } = memoryPorts();
    const { solver, solving } = watched(worker);
    ports.solver = solver;
    // the plan function's handler in the background, as the local platform runs it
    const runner = new BackgroundPlanJobRunner(() => (event) => runPlanJob(ports, event));
    ports.planJobRunner = runner;
    const anna = await seedBasics(ports);
    await seedFleet(ports, [TAXI]);
    for (const time of ['09:00', '10:00', '11:00'])
      await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(anna.id, TUESDAY, time)), 'test');
    const server = await serveHttpApi(httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 })), {
      port: 0,
      actor: 'test',
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hromady/${HROMADA}`;
    try {
      const started = await fetch(`${base}/plans/${TUESDAY}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seconds: 2 }),
      });
      expect(started.status).toBe(202);
      const job = `http://127.0.0.1:${(server.address() as AddressInfo).port}${started.headers.get('location')}`;
      await solving;
      const residents = await fetch(`${base}/residents`);
      expect(residents.status).toBe(200);
      // the GET was answered while the job was still solving
      expect(((await (await fetch(job)).json()) as { state: string }).state).toBe('running');
      await runner.idle();
      expect(await (await fetch(job)).json()).toMatchObject({ state: 'done', planVersion: 1 });
      const planned = await fetch(`${base}/plans/${TUESDAY}`);
      expect(((await planned.json()) as { routes: unknown[] }).routes).toHaveLength(1);
    } finally {
      server.close();
    }
    // a 2 s solve in a worker beside the HTTP bridge: more than the unit default on a busy 2-core machine
  }, 30_000);
});
