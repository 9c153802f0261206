/**
 * Each function's timeout in AWS, in seconds: the one source both sides read. The CDK stacks set
 * every function's `timeout` from here (`functionTimeout` in infra/stacks/function-timeout.ts),
 * and the local platform gives each invocation the same time (infra/local/lambda-context.ts), so a
 * call that would time out in AWS times out on one machine too. No CDK import: infra/local reads it.
 * test/infra/function-timeouts.test.ts fails if a stack's function and this table drift apart.
 */
export const FUNCTION_TIMEOUT_S = {
  /** The HTTP API: a call's answer is due before API Gateway's 30 s; 3 s of it close the call. */
  api: 15,
  /** Background jobs (a day plan, an import, a tour): Lambda's longest (plan-function.ts). */
  plan: 15 * 60,
  /** Shorter than the outbox lease (stateless-stack.ts checks it). */
  'send-sms': 30,
  'inbound-sms': 20,
  /** Reminders and the mobile-case announcements (the same function). */
  remind: 2 * 60,
  'sweep-outbox': 30,
  'generate-standing-orders': 5 * 60,
  'poll-air-raids': 55,
  'sms-receipts': 20,
  /** Connect waits at most 8 s for a flow's Lambda: the function gives up before that. */
  ivr: 7,
} as const satisfies Record<string, number>;

export type FunctionName = keyof typeof FUNCTION_TIMEOUT_S;

export const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(FUNCTION_TIMEOUT_S, name);

/** The function's timeout in AWS, in ms; a name not in the table is an error (add it there). */
export function functionTimeoutMs(name: string): number {
  if (!isFunctionName(name))
    throw new Error(`no timeout for function "${name}": add it to infra/function-timeouts.ts`);
  return FUNCTION_TIMEOUT_S[name] * 1000;
}
