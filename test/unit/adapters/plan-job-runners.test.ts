import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { BackgroundPlanJobRunner } from '../../../shared/adapters/plan-jobs/background-plan-job-runner';
import { LambdaPlanJobRunner } from '../../../shared/adapters/plan-jobs/lambda-plan-job-runner';
import {
  AnswerDueError,
  deadlineWrite,
  refuseReadAfterAnswer,
  withAnswerDeadline,
} from '../../../shared/domain/answer-deadline';
import type { PlanJobEvent } from '../../../shared/ports/plan-jobs';

const EVENT: PlanJobEvent = { hromadaId: 'khm', jobId: '01JF0000000000000000000000' };

describe('the Lambda plan job runner', () => {
  it('invokes the plan function asynchronously with the job as its payload', async () => {
    const calls: Array<[string, string]> = [];
    const runner = new LambdaPlanJobRunner('hromada-prod-plan', async (name, payload) => {
      calls.push([name, payload]);
      return { StatusCode: 202 };
    });
    await runner.start(EVENT);
    expect(calls).toEqual([['hromada-prod-plan', JSON.stringify(EVENT)]]);
  });

  it('refuses an answer other than 202 (the event was not queued)', async () => {
    const runner = new LambdaPlanJobRunner('plan', async () => ({ StatusCode: 200 }));
    await expect(runner.start(EVENT)).rejects.toThrow('200');
  });
});

describe('the background plan job runner (one machine)', () => {
  it('returns before the handler runs, then runs it once with the event', async () => {
    const seen: PlanJobEvent[] = [];
    const runner = new BackgroundPlanJobRunner(() => async (event) => {
      seen.push(event);
    });
    await runner.start(EVENT);
    expect(seen).toEqual([]);
    await runner.idle();
    expect(seen).toEqual([EVENT]);
  });

  it('keeps a failing run to itself, as an asynchronous invoke does', async () => {
    const runner = new BackgroundPlanJobRunner(() => async () => Promise.reject(new Error('boom')));
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (line: unknown) => logged.push(line);
    try {
      await runner.start(EVENT);
      await runner.idle();
    } finally {
      console.error = error;
    }
    expect(String(logged[0])).toMatch(/plan job run failed.*boom/);
  });

  it('refuses to start when no plan function is registered', async () => {
    await expect(new BackgroundPlanJobRunner(() => undefined).start(EVENT)).rejects.toThrow(
      /no plan function/,
    );
  });
});

describe('the plan job runner on the SDK', () => {
  it('invokes the plan function asynchronously with the job event', async () => {
    const lambda = mockClient(LambdaClient);
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    await new LambdaPlanJobRunner('hromada-prod-plan').start({
      hromadaId: 'khm',
      jobId: 'job-1',
    } as unknown as Parameters<LambdaPlanJobRunner['start']>[0]);
    const input = lambda.commandCalls(InvokeCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ FunctionName: 'hromada-prod-plan', InvocationType: 'Event' });
    expect(JSON.parse(new TextDecoder().decode(input.Payload as Uint8Array))).toEqual({
      hromadaId: 'khm',
      jobId: 'job-1',
    });
    lambda.restore();
  });
});

describe('the background plan job runner and the API call that started it', () => {
  it("runs the job whole although that call was answered 503 at its close: the call's deadline is not the job's", async () => {
    let answered!: () => void;
    const afterAnswer = new Promise<void>((r) => {
      answered = r;
    });
    let outcome = 'not run';
    const runner = new BackgroundPlanJobRunner(() => async () => {
      await afterAnswer;
      try {
        refuseReadAfterAnswer(); // the job's read of its job item
        await deadlineWrite(async () => undefined); // and its write of the plan
        outcome = 'ran';
      } catch (error) {
        outcome = `refused: ${(error as Error).name}`;
      }
    });

    // the API call starts the job, then outlives its close (1 ms) without writing anything
    const call = withAnswerDeadline(1, async () => {
      await runner.start(EVENT);
      await afterAnswer;
    });
    await expect(call).rejects.toBeInstanceOf(AnswerDueError);
    answered();
    await runner.idle();

    expect(outcome).toBe('ran');
  });
});
