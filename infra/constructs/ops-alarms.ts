import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { DeployConfig } from '../stacks/deploy-config';
import type { AppFunction } from './app-function';

export interface OpsAlarmsProps {
  config: Pick<DeployConfig, 'smsSpendAlarmRatio' | 'smsMonthlySpendLimitUsd'>;
  opsTopic: sns.ITopic;
  deadLetterQueue: sqs.IQueue;
  functions: ReadonlyArray<readonly [id: string, fn: AppFunction]>;
  sendSms: AppFunction;
  httpApi: apigw.HttpApi;
}

/**
 * The platform's alarms, each notifying the ops topic: the DLQ, each function's errors, the
 * stream's age, API 5xx, dropped schedules, SMS spend and delivery failures. Created in `scope`
 * itself (their logical ids stay as they were). Returns `alarm` for more, and SNS's month-to-date
 * spend metric for the dashboard.
 */
export function addOpsAlarms(scope: Construct, props: OpsAlarmsProps) {
  const notify = new cwActions.SnsAction(props.opsTopic);
  const alarm = (id: string, alarmProps: cloudwatch.AlarmProps): cloudwatch.Alarm => {
    const created = new cloudwatch.Alarm(scope, id, alarmProps);
    created.addAlarmAction(notify);
    return created;
  };

  alarm('DeadLetterQueueNotEmpty', {
    alarmDescription: 'Outbox stream records failed after all retries and were sent to the DLQ',
    metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

  for (const [id, fn] of props.functions) {
    alarm(`${id}Errors`, {
      alarmDescription: `${fn.node.id} function errors`,
      metric: fn.metricErrors(),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  alarm('SendSmsIteratorAge', {
    alarmDescription: 'Outbox stream is falling behind (oldest record older than 5 minutes)',
    metric: new cloudwatch.Metric({
      namespace: 'AWS/Lambda',
      metricName: 'IteratorAge',
      dimensionsMap: { FunctionName: props.sendSms.function.functionName },
      statistic: 'Maximum',
      period: Duration.minutes(5),
    }),
    threshold: Duration.minutes(5).toMilliseconds(),
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 2,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

  alarm('ApiServerErrors', {
    alarmDescription: 'HTTP API 5xx responses',
    metric: props.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
    threshold: 5,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

  alarm('ReminderInvocationsDropped', {
    alarmDescription: 'EventBridge Scheduler gave up invoking a target (reminders not queued)',
    metric: scheduler.Schedule.metricAllDropped({ period: Duration.hours(1), statistic: 'Sum' }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

  // SNS SMS metrics are account-and-region wide (AWS/SNS, published by SNS itself).
  const snsMonthToDateSpend = new cloudwatch.Metric({
    namespace: 'AWS/SNS',
    metricName: 'SMSMonthToDateSpentUSD',
    statistic: 'Maximum',
    period: Duration.hours(1),
  });
  alarm('SmsSpendNearLimit', {
    alarmDescription:
      `SMS month-to-date spend reached ${Math.round(props.config.smsSpendAlarmRatio * 100)}% of the ` +
      `${props.config.smsMonthlySpendLimitUsd} USD monthly limit; at the limit SNS stops sending SMS`,
    metric: snsMonthToDateSpend,
    threshold: round2(props.config.smsMonthlySpendLimitUsd * props.config.smsSpendAlarmRatio),
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  alarm('SmsDeliveryFailures', {
    alarmDescription: 'SMS published directly to phone numbers failed to deliver',
    metric: new cloudwatch.Metric({
      namespace: 'AWS/SNS',
      metricName: 'NumberOfNotificationsFailed',
      dimensionsMap: { PhoneNumber: 'PhoneNumber' },
      statistic: 'Sum',
      period: Duration.hours(1),
    }),
    threshold: 5,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

  return { alarm, snsMonthToDateSpend };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
