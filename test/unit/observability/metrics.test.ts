import { afterEach, describe, expect, it, vi } from 'vitest';
import { planFailureMetrics, planJobMetrics, planMetrics } from '../../../functions/api/plan-metrics';
import { batchFailureMetrics, smsOutcomeMetrics } from '../../../functions/send-sms/sms-metrics';
import { CheckerRefusal } from '../../../shared/app/planning/checker-refusal';
import { METRIC, METRICS_NAMESPACE } from '../../../shared/observability/metric-names';

const names = (entries: { name: string; value: number }[]) =>
  Object.fromEntries(entries.map((e) => [e.name, e.value]));

describe('SMS metrics from a send outcome', () => {
  it('a sent SMS counts once, with its segments and their estimated spend', () => {
    expect(names(smsOutcomeMetrics('sent', 3, 0.05))).toEqual({
      [METRIC.smsSent]: 1,
      [METRIC.smsSegments]: 3,
      [METRIC.smsSpendUsd]: 0.15,
    });
  });

  it('a failure, a retry and a capped message count under their own names, with no spend', () => {
    expect(names(smsOutcomeMetrics('failed', 2, 0.05))).toEqual({ [METRIC.smsFailed]: 1 });
    expect(names(smsOutcomeMetrics('retry-later', 2, 0.05))).toEqual({ [METRIC.smsRetried]: 1 });
    expect(names(smsOutcomeMetrics('over-cap', 2, 0.05))).toEqual({ [METRIC.smsOverCap]: 1 });
  });

  it('a message another sender already handled counts nothing (no double counting on retries)', () => {
    expect(smsOutcomeMetrics('already-handled', 2, 0.05)).toEqual([]);
  });

  it('the stream batch reports how many records go back for a retry, zero included', () => {
    expect(names(batchFailureMetrics({ batchItemFailures: [{}, {}] }))).toEqual({
      [METRIC.streamBatchItemFailures]: 2,
    });
    expect(names(batchFailureMetrics({ batchItemFailures: [] }))).toEqual({
      [METRIC.streamBatchItemFailures]: 0,
    });
  });
});

describe('planning metrics', () => {
  it('a saved plan: duration, unassigned requests, checker passed', () => {
    const unassigned = [{ requestId: 'a' }, { requestId: 'b' }] as never;
    expect(names(planMetrics(1234.6, { unassigned }))).toEqual({
      [METRIC.planDurationMs]: 1235,
      [METRIC.planUnassigned]: 2,
      [METRIC.planCheckerPassed]: 1,
    });
  });

  it('the checker refusing the engine counts as a rejection; any other failure counts nothing', () => {
    const refused = new CheckerRefusal('plan', ['route 1 breaks a window']);
    expect(names(planFailureMetrics(refused))).toEqual({ [METRIC.planCheckerRejected]: 1 });
    // the same words in another error are not a refusal
    expect(planFailureMetrics(new Error('routing engine returned an infeasible plan: x'))).toEqual([]);
    expect(planFailureMetrics(new Error('ConditionalCheckFailed'))).toEqual([]);
    expect(planFailureMetrics('not an error')).toEqual([]);
  });
});

describe('the lambda stack flushes metrics as EMF', () => {
  const saved = process.env.POWERTOOLS_METRICS_DISABLED;
  afterEach(() => {
    process.env.POWERTOOLS_METRICS_DISABLED = saved;
    vi.restoreAllMocks();
    vi.resetModules();
  });

  async function invokeOnce(disabled: string): Promise<string> {
    process.env.POWERTOOLS_METRICS_DISABLED = disabled;
    process.env.POWERTOOLS_SERVICE_NAME = 'hromada-dispatch';
    vi.resetModules();
    const { lambdaStack } = await import('../../../shared/observability/lambda-stack');
    const { emitPerHromada } = await import('../../../shared/observability/metrics');
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      written.push(args.join(' '));
    });
    const handler = lambdaStack<unknown, string>().handler(async () => {
      emitPerHromada('h-1', smsOutcomeMetrics('sent', 2, 0.05));
      return 'ok';
    });
    await handler({}, { awsRequestId: 'r-1', functionName: 'send-sms' } as never);
    vi.restoreAllMocks();
    return written.join('');
  }

  it('per hromada and in total, under the HromadaDispatch namespace and the service dimension', async () => {
    const lines = (await invokeOnce('false'))
      .split('\n')
      .filter((line) => line.includes('"_aws"'))
      .map(
        (line) => JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: unknown[] } },
      );
    expect(lines.map((l) => l._aws.CloudWatchMetrics)).toEqual([
      [expect.objectContaining({ Namespace: METRICS_NAMESPACE, Dimensions: [['service', 'hromada']] })],
      [expect.objectContaining({ Namespace: METRICS_NAMESPACE, Dimensions: [['service']] })],
    ]);
    expect(lines[0]).toMatchObject({
      hromada: 'h-1',
      service: 'hromada-dispatch',
      SmsSent: 1,
      SmsSegments: 2,
    });
    expect(lines[1]).toMatchObject({ service: 'hromada-dispatch', SmsSent: 1, SmsSpendUsd: 0.1 });
  });

  it('prints nothing when POWERTOOLS_METRICS_DISABLED (the local platform, the tests)', async () => {
    expect(await invokeOnce('true')).toBe('');
  });
});

describe('plan metrics from a background planning job', () => {
  it('a done job counts as a saved plan: its engine time, its unassigned count and the checker pass', () => {
    const job = {
      state: 'done' as const,
      startedAt: '2026-12-02T05:00:00.000Z',
      finishedAt: '2026-12-02T05:00:12.500Z',
      progress: { elapsedMs: 12000, bestCost: 100, unassigned: 2 },
    };
    expect(names(planJobMetrics(job))).toEqual({
      [METRIC.planDurationMs]: 12500,
      [METRIC.planUnassigned]: 2,
      [METRIC.planCheckerPassed]: 1,
    });
  });

  it('a failed or unfinished job counts nothing here (a checker refusal is counted from its throw)', () => {
    expect(planJobMetrics({ state: 'failed' })).toEqual([]);
    expect(planJobMetrics({ state: 'running' })).toEqual([]);
  });
});
