import { z } from 'zod';
import type { SendOutcome } from '../../shared/app/send-outbox-message';
import { METRIC } from '../../shared/observability/metric-names';
import { type MetricEntry, MetricUnit } from '../../shared/observability/metrics';

/** What the metrics need from the outbox item's stream image (every outbox item has both). */
export const smsMetricsImageSchema = z.object({
  hromadaId: z.string().min(1),
  segments: z.number().int().min(1),
});
export type SmsMetricsImage = z.infer<typeof smsMetricsImageSchema>;

/**
 * The metrics of one send attempt, from its outcome: a sent SMS counts, with its segments and
 * their estimated spend; a final failure, a retry and a capped message count; a message another
 * sender already handled counts nothing (it was counted there).
 */
export function smsOutcomeMetrics(
  outcome: SendOutcome,
  segments: number,
  pricePerSegmentUsd: number,
): MetricEntry[] {
  const count = (name: MetricEntry['name']): MetricEntry => ({ name, unit: MetricUnit.Count, value: 1 });
  switch (outcome) {
    case 'sent':
      return [
        count(METRIC.smsSent),
        { name: METRIC.smsSegments, unit: MetricUnit.Count, value: segments },
        { name: METRIC.smsSpendUsd, unit: MetricUnit.NoUnit, value: round4(segments * pricePerSegmentUsd) },
      ];
    case 'failed':
      return [count(METRIC.smsFailed)];
    case 'retry-later':
      return [count(METRIC.smsRetried)];
    case 'over-cap':
    case 'over-spend-cap':
      return [count(METRIC.smsOverCap)];
    case 'already-handled':
    case 'held': // counted when it is sent, after the quiet hours
      return [];
  }
}

/** The stream batch's result: how many records go back to Lambda for a retry. */
export function batchFailureMetrics(result: { batchItemFailures: readonly unknown[] }): MetricEntry[] {
  return [
    { name: METRIC.streamBatchItemFailures, unit: MetricUnit.Count, value: result.batchItemFailures.length },
  ];
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
