import { Duration, RemovalPolicy, type Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { AirRaidSchedule } from '../../events/contracts/schedule';
import { AppFunction, type AppFunctionProps } from '../constructs/app-function';
import { schedulerRole } from '../constructs/scheduler-role';
import type { DeployConfig } from './deploy-config';
import { functionTimeout } from './function-timeout';
import { travelTimesEnvironment } from './plan-function';

/** Payload of the every-minute air-raid poll (events/contracts/schedule). */
export const AIR_RAID_INPUT: AirRaidSchedule = { job: 'poll-air-raids' };

export interface AirRaidPollingProps {
  common: Pick<AppFunctionProps, 'sharedEnvironment' | 'logRemovalPolicy' | 'environmentOverrides'>;
  config: DeployConfig;
  table: dynamodb.ITable;
}

export interface AirRaidPolling {
  fn: AppFunction;
  schedule: scheduler.Schedule;
  /** The feed's token: the operator puts the provider's token in it (docs/services/wartime.md). */
  tokenSecret: secretsmanager.Secret;
}

/**
 * `poll-air-raids`, every minute: alerts from the feed (`airRaidFeed`, or `airRaidFeedUrl`) started and
 * ended per hromada, and the stops of every alert in force shifted; the re-plan at an alert's end
 * runs the engine in process (1769 MB: one vCPU). The feed's token is a Secrets Manager secret
 * read through the Parameters and Secrets extension, never an environment variable.
 */
export function addAirRaidPolling(scope: Stack, props: AirRaidPollingProps): AirRaidPolling {
  const { config } = props;
  const tokenSecret = new secretsmanager.Secret(scope, 'AirRaidFeedToken', {
    description: `hromada-dispatch ${config.stage}: the air-raid alerts feed's API token (set by hand)`,
    generateSecretString: { passwordLength: 32, excludePunctuation: true },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const feed = feedEnvironment(config, tokenSecret.secretArn);
  const fn = new AppFunction(scope, 'PollAirRaids', {
    ...props.common,
    name: 'poll-air-raids',
    description: 'Air-raid alerts: the feed polled, stops shifted, the day re-planned at the end',
    memorySize: 1769,
    timeout: functionTimeout('poll-air-raids'),
    environment: { ...feed, ...travelTimesEnvironment(config) },
    paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(
      lambda.ParamsAndSecretsVersions.V1_0_103,
      {
        logLevel: lambda.ParamsAndSecretsLogLevel.WARN,
      },
    ),
  });
  fn.grantTableReadWrite(props.table);
  tokenSecret.grantRead(fn.function);
  if (config.orsApiKeySecretName)
    secretsmanager.Secret.fromSecretNameV2(scope, 'AirRaidOrsApiKey', config.orsApiKeySecretName).grantRead(
      fn.function,
    );
  const role = schedulerRole(
    scope,
    'AirRaidSchedulerRole',
    'EventBridge Scheduler: invoke the poll-air-raids function only',
  );
  const schedule = new scheduler.Schedule(scope, 'AirRaidPoll', {
    description: 'Every minute: air-raid alerts from the feed, stops shifted while one lasts',
    schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
    timeWindow: scheduler.TimeWindow.off(),
    target: new targets.LambdaInvoke(fn.function, {
      role,
      input: scheduler.ScheduleTargetInput.fromObject(AIR_RAID_INPUT),
      retryAttempts: 0,
      maxEventAge: Duration.minutes(1),
    }),
  });
  return { fn, schedule, tokenSecret };
}

/**
 * The feed the deployment chose, as the function's environment: alerts.in.ua (`http`, at its URL)
 * or ukrainealarm.com (its base URL only when overridden), each with the secret's ARN, never the
 * token itself; `none` when off. Each source gets only its own URL setting (deploy-config.ts
 * refuses the other's).
 */
export function feedEnvironment(
  config: Pick<DeployConfig, 'airRaidFeed' | 'airRaidFeedUrl' | 'airRaidFeedBaseUrl' | 'airRaidFeedAreas'>,
  tokenSecretArn: string,
): Record<string, string> {
  const source = config.airRaidFeed ?? (config.airRaidFeedUrl ? 'alerts-in-ua' : 'off');
  if (source === 'off') return { AIR_RAID_FEED: 'none' };
  const url: Record<string, string> = {};
  if (source === 'ukrainealarm' && config.airRaidFeedBaseUrl)
    url.AIR_RAID_FEED_BASE_URL = config.airRaidFeedBaseUrl;
  if (source === 'alerts-in-ua' && config.airRaidFeedUrl) url.AIR_RAID_FEED_URL = config.airRaidFeedUrl;
  return {
    AIR_RAID_FEED: source === 'ukrainealarm' ? 'ukrainealarm' : 'http',
    ...url,
    AIR_RAID_FEED_TOKEN_SECRET_ID: tokenSecretArn,
    ...(config.airRaidFeedAreas ? { AIR_RAID_FEED_AREAS: config.airRaidFeedAreas } : {}),
  };
}
