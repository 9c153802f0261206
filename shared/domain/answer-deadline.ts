import { AsyncLocalStorage } from 'node:async_hooks';
import { ServiceUnavailableError } from './errors';

/**
 * The time by which a call must be answered, and the writes it may still start. A call that is
 * still working when its function's time is nearly out (an overload: many callers on a few cores)
 * and has written nothing is answered 503 "nothing saved" at the close, and from then on no write
 * of it may start, so the 503 stays true when its work goes on in the background. A call already
 * answered 503 reads nothing more either: its work stops at its next storage call instead of
 * loading the overloaded platform further.
 *
 * A call that has changed something by the close (a write in flight, or one that landed, e.g. a
 * plan job with its Idempotency-Key record, before a slow start of the job's function) is not
 * answered then: "nothing saved" would be false. It goes on, reads and writes included, so a
 * use case that writes, reads and writes again ends whole and its Idempotency-Key gets its answer;
 * if it is still working at the very end, middy's timeout answers 503 "outcome unknown".
 *
 * Held per call (AsyncLocalStorage): the local platform serves many calls in one process. Work a
 * call starts in the background (the local plan job runner) runs `outsideAnyCall`.
 */
interface Call {
  closed: boolean;
  /** Answered 503 at the close (it had written nothing and had no write in flight). */
  answered: boolean;
  /** Writes sent and not yet answered. */
  writing: number;
  /** A write of it succeeded: its answer must tell what was done, so it is not cut off at the close. */
  wrote: boolean;
}

const current = new AsyncLocalStorage<Call>();

/** The part of the function's time kept for the answer: a fifth, at most 3 s (3 s of AWS's 15 s). */
export function closingMargin(budgetMs: number): number {
  return Math.min(3_000, Math.floor(budgetMs / 5));
}

/** The close came before any write of the call was sent. */
export class AnswerDueError extends ServiceUnavailableError {
  constructor() {
    super('The call ran out of time before it wrote anything; nothing was written');
  }
}

/** Middy's own timeout fired while a write was in flight: whether it was written is not known. */
export class UnknownOutcomeError extends ServiceUnavailableError {
  override readonly reason =
    'Сервер не встиг підтвердити зміну. Оновіть дані, щоб побачити, чи її збережено, і лише тоді повторіть';
}

/**
 * Run `work` as one call that must be answered within `closeInMs`: at the close, if it has written
 * nothing and has no write in flight, the answer is an `AnswerDueError` (503) at once; otherwise
 * `work`'s own outcome (or, past the function's end, middy's timeout: "outcome unknown").
 */
export async function withAnswerDeadline<T>(closeInMs: number, work: () => Promise<T>): Promise<T> {
  const call: Call = { closed: false, answered: false, writing: 0, wrote: false };
  const done = current.run(call, work);
  let timer: NodeJS.Timeout | undefined;
  const due = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      call.closed = true;
      if (call.writing > 0 || call.wrote) return; // it changed something: "nothing saved" is false
      call.answered = true;
      reject(new AnswerDueError());
    }, closeInMs);
  });
  try {
    return await Promise.race([done, due]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A storage write of the current call (if any): refused with `AnswerDueError` once the call is
 * closed (nothing is sent), counted while in flight otherwise. Outside a call, just `send()`.
 */
export async function deadlineWrite<T>(send: () => Promise<T>): Promise<T> {
  const call = current.getStore();
  if (!call) return send();
  refuseLateWrite();
  call.writing += 1;
  try {
    const result = await send();
    call.wrote = true;
    return result;
  } finally {
    call.writing -= 1;
  }
}

/**
 * For a write done at once (no await inside, e.g. in memory): refused once the call is closed,
 * unless the call already wrote (or is writing): then it has changed something, so it finishes —
 * e.g. a booking sent just before the close and the Idempotency-Key's answer recorded after it —
 * and its answer says what was done (middy's last-resort timeout answers "outcome unknown").
 */
export function refuseLateWrite(): void {
  const call = current.getStore();
  if (call?.closed && !call.wrote && call.writing === 0) throw new AnswerDueError();
}

/** For a write done at once (in memory), after it succeeded: the call has changed something. */
export function markWritten(): void {
  const call = current.getStore();
  if (call) call.wrote = true;
}

/**
 * Run `work` (and whatever it schedules) as no call's work: background work a call starts, such as
 * the local platform's plan job run, must not be refused because that call was answered 503.
 */
export function outsideAnyCall<T>(work: () => T): T {
  return current.exit(work);
}

/** For a read: refused once the call was answered 503 at its close (its answer no longer needs it). */
export function refuseReadAfterAnswer(): void {
  if (current.getStore()?.answered) throw new AnswerDueError();
}
