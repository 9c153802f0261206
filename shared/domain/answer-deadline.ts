import { AsyncLocalStorage } from 'node:async_hooks';
import { ServiceUnavailableError } from './errors';

/**
 * The time by which a call must be answered, and the writes it may still start. A call that is
 * still working when its function's time is nearly out (an overload: many callers on a few cores)
 * is answered 503 "nothing saved" at the close, and from then on no write of it may start, so the
 * 503 stays true when its work goes on in the background. A write already sent at the close is
 * waited for: its outcome decides the answer (and its reads go on). A call already answered 503
 * reads nothing more either: its work stops at its next storage call instead of loading the
 * overloaded platform further.
 *
 * Held per call (AsyncLocalStorage): the local platform serves many calls in one process.
 */
interface Call {
  closed: boolean;
  /** Answered 503 at the close (no write was in flight). */
  answered: boolean;
  /** Writes sent and not yet answered. */
  writing: number;
  /** A write of it succeeded: its answer must tell what was done, so its later writes go on. */
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
 * Run `work` as one call that must be answered within `closeInMs`: at the close, without a write
 * in flight, the answer is an `AnswerDueError` (503) at once; with one, `work`'s own outcome.
 */
export async function withAnswerDeadline<T>(closeInMs: number, work: () => Promise<T>): Promise<T> {
  const call: Call = { closed: false, answered: false, writing: 0, wrote: false };
  const done = current.run(call, work);
  let timer: NodeJS.Timeout | undefined;
  const due = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      call.closed = true;
      if (call.writing > 0) return;
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

/** For a read: refused once the call was answered 503 at its close (its answer no longer needs it). */
export function refuseReadAfterAnswer(): void {
  if (current.getStore()?.answered) throw new AnswerDueError();
}
