import { outsideAnyCall } from '../../domain/answer-deadline';
import type { PlanJobEvent, PlanJobRunner } from '../../ports/plan-jobs';

/** The `plan` function's handler as the local platform holds it. */
export type PlanJobHandler = (event: PlanJobEvent) => Promise<unknown>;

let registered: PlanJobHandler | undefined;

/**
 * The one-machine platform (infra/local/start.ts, integration tests) registers the `plan`
 * function's handler here after loading it, as Lambda holds a deployed function.
 */
export function registerPlanJobHandler(handler: PlanJobHandler | undefined): void {
  registered = handler;
}

/**
 * Runs the `plan` handler in the background of this process, as an asynchronous Lambda invoke
 * would: `start` returns at once; the handler records its own outcome on the job, and an error it
 * throws is logged (Lambda would send the event to the on-failure destination). It runs outside the
 * starting call's answer deadline, as the plan function has its own.
 */
export class BackgroundPlanJobRunner implements PlanJobRunner {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly handler: () => PlanJobHandler | undefined = () => registered) {}

  async start(event: PlanJobEvent): Promise<void> {
    const handler = this.handler();
    if (!handler) throw new Error('no plan function is registered on this platform');
    // as a function of its own, not as part of the API call that started it: that call may be
    // answered 503 at its close, and its reads and writes refused then (domain/answer-deadline.ts)
    const run: Promise<unknown> = outsideAnyCall(() =>
      new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => handler(event))
        .catch((error: unknown) => {
          console.error(JSON.stringify({ message: 'plan job run failed', event, error: String(error) }));
        })
        .finally(() => this.running.delete(run)),
    );
    this.running.add(run);
  }

  /** Waits for the runs in flight (tests; the platform's shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
