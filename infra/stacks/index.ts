import { type App, Tags } from 'aws-cdk-lib';
import { ConnectStack } from './connect-stack';
import { ConsoleStack } from './console-stack';
import type { DeployConfig } from './deploy-config';
import {
  acknowledgeConnectFindings,
  acknowledgeConsoleFindings,
  acknowledgeStatefulFindings,
  acknowledgeStatelessFindings,
} from './nag-acknowledgements';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface HromadaStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** The dispatcher console on S3 + CloudFront. */
  readonly console: ConsoleStack;
  /** Only with `-c connect=true`. */
  readonly connect?: ConnectStack;
}

/** Both stacks of one stage. The stateless stack receives the stateful resources as props. */
export function defineStacks(app: App, config: DeployConfig): HromadaStacks {
  const env = { region: config.region, ...(config.account === undefined ? {} : { account: config.account }) };
  const prefix = `hromada-${config.stage}`;

  const stateful = new StatefulStack(app, `${prefix}-stateful`, {
    env,
    config,
    description: `hromada-dispatch ${config.stage}: data, keys, users, ops topic`,
    terminationProtection: config.stage !== 'dev',
  });
  const stateless = new StatelessStack(app, `${prefix}-stateless`, {
    env,
    config,
    description: `hromada-dispatch ${config.stage}: functions, API, schedules, alarms`,
    table: stateful.table,
    deadLetterQueue: stateful.deadLetterQueue,
    opsTopic: stateful.opsTopic,
    inboundSmsTopic: stateful.inboundSmsTopic,
    smsReceiptsTopic: stateful.smsReceiptsTopic,
    userPool: stateful.userPool,
    consoleClient: stateful.consoleClient,
  });

  const consoleStack = new ConsoleStack(app, `${prefix}-console`, {
    env,
    config,
    description: `hromada-dispatch ${config.stage}: the dispatcher console (S3 + CloudFront)`,
    httpApi: stateless.httpApi,
    userPool: stateful.userPool,
    consoleClient: stateful.consoleClient,
    ...(stateful.userPoolDomain ? { userPoolDomain: stateful.userPoolDomain } : {}),
  });

  const { connectInstanceArn, connectQueueArn, ivrPromptsUri } = config;
  const connect =
    config.connect && connectInstanceArn && connectQueueArn && ivrPromptsUri
      ? new ConnectStack(app, `${prefix}-connect`, {
          env,
          config: { ...config, connectInstanceArn, connectQueueArn, ivrPromptsUri },
          description: `hromada-dispatch ${config.stage}: phone line (Amazon Connect contact flow, ivr function)`,
          table: stateful.table,
        })
      : undefined;

  acknowledgeStatefulFindings(stateful);
  acknowledgeStatelessFindings(stateless, stateful);
  acknowledgeConsoleFindings(consoleStack);
  if (connect) acknowledgeConnectFindings(connect, stateful);

  Tags.of(app).add('project', 'hromada-dispatch');
  Tags.of(app).add('stage', config.stage);
  return { stateful, stateless, console: consoleStack, ...(connect ? { connect } : {}) };
}
