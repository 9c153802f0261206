/**
 * The business metrics' names, shared by the code that emits them (Powertools Metrics, EMF) and
 * the CDK dashboard and alarms that read them. No imports: infra reads this file without bundling
 * Powertools.
 */
export const METRICS_NAMESPACE = 'HromadaDispatch';

/** Default dimension of every metric (POWERTOOLS_SERVICE_NAME, the same for the five functions). */
export const SERVICE_DIMENSION = 'service';
/** Second dimension set of the per-hromada metrics (SMS). */
export const HROMADA_DIMENSION = 'hromada';

export const METRIC = {
  /** An SMS accepted by the provider. */
  smsSent: 'SmsSent',
  /** An SMS that failed for good (the provider refused it, or the attempts ran out). */
  smsFailed: 'SmsFailed',
  /** A retryable send failure: the message goes back to pending. */
  smsRetried: 'SmsRetried',
  /** An SMS not sent because the hromada's daily segment cap was reached. */
  smsOverCap: 'SmsOverCap',
  /** Segments of the SMS sent (what the provider bills). */
  smsSegments: 'SmsSegments',
  /** Estimated spend of the SMS sent: segments × the configured price per segment. */
  smsSpendUsd: 'SmsSpendUsd',
  /** Stream records of a send-sms batch reported back to Lambda for a retry. */
  streamBatchItemFailures: 'StreamBatchItemFailures',
  /** Wall time of planning a day or inserting a request (engine, checker, save). */
  planDurationMs: 'PlanDurationMs',
  /** Requests left unassigned by a saved plan. */
  planUnassigned: 'PlanUnassigned',
  /** A plan the independent checker accepted and that was saved. */
  planCheckerPassed: 'PlanCheckerPassed',
  /** A plan the checker rejected (the engine returned an infeasible solution; nothing saved). */
  planCheckerRejected: 'PlanCheckerRejected',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];
