import { afterEach, describe, expect, it, vi } from 'vitest';
import { FUNCTION_TIMEOUT_S } from '../../../infra/function-timeouts';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { closingMargin } from '../../../shared/domain/answer-deadline';
import { httpHandler } from '../../../shared/http/api-handler';
import { json } from '../../../shared/http/responses';
import { defineRoute } from '../../../shared/http/route';
import { Router } from '../../../shared/http/router';
import { apiEvent } from '../../support/api-events';

/**
 * The local platform gives an API call the API function's time in AWS (15 s), not 30 s: a call
 * that would run out of time in AWS runs out of time on one machine too (the answer deadline
 * closes it a fifth before, at most 3 s).
 */
afterEach(() => {
  vi.useRealTimers();
});

describe('an API call on the local platform', () => {
  it('gets the API function’s AWS timeout', () => {
    vi.useFakeTimers();
    expect(lambdaContext('api').getRemainingTimeInMillis()).toBe(FUNCTION_TIMEOUT_S.api * 1000);
    expect(lambdaContext('plan').getRemainingTimeInMillis()).toBe(15 * 60_000);
  });

  it('still working when AWS’s time would be nearly out is answered 503, nothing saved', async () => {
    vi.useFakeTimers();
    const budgetMs = FUNCTION_TIMEOUT_S.api * 1000;
    const hang = new Promise<never>(() => undefined);
    const handler = httpHandler(
      new Router([
        defineRoute('GET /slow', 'A call that never finishes', {
          access: 'public',
          handle: async () => {
            await hang;
            return json(200, {});
          },
        }),
      ]),
    );
    let answer: { statusCode: number; body: string } | undefined;
    void handler(apiEvent('GET', '/slow', undefined, {}), lambdaContext('api')).then((res) => {
      answer = res as typeof answer;
    });

    await vi.advanceTimersByTimeAsync(budgetMs - closingMargin(budgetMs) + 10);
    expect(answer?.statusCode).toBe(503);
    expect(JSON.parse(answer!.body).error.reason).toMatch(/нічого не збережено/);
  });
});
