import { afterEach, beforeEach, vi } from 'vitest';

/** A canned API answer, or a lost connection (fetch throws as a browser does). */
export type FakeAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | 'offline';

export interface SentCall {
  method: string;
  path: string;
  key: string | undefined;
}

/**
 * Replaces the global fetch: each call is recorded (with the request as sent, for a test that
 * reads its body) and answered with the next canned answer (`fallback` when none is left) as JSON.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function stubFetch(
  next: () => FakeAnswer | undefined,
  record: (call: SentCall, init: RequestInit) => void,
  fallback: () => FakeAnswer,
): void {
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    record({ method: init.method ?? 'GET', path, key: headers['idempotency-key'] }, init);
    const answer = next() ?? fallback();
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  });
}

/** The call's outcome, with every timer (backoff, polling) run on the fake clock. */
export async function settle<T>(call: Promise<T>): Promise<PromiseSettledResult<T>> {
  const outcome = Promise.allSettled([call]);
  await vi.runAllTimersAsync();
  return (await outcome)[0]!;
}

/**
 * The API faked for every test of the file: fake timers, and fetch answering `answers` in order
 * (`fallback` when none is left), each call recorded in `sent`. All three start afresh for each
 * test; a test sets its answers (and may change the fallback) before the call.
 */
export function useFakeApi(fallback: FakeAnswer): {
  answers: FakeAnswer[];
  sent: SentCall[];
  fallback: FakeAnswer;
} {
  const api = { answers: [] as FakeAnswer[], sent: [] as SentCall[], fallback };
  beforeEach(() => {
    vi.useFakeTimers();
    api.answers = [];
    api.sent = [];
    api.fallback = fallback;
    stubFetch(
      () => api.answers.shift(),
      (call) => api.sent.push(call),
      () => api.fallback,
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return api;
}
