// Calls to the HTTP API (docs/openapi.json): answers as data, failures as errors
// whose message is Ukrainian (error-words.js).
import { session } from './auth.js';
import { errorWords } from './error-words.js';

/** An answer of the API that is not a success. */
export class ApiError extends Error {
  constructor(status, body) {
    super(errorWords(status, body));
    this.status = status;
    this.code = body?.error?.code;
    this.body = body;
  }
}

/** No answer at all: the request may or may not have reached the API. */
export class NetworkError extends Error {}

/**
 * Waits before each retry (ms): a weak village connection gets a few more chances. Only GETs and
 * POSTs are retried: every POST carries an Idempotency-Key (the API carries it out once), a GET
 * changes nothing.
 */
export const RETRY_DELAYS_MS = [500, 1500, 3000];
/** The longest wait a 503's Retry-After may ask for (ms). */
const MAX_RETRY_AFTER_MS = 5000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const newKey = () =>
  crypto.randomUUID?.() ??
  [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * One attempt: the answer, or a NetworkError / ApiError (with the Retry-After of a 503). With
 * `full`, the answer with its status and Location header: `{ status, data, location }`.
 */
async function send(method, path, body, idempotencyKey, full) {
  // who is calling (console/auth.js): the ID token deployed, the chosen role locally
  const headers = { ...(await session.headers()) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let res;
  try {
    res = await fetch(session.url(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new NetworkError("Немає зв'язку з сервером; спробуйте ще раз");
  }
  if (res.status === 401 && session.signInAgain) await session.signInAgain();
  const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = new ApiError(res.status, data);
    error.retryAfterMs = Number(res.headers.get('retry-after')) * 1000 || 0;
    throw error;
  }
  return full ? { status: res.status, data, location: res.headers.get('location') ?? undefined } : data;
}

/** Worth another attempt: no answer at all, or the API overloaded (503). */
const transient = (e) => e instanceof NetworkError || (e instanceof ApiError && e.status === 503);

/**
 * A call of the API (with `{ full: true }`: its status and Location too, for a 201-or-202 answer).
 * A POST is one user action: it carries an Idempotency-Key (the one given, else
 * a new one), and every retry carries the same key. A network failure or a 503 is retried after
 * RETRY_DELAYS_MS (a 503's Retry-After when longer); the last failure is thrown.
 */
export async function api(method, path, body, idempotencyKey, { full = false } = {}) {
  const key = method === 'POST' ? (idempotencyKey ?? newKey()) : idempotencyKey;
  const retries = method === 'POST' || method === 'GET' ? RETRY_DELAYS_MS : [];
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(method, path, body, key, full);
    } catch (e) {
      if (!transient(e) || attempt >= retries.length) throw e;
      await sleep(Math.max(retries[attempt], Math.min(e.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)));
    }
  }
}

/** The pending creating POST per path: its body and Idempotency-Key, kept after a network error. */
const attempts = new Map();

/**
 * A creating POST sent once: the same submission sent again by hand after the automatic retries
 * failed carries the same Idempotency-Key (the API answers it once); any answer ends the attempt.
 */
export async function create(path, body, options = {}) {
  const json = JSON.stringify(body);
  const pending = attempts.get(path);
  const key = pending?.json === json ? pending.key : newKey();
  attempts.set(path, { json, key });
  try {
    const out = await api('POST', path, body, key, options);
    attempts.delete(path);
    return out;
  } catch (e) {
    if (!transient(e)) {
      attempts.delete(path);
      throw e;
    }
    if (e instanceof ApiError) throw e;
    throw new NetworkError(`${e.message}: повторне надсилання не створить дубля`);
  }
}

/** Every item of a paged list. */
export async function all(path) {
  const items = [];
  let cursor;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api(
      'GET',
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

/** The API path of a hromada. */
export const hromadaPath = (hromadaId) => `/hromady/${encodeURIComponent(hromadaId)}`;
