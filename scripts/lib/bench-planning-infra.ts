/**
 * The one-machine platform bench:planning plans on: DynamoDB Local in memory, the table, and the
 * production wiring of the ports (portsFromConfig, as `npm start` configures it: the engine in a
 * worker thread), with the plan job handed to the background runner whose handler runs the job
 * use case, as the local platform's `plan` function does. The route solver is wrapped so that the
 * solution the saved plan was built from can be given to the independent checker afterwards.
 */
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { createDynamoDbClient } from '../../shared/adapters/dynamodb/client';
import { ensureTable } from '../../shared/adapters/dynamodb/table';
import { BackgroundPlanJobRunner } from '../../shared/adapters/plan-jobs/background-plan-job-runner';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { runPlanJob } from '../../shared/app/planning/plan-job';
import { loadConfig } from '../../shared/config/config';
import type { Ports } from '../../shared/ports/ports';
import type { RouteSolveOptions, RouteSolver } from '../../shared/ports/route-solver';
import type { VroomProblem, VroomSolution } from '../../shared/routing/vroom-format';

/** Keeps the last problem solved and its solution (the plan job solves the day once). */
export class RecordingSolver implements RouteSolver {
  last: { problem: VroomProblem; solution: VroomSolution } | undefined;
  constructor(private readonly inner: RouteSolver) {}
  async solve(problem: VroomProblem, options: RouteSolveOptions): Promise<VroomSolution> {
    const solution = await this.inner.solve(problem, options);
    this.last = { problem, solution };
    return solution;
  }
}

export interface BenchPlatform {
  ports: Ports;
  recorder: RecordingSolver;
  stop(): Promise<void>;
}

export async function infra(options: { workers: number }): Promise<BenchPlatform> {
  const db = await startDynamoDbLocal();
  Object.assign(process.env, {
    TABLE_NAME: 'bench-planning',
    AWS_REGION: 'eu-central-1',
    DYNAMODB_ENDPOINT: db.endpoint,
    SMS_TRANSPORT: 'file',
    SMS_SINK_FILE: '/dev/null',
    TRAVEL_TIMES: 'offline',
    ROUTE_SOLVER: 'worker',
    PLAN_WORKERS: String(options.workers),
  });
  const config = loadConfig();
  await ensureTable(
    createDynamoDbClient({ region: config.AWS_REGION, endpoint: db.endpoint }),
    config.TABLE_NAME,
  );
  const wired = portsFromConfig(config);
  const recorder = new RecordingSolver(wired.solver);
  const runner = new BackgroundPlanJobRunner(() => (event) => runPlanJob(ports, event));
  const ports: Ports = { ...wired, solver: recorder, planJobRunner: runner };
  return {
    ports,
    recorder,
    stop: async () => {
      await runner.idle();
      const solver = wired.solver as { close?: () => Promise<void> };
      await solver.close?.();
      await db.stop();
    },
  };
}
