import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as smsvoice from 'aws-cdk-lib/aws-smsvoice';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DeployConfig } from '../stacks/deploy-config';
import { functionTimeout } from '../stacks/function-timeout';
import { AppFunction, type AppFunctionProps } from './app-function';

export interface SmsReceiptsProps {
  readonly config: DeployConfig;
  readonly table: dynamodb.ITable;
  /** The outbox sender: it sends through this configuration set. */
  readonly sendSms: AppFunction;
  readonly receiptsTopic: sns.ITopic;
  readonly deadLetterQueue: sqs.IQueue;
  /** What every function of the stack shares (environment, log removal). */
  readonly common: Pick<AppFunctionProps, 'sharedEnvironment' | 'logRemovalPolicy' | 'environmentOverrides'>;
}

/**
 * SMS through End User Messaging SMS with delivery receipts: a configuration set whose event
 * destination publishes every SMS event to the receipts topic, the sms-receipts function that
 * records them, and send-sms's permission to send under the set.
 */
export class SmsReceipts extends Construct {
  readonly configurationSet: smsvoice.CfnConfigurationSet;
  readonly function: AppFunction;

  constructor(scope: Construct, id: string, props: SmsReceiptsProps) {
    super(scope, id);
    const { config } = props;
    this.configurationSet = new smsvoice.CfnConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: `hromada-${config.stage}-sms`,
      eventDestinations: [
        {
          eventDestinationName: 'receipts',
          enabled: true,
          matchingEventTypes: ['TEXT_ALL'],
          snsDestination: { topicArn: props.receiptsTopic.topicArn },
        },
      ],
    });

    const sendSms = props.sendSms.function;
    sendSms.addEnvironment('SMS_CONFIGURATION_SET', this.configurationSet.attrArn);
    sendSms.addEnvironment('SMS_ORIGINATION_IDENTITY', config.smsOriginationIdentity ?? config.smsSenderId);
    if (config.smsMaxPricePerSegmentUsd !== undefined) {
      sendSms.addEnvironment('SMS_MAX_PRICE_PER_SEGMENT_USD', String(config.smsMaxPricePerSegmentUsd));
    }
    const { region, account } = Stack.of(this);
    sendSms.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'SendTextUnderTheConfigurationSet',
        actions: ['sms-voice:SendTextMessage'],
        resources: [
          this.configurationSet.attrArn,
          `arn:aws:sms-voice:${region}:${account}:phone-number/*`,
          `arn:aws:sms-voice:${region}:${account}:sender-id/*`,
          `arn:aws:sms-voice:${region}:${account}:pool/*`,
        ],
      }),
    );

    this.function = new AppFunction(this, 'Function', {
      ...props.common,
      name: 'sms-receipts',
      description: 'SMS delivery receipts: final status, carrier status and price on each message',
      timeout: functionTimeout('sms-receipts'),
    });
    this.function.grantTableReadWrite(props.table);
    props.receiptsTopic.addSubscription(
      new snsSubscriptions.LambdaSubscription(this.function.function, {
        deadLetterQueue: props.deadLetterQueue,
      }),
    );
  }
}
