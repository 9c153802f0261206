import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger';
import { HROMADA_DIMENSION, METRICS_NAMESPACE, type MetricName } from './metric-names';

export { MetricUnit };
export type MetricUnitValue = (typeof MetricUnit)[keyof typeof MetricUnit];

/** One value of one metric, as the handlers compute it (pure) before it is emitted. */
export interface MetricEntry {
  readonly name: MetricName;
  readonly unit: MetricUnitValue;
  readonly value: number;
}

/**
 * Powertools' own notices go to the platform logger. "No application metrics to publish" is
 * expected (a health check, an SMS already handled emit nothing) and is only a debug line.
 */
const metricsLogger = {
  debug: (message: string, ...rest: unknown[]) => logger.debug(message, { detail: rest }),
  info: (message: string, ...rest: unknown[]) => logger.info(message, { detail: rest }),
  warn: (message: string, ...rest: unknown[]) =>
    message.startsWith('No application metrics')
      ? logger.debug(message)
      : logger.warn(message, { detail: rest }),
  error: (message: string, ...rest: unknown[]) => logger.error(message, { detail: rest }),
};

/**
 * The platform's metrics (CloudWatch embedded metric format, written to the function's log),
 * namespace HromadaDispatch, default dimension `service` (POWERTOOLS_SERVICE_NAME). Flushed once
 * per invocation by `logMetrics` in the lambda stack. POWERTOOLS_METRICS_DISABLED=true (the local
 * platform, the tests) keeps them off stdout.
 */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, logger: metricsLogger });

/** A second instance for the per-hromada blobs, so they never carry the invocation's stored metrics. */
const perHromada = new Metrics({ namespace: METRICS_NAMESPACE, logger: metricsLogger });

/** Stores `entries` for this invocation's flush. */
export function addMetrics(entries: readonly MetricEntry[]): void {
  for (const entry of entries) metrics.addMetric(entry.name, entry.unit, entry.value);
}

/**
 * `entries` twice: stored under {service} (totals, for alarms; flushed with the invocation) and
 * emitted at once under {service, hromada} (per community, for the dashboard). Synchronous, so
 * records processed concurrently in one batch never mix their hromada dimensions.
 */
export function emitPerHromada(hromadaId: string, entries: readonly MetricEntry[]): void {
  if (entries.length === 0) return;
  addMetrics(entries);
  perHromada.addDimensions({ [HROMADA_DIMENSION]: hromadaId });
  for (const entry of entries) perHromada.addMetric(entry.name, entry.unit, entry.value);
  perHromada.publishStoredMetrics();
}
