import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { PlanJobEvent, PlanJobRunner } from '../../ports/plan-jobs';

/** The one call the runner makes: Lambda `Invoke` with `InvocationType: Event`. */
export type InvokeAsync = (functionName: string, payload: string) => Promise<{ StatusCode?: number }>;

/**
 * Starts a job's run as an asynchronous invoke of the `plan` function: Lambda queues the event and
 * answers 202 at once; a run that fails goes to the function's on-failure destination (the stack's
 * dead-letter queue) and the job's lease frees the day.
 */
export class LambdaPlanJobRunner implements PlanJobRunner {
  constructor(
    private readonly functionName: string,
    private readonly invoke: InvokeAsync = sdkInvoke(),
  ) {}

  async start(event: PlanJobEvent): Promise<void> {
    const res = await this.invoke(this.functionName, JSON.stringify(event));
    if (res.StatusCode !== 202) throw new Error(`plan function invoke answered ${res.StatusCode}`);
  }
}

/** Lambda `Invoke` with `InvocationType: Event` through the SDK's client, one per container. */
function sdkInvoke(lambda = new LambdaClient({})): InvokeAsync {
  return (functionName, payload) =>
    lambda.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(payload),
      }),
    );
}
