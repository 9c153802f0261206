import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { MB_PER_VCPU, workersForMemory } from '../../shared/adapters/routing/lambda-vcpus';
import { LEASE_MARGIN_S } from '../../shared/app/planning/plan-job';
import { TOUR_SECONDS_MAX } from '../../shared/domain/entities/tour';
import { AppFunction, type AppFunctionProps } from '../constructs/app-function';
import type { DeployConfig } from './deploy-config';
import { functionTimeout } from './function-timeout';

/**
 * One search is single-threaded: 1769 MB is one full vCPU. The plan function gets PLAN_VCPUS of
 * them and runs that many independent searches (different seeds, worker threads), keeping the best
 * the checker accepts (shared/adapters/routing/parallel-route-solver.ts); docs/benchmarks.md has
 * what each extra vCPU buys.
 */
export const PLAN_VCPUS = 4;
export const PLAN_MEMORY_MB = PLAN_VCPUS * MB_PER_VCPU;
/** The searches the plan function runs at once: one per whole vCPU of its memory. */
export const PLAN_WORKERS = workersForMemory(PLAN_MEMORY_MB);
/**
 * Lambda's longest: the hromada's budget (rules.planningSeconds, at most 600 s) or a tour's
 * (TOUR_SECONDS_MAX) + loading and saving. The event may wait up to maxEventAge (the lease margin)
 * before the run; a tour job's lease (and its guard entry) is renewed from the run's start, and a
 * job delivered after its lease is not run (shared/app/tours/tour-job.ts).
 */
export const PLAN_TIMEOUT = functionTimeout('plan');
if (Math.max(600, TOUR_SECONDS_MAX) + LEASE_MARGIN_S > PLAN_TIMEOUT.toSeconds())
  throw new Error('a plan or tour job lease must not end before the plan function times out');

export interface PlanFunctionProps {
  common: Pick<AppFunctionProps, 'sharedEnvironment' | 'logRemovalPolicy' | 'environmentOverrides'>;
  config: DeployConfig;
  table: dynamodb.ITable;
  /** The api function: it alone may invoke the plan function, by name from its environment. */
  api: AppFunction;
  deadLetterQueue: sqs.IQueue;
}

/**
 * `plan`: a day planned in the background, and the other jobs of the same kind (a CSV import, a
 * provider's multi-day tour: the event's `kind`). The api invokes it asynchronously (`InvocationType:
 * Event`) with one job; no retries (a job is run once: the dispatcher sees it failed and plans
 * again), and an event that failed or waited past the job's lease margin goes to the dead-letter
 * queue, where the ops alarm on that queue sees it.
 */
export function addPlanFunction(scope: Construct, props: PlanFunctionProps): AppFunction {
  const plan = new AppFunction(scope, 'Plan', {
    ...props.common,
    name: 'plan',
    description: "Background jobs: a hromada's day plan, a CSV import, a provider's tour (one per invoke)",
    memorySize: PLAN_MEMORY_MB,
    timeout: PLAN_TIMEOUT,
    environment: { ...travelTimesEnvironment(props.config), PLAN_WORKERS: String(PLAN_WORKERS) },
    routeSolverWorker: PLAN_WORKERS > 1,
  });
  plan.grantTableReadWrite(props.table);
  if (props.config.orsApiKeySecretName)
    secretsmanager.Secret.fromSecretNameV2(
      scope,
      'PlanOrsApiKey',
      props.config.orsApiKeySecretName,
    ).grantRead(plan.function);
  plan.function.configureAsyncInvoke({
    retryAttempts: 0,
    maxEventAge: Duration.seconds(LEASE_MARGIN_S),
    onFailure: new destinations.SqsDestination(props.deadLetterQueue),
  });
  // the api may invoke this function, and only this one (no version or alias wildcard)
  props.api.function.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'InvokePlanFunction',
      actions: ['lambda:InvokeFunction'],
      resources: [plan.function.functionArn],
    }),
  );
  props.api.function.addEnvironment('PLAN_FUNCTION_NAME', plan.function.functionName);
  return plan;
}

/** Planning's travel times (shared/config/config.ts): the key only as a secret's name. */
export function travelTimesEnvironment(config: DeployConfig): Record<string, string> {
  if (!config.orsHost) return { TRAVEL_TIMES: 'offline' };
  return {
    TRAVEL_TIMES: config.travelTimes,
    ORS_HOST: config.orsHost,
    ORS_REQUESTS_PER_MINUTE: String(config.orsRequestsPerMinute),
    ORS_MAX_CELLS: String(config.orsMaxCells),
    ...(config.orsApiKeySecretName ? { ORS_API_KEY_SECRET_ID: config.orsApiKeySecretName } : {}),
  };
}
