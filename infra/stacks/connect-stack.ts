import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as connect from 'aws-cdk-lib/aws-connect';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { AppFunction, REPO_ROOT } from '../constructs/app-function';
import { type DeployConfig, isDevStage } from './deploy-config';
import { functionTimeout } from './function-timeout';

/** The flow in the repository; its `${…}` placeholders are filled here (Fn::Sub). */
export const CONTACT_FLOW_FILE = join(REPO_ROOT, 'infra', 'connect', 'contact-flow.json');

/** Connect waits at most 8 s for a flow's Lambda: the function gives up before that. */
export const IVR_TIMEOUT = functionTimeout('ivr');

export interface ConnectStackProps extends StackProps {
  readonly config: DeployConfig & {
    connectInstanceArn: string;
    connectQueueArn: string;
    ivrPromptsUri: string;
  };
  readonly table: dynamodb.ITable;
}

/**
 * The optional phone line (`-c connect=true`) on an existing Amazon Connect instance: the ivr
 * function, Connect's permission to invoke it and its association with the instance, and the
 * keypad-menu contact flow. The phone number is claimed and pointed at the flow by hand
 * (docs/services/phone-line.md), as are the recordings in the prompts bucket.
 */
export class ConnectStack extends Stack {
  readonly ivr: AppFunction;
  readonly contactFlow: connect.CfnContactFlow;

  constructor(scope: Construct, id: string, props: ConnectStackProps) {
    super(scope, id, props);
    const { config, table } = props;

    this.ivr = new AppFunction(this, 'Ivr', {
      name: 'ivr',
      description: 'Phone line keypad menu (Amazon Connect contact flow)',
      timeout: IVR_TIMEOUT,
      sharedEnvironment: { TABLE_NAME: table.tableName, SMS_TRANSPORT: 'sns' },
      environment: { IVR_PROMPTS_URI: config.ivrPromptsUri },
      logRemovalPolicy: isDevStage(config) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      ...(config.logLevel === 'INFO'
        ? {}
        : { environmentOverrides: { POWERTOOLS_LOG_LEVEL: config.logLevel } }),
    });
    // confirm/cancel a ride, queue an SMS, keep a call-back: the same table access as inbound-sms
    this.ivr.grantTableReadWrite(table);

    this.ivr.function.addPermission('ConnectInvoke', {
      principal: new iam.ServicePrincipal('connect.amazonaws.com'),
      sourceArn: config.connectInstanceArn,
      sourceAccount: this.account,
    });
    new connect.CfnIntegrationAssociation(this, 'IvrIntegration', {
      instanceId: config.connectInstanceArn,
      integrationType: 'LAMBDA_FUNCTION',
      integrationArn: this.ivr.function.functionArn,
    });

    this.contactFlow = new connect.CfnContactFlow(this, 'PhoneLineFlow', {
      instanceArn: config.connectInstanceArn,
      name: `hromada-dispatch ${config.stage} phone line`,
      description: 'Keypad menu: confirm or cancel the next ride, trips by SMS, call-back, dispatcher',
      type: 'CONTACT_FLOW',
      content: Fn.sub(readFileSync(CONTACT_FLOW_FILE, 'utf8'), {
        IvrFunctionArn: this.ivr.function.functionArn,
        DispatchQueueArn: config.connectQueueArn,
        PromptsUri: config.ivrPromptsUri,
      }),
    });
  }
}
