import { CheckerRefusal } from '../../shared/app/planning/checker-refusal';
import type { Plan } from '../../shared/domain/entities/plan';
import type { PlanJob } from '../../shared/domain/entities/plan-job';
import { METRIC } from '../../shared/observability/metric-names';
import { addMetrics, type MetricEntry, MetricUnit } from '../../shared/observability/metrics';

/** The planning pipeline's checker refused the engine's answer (shared/app/planning/checker-refusal.ts). */
export const isCheckerRejection = (error: unknown): boolean => error instanceof CheckerRefusal;

/** A saved plan: how long it took, how many requests it left out, and that the checker passed it. */
export function planMetrics(durationMs: number, plan: Pick<Plan, 'unassigned'>): MetricEntry[] {
  return [
    { name: METRIC.planDurationMs, unit: MetricUnit.Milliseconds, value: Math.round(durationMs) },
    { name: METRIC.planUnassigned, unit: MetricUnit.Count, value: plan.unassigned.length },
    { name: METRIC.planCheckerPassed, unit: MetricUnit.Count, value: 1 },
  ];
}

/** A planning attempt that failed: counted only when the checker refused the engine's plan. */
export function planFailureMetrics(error: unknown): MetricEntry[] {
  return isCheckerRejection(error)
    ? [{ name: METRIC.planCheckerRejected, unit: MetricUnit.Count, value: 1 }]
    : [];
}

/** Runs one planning use case and stores its metrics for the invocation's flush. */
export async function measurePlanning<T>(
  run: () => Promise<T>,
  planOf: (result: T) => Pick<Plan, 'unassigned'>,
  now: () => number = () => performance.now(),
): Promise<T> {
  const started = now();
  try {
    const result = await run();
    addMetrics(planMetrics(now() - started, planOf(result)));
    return result;
  } catch (error) {
    addMetrics(planFailureMetrics(error));
    throw error;
  }
}

/**
 * A background planning job that ended: a done job counts as a saved plan (its engine time and the
 * unassigned count of its last progress), a job the checker refused as a rejection (the runner
 * records it as failed with the code `internal` and throws: the `plan` function counts the throw).
 */
export function planJobMetrics(
  job: Pick<PlanJob, 'state' | 'progress' | 'startedAt' | 'finishedAt'>,
): MetricEntry[] {
  if (job.state !== 'done') return [];
  const started = job.startedAt ? Date.parse(job.startedAt) : Number.NaN;
  const finished = job.finishedAt ? Date.parse(job.finishedAt) : Number.NaN;
  const durationMs = Number.isFinite(started) && Number.isFinite(finished) ? finished - started : 0;
  return planMetrics(durationMs, { unassigned: new Array(job.progress?.unassigned ?? 0) });
}
