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

export async function api(method, path, body, idempotencyKey) {
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
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** The pending creating POST per path: its body and Idempotency-Key, kept after a network error. */
const attempts = new Map();
const newKey = () =>
  crypto.randomUUID?.() ??
  [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A creating POST sent once: the same submission retried after a network error carries the same
 * Idempotency-Key (the API answers it once); any answer ends the attempt.
 */
export async function create(path, body) {
  const json = JSON.stringify(body);
  const pending = attempts.get(path);
  const key = pending?.json === json ? pending.key : newKey();
  attempts.set(path, { json, key });
  try {
    const out = await api('POST', path, body, key);
    attempts.delete(path);
    return out;
  } catch (e) {
    if (!(e instanceof NetworkError)) {
      attempts.delete(path);
      throw e;
    }
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
