import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { functionTimeoutMs } from '../function-timeouts';

/**
 * A Lambda context like the one AWS passes, for running handlers on one machine. Its time is the
 * function's timeout in AWS (infra/function-timeouts.ts, which the CDK stacks set too), so that a
 * call that would time out there times out here; `timeoutMs` only for tests of a shorter budget.
 */
export function lambdaContext(functionName: string, timeoutMs = functionTimeoutMs(functionName)): Context {
  const started = Date.now();
  const awsRequestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${awsRequestId}`,
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: handlers of every trigger type are invoked through this
export type AnyHandler = (event: any, context: Context) => Promise<unknown>;
