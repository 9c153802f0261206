import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppFunction } from '../../infra/constructs/app-function';
import { FUNCTION_TIMEOUT_S } from '../../infra/function-timeouts';
import { lambdaContext } from '../../infra/local/lambda-context';
import { CONNECT_CONTEXT, synthStacks } from './helpers';

/**
 * One timeout per function: what the stacks deploy is what the local platform gives each
 * invocation (infra/function-timeouts.ts), so a call that times out in AWS times out locally too.
 * Every configuration that adds a function: the default, the phone line, receipts through EUM.
 */
const apps = [
  synthStacks(),
  synthStacks(CONNECT_CONTEXT),
  synthStacks({ smsTransport: 'eum', smsMaxPricePerSegmentUsd: '0.08' }),
].map(({ app }) => app);

/** Each deployed function's name and its `Timeout` in the synthesized template, in seconds. */
function deployedTimeouts(): Map<string, number> {
  const found = new Map<string, number>();
  for (const app of apps) {
    for (const fn of app.node.findAll().filter((c): c is AppFunction => c instanceof AppFunction)) {
      const stack = Stack.of(fn);
      const id = stack.getLogicalId(fn.function.node.defaultChild as lambda.CfnFunction);
      const resource = Template.fromStack(stack).findResources('AWS::Lambda::Function')[id];
      found.set(fn.name, resource?.Properties.Timeout as number);
    }
  }
  return found;
}

afterAll(() => {
  vi.useRealTimers();
});

describe('function timeouts: the stacks and the local platform', () => {
  const deployed = deployedTimeouts();

  it('every function of the table is deployed, and every deployed function is in the table', () => {
    expect([...deployed.keys()].sort()).toEqual(Object.keys(FUNCTION_TIMEOUT_S).sort());
  });

  it('each local invocation gets the time its function has in AWS', () => {
    vi.useFakeTimers();
    for (const [name, seconds] of deployed) {
      expect({ name, ms: lambdaContext(name).getRemainingTimeInMillis() }).toEqual({
        name,
        ms: seconds * 1000,
      });
    }
    // the API's answer is due well before API Gateway's 30 s
    expect(deployed.get('api')).toBe(15);
  });
});
