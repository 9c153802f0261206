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

/**
 * The Lambda client of the Node 22 runtime's AWS SDK (bundling keeps `@aws-sdk/*` out), loaded on
 * first use. The name is a variable so that neither the type checker nor the bundler needs the
 * package installed: only the api function in AWS ever takes this path.
 */
function sdkInvoke(): InvokeAsync {
  const moduleName = '@aws-sdk/client-lambda';
  // biome-ignore lint/suspicious/noExplicitAny: the client's module, loaded by name (see above)
  let client: Promise<{ sdk: any; lambda: any }> | undefined;
  return async (functionName, payload) => {
    client ??= import(moduleName).then((sdk) => ({ sdk, lambda: new sdk.LambdaClient({}) }));
    const { sdk, lambda } = await client;
    return lambda.send(
      new sdk.InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(payload),
      }),
    );
  };
}
