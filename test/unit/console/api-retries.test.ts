import { describe, expect, it } from 'vitest';
import { ApiError, api, create, NetworkError, RETRY_DELAYS_MS } from '../../../console/api.js';
import { errorWords } from '../../../console/error-words.js';
import { settle, useFakeApi } from './support/fake-fetch';

/**
 * The console's API client on a weak connection: every POST carries an Idempotency-Key, and a
 * network failure or a 503 is retried with the same key before the dispatcher sees an error.
 */

const fake = useFakeApi({ status: 200, body: { ok: true } });

const unavailable = {
  status: 503,
  body: { error: { code: 'unavailable', message: 'Service unavailable' } },
  headers: { 'retry-after': '1' },
};

describe("the console's API client on a weak connection", () => {
  it('retries a POST after network failures with the same Idempotency-Key, and answers its result', async () => {
    fake.answers = ['offline', 'offline', { status: 201, body: { id: 'r1' } }];
    const out = await settle(api('POST', '/hromady/h/air-raids', { level: 'hromada' }));
    expect(out).toEqual({ status: 'fulfilled', value: { id: 'r1' } });
    expect(fake.sent).toHaveLength(3);
    expect(fake.sent[0]!.key).toMatch(/^[\w-]{8,}$/);
    expect(new Set(fake.sent.map((s) => s.key)).size).toBe(1);
  });

  it('retries a 503 (storage throttled, Retry-After) with the same key', async () => {
    fake.answers = [unavailable, { status: 200, body: { done: true } }];
    const out = await settle(api('POST', '/hromady/h/air-raids/end'));
    expect(out).toEqual({ status: 'fulfilled', value: { done: true } });
    expect(fake.sent.map((s) => s.key)).toEqual([fake.sent[0]!.key, fake.sent[0]!.key]);
  });

  it('gives up after the last retry with a Ukrainian error; each user action has a key of its own', async () => {
    fake.answers = Array.from({ length: RETRY_DELAYS_MS.length + 1 }, () => 'offline' as const);
    const out = await settle(api('POST', '/hromady/h/danger-zones', { type: 'Feature' }));
    expect(out.status).toBe('rejected');
    const error = (out as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^Немає зв'язку з сервером/);
    expect(fake.sent).toHaveLength(RETRY_DELAYS_MS.length + 1);

    await settle(api('POST', '/hromady/h/danger-zones', { type: 'Feature' }));
    expect(fake.sent.at(-1)!.key).not.toBe(fake.sent[0]!.key);
  });

  it('does not retry an answer that is not transient (400, 409) nor a PATCH', async () => {
    fake.answers = [{ status: 409, body: { error: { code: 'conflict', message: 'x' } } }];
    const out = await settle(api('POST', '/hromady/h/air-raids/end'));
    expect((out as PromiseRejectedResult).reason).toBeInstanceOf(ApiError);
    expect(fake.sent).toHaveLength(1);

    fake.answers = ['offline'];
    const patched = await settle(api('PATCH', '/hromady/h', { version: 1 }));
    expect((patched as PromiseRejectedResult).reason).toBeInstanceOf(NetworkError);
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent[1]!.key).toBeUndefined();
  });

  it('a creating POST sent again by hand after the retries failed carries the same key', async () => {
    fake.answers = Array.from({ length: RETRY_DELAYS_MS.length + 1 }, () => 'offline' as const);
    const body = { name: 'Олена' };
    const failed = await settle(create('/hromady/h/residents', body));
    expect((failed as PromiseRejectedResult).reason.message).toMatch(/не створить дубля$/);
    const out = await settle(create('/hromady/h/residents', body));
    expect(out.status).toBe('fulfilled');
    expect(new Set(fake.sent.map((s) => s.key)).size).toBe(1);
  });

  it('shows a 409 idempotency-in-flight as «Запит уже виконується — оновіть дані»', () => {
    const body = {
      error: { code: 'idempotency-in-flight', message: 'in flight', reason: 'Цей запит уже виконано…' },
    };
    expect(errorWords(409, body)).toBe('Запит уже виконується — оновіть дані');
  });
});
