import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import {
  HROMADA_DIMENSION,
  METRIC,
  METRICS_NAMESPACE,
  type MetricName,
  SERVICE_DIMENSION,
} from '../../shared/observability/metric-names';
import type { DeployConfig } from '../stacks/deploy-config';
import { type AppFunction, DEFAULT_ENVIRONMENT } from './app-function';

/** A business metric (EMF, shared/observability/metrics.ts) in total: the {service} dimension set. */
export function businessMetric(name: MetricName, props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { [SERVICE_DIMENSION]: DEFAULT_ENVIRONMENT.POWERTOOLS_SERVICE_NAME },
    statistic: 'Sum',
    period: Duration.hours(1),
    ...props,
  });
}

/** One line per hromada (a SEARCH over the {service, hromada} set): dashboards only, not alarms. */
function perHromada(name: MetricName, label: string): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression:
      `SEARCH('{${METRICS_NAMESPACE},${SERVICE_DIMENSION},${HROMADA_DIMENSION}} ` +
      `MetricName="${name}"', 'Sum', 3600)`,
    usingMetrics: {},
    label,
    period: Duration.hours(1),
  });
}

export interface OpsDashboardProps {
  readonly dashboardName: string;
  readonly functions: readonly AppFunction[];
  /** The SNS account-wide month-to-date SMS spend, next to our estimate. */
  readonly snsMonthToDateSpend: cloudwatch.IMetric;
}

/**
 * The one operations dashboard: SMS (totals, per hromada, segments and estimated spend), planning
 * (duration, unassigned requests, checker), the outbox stream, and the five functions' errors and
 * durations. docs/operations.md explains each widget.
 */
export class OpsDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OpsDashboardProps) {
    super(scope, id);
    const graph = (
      title: string,
      left: cloudwatch.IMetric[],
      extra: Partial<cloudwatch.GraphWidgetProps> = {},
    ) => new cloudwatch.GraphWidget({ title, left, width: 8, height: 6, ...extra });
    const sum = (name: MetricName, label: string) => businessMetric(name, { label });
    const sendSms = props.functions.find((fn) => fn.node.id === 'SendSms');

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(7),
      widgets: [
        [
          graph('SMS per hour (all hromady)', [
            sum(METRIC.smsSent, 'sent'),
            sum(METRIC.smsFailed, 'failed'),
            sum(METRIC.smsRetried, 'retried'),
            sum(METRIC.smsOverCap, 'over daily cap'),
          ]),
          graph('SMS sent per hromada', [perHromada(METRIC.smsSent, '')]),
          graph('SMS failed per hromada', [perHromada(METRIC.smsFailed, '')]),
        ],
        [
          graph('SMS segments per hromada', [perHromada(METRIC.smsSegments, '')]),
          graph('Estimated SMS spend per hromada, USD', [perHromada(METRIC.smsSpendUsd, '')]),
          graph(
            'SMS spend, USD: our estimate per day vs SNS month to date',
            [
              businessMetric(METRIC.smsSpendUsd, {
                label: 'estimate (segments × price)',
                period: Duration.days(1),
              }),
            ],
            { right: [props.snsMonthToDateSpend] },
          ),
        ],
        [
          graph('Planning time, ms', [
            businessMetric(METRIC.planDurationMs, { statistic: 'p50', label: 'p50' }),
            businessMetric(METRIC.planDurationMs, { statistic: 'p95', label: 'p95' }),
            businessMetric(METRIC.planDurationMs, { statistic: 'Maximum', label: 'max' }),
          ]),
          graph('Plans: unassigned requests and checker', [
            sum(METRIC.planUnassigned, 'unassigned requests'),
            sum(METRIC.planCheckerPassed, 'checker passed'),
            sum(METRIC.planCheckerRejected, 'checker rejected'),
          ]),
          graph(
            'Outbox stream: failed batch items and iterator age',
            [sum(METRIC.streamBatchItemFailures, 'batch item failures')],
            sendSms
              ? {
                  right: [
                    sendSms.function.metric('IteratorAge', {
                      statistic: 'Maximum',
                      period: Duration.minutes(5),
                      label: 'iterator age, ms',
                    }),
                  ],
                }
              : {},
          ),
        ],
        [
          graph(
            'Function errors',
            props.functions.map((fn) => fn.metricErrors({ label: fn.node.id })),
            { width: 12 },
          ),
          graph(
            'Function duration p95, ms',
            props.functions.map((fn) =>
              fn.function.metricDuration({
                statistic: 'p95',
                period: Duration.minutes(5),
                label: fn.node.id,
              }),
            ),
            { width: 12 },
          ),
        ],
      ],
    });
  }
}

/** Alarms on the business metrics (to the ops topic): SMS failing for good, the checker refusing a plan. */
export function businessAlarms(
  config: Pick<DeployConfig, 'smsFailedAlarmThreshold'>,
): Record<string, cloudwatch.AlarmProps> {
  return {
    SmsFailedForGood: {
      alarmDescription:
        `${config.smsFailedAlarmThreshold} or more SMS failed for good within an hour ` +
        '(provider refused them or their attempts ran out): residents and drivers were not told',
      metric: businessMetric(METRIC.smsFailed, { period: Duration.hours(1) }),
      threshold: config.smsFailedAlarmThreshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    },
    PlanCheckerRejected: {
      alarmDescription:
        'The independent checker refused a plan from the routing engine (an engine bug: the plan was ' +
        'not saved and the dispatcher got a 500)',
      metric: businessMetric(METRIC.planCheckerRejected, { period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    },
  };
}
