import { createHash } from 'node:crypto';
import type { IdempotencyRecord } from '../domain/entities/idempotency-record';
import { ConflictError, UnprocessableError } from '../domain/errors';
import { withoutSecrets } from '../domain/secrets-out';
import type { Change } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';
import { MAX_ATTEMPTS, pause } from './retry';

/** Who sent which `Idempotency-Key`, and where: a key means one thing per hromada and caller. */
export interface IdempotencyScope {
  /** The hromada in the path; `*` for `POST /hromady`. */
  hromadaId: string;
  caller: string;
  key: string;
}

/** A created item, and whether it is the answer to an earlier request with the same key. */
export interface Created<T> {
  item: T;
  replayed: boolean;
}

/** What one attempt at a create wants written: the item and everything that goes with it. */
export interface CreateAttempt<T> {
  item: T;
  changes: Change[];
}

export interface CreateOnce {
  /** e.g. `POST /hromady/{h}/requests`: the same key on another operation is a different request. */
  operation: string;
  itemType: string;
  /** The request body as the route parsed it (hashed canonically: key order does not matter). */
  input: unknown;
  /** The key's scope; absent when the request carried no key. */
  scope?: IdempotencyScope | undefined;
  /**
   * Run the attempt again (re-reading everything) when the commit meets a conflict, e.g. a
   * concurrent booking of the same resident and day. With a key, conflicts are always retried.
   */
  retryOnConflict?: boolean;
}

export const IDEMPOTENCY_TTL_S = 24 * 3600;
/**
 * Create an item at most once per `Idempotency-Key`. The key's record (the request's hash, the
 * created item and the answer) is written in the same transaction as the item. A request whose
 * key already has a record gets the first answer again (same body), or a 422 if its body differs.
 * (Operations that are not a create use `answerOnce`, ./answer-once.ts: the same record.)
 * A concurrent duplicate that loses the race re-reads and answers as a retry would.
 */
export async function createOnce<T extends { id: string }>(
  ports: Pick<Ports, 'entities' | 'clock'>,
  spec: CreateOnce,
  attempt: () => Promise<CreateAttempt<T>>,
): Promise<Created<T>> {
  const { scope } = spec;
  const hash = scope ? requestHash(spec.operation, spec.input) : '';
  const attempts = scope || spec.retryOnConflict ? MAX_ATTEMPTS : 1;
  for (let n = 1; ; n++) {
    const earlier = scope ? await replay<T>(ports, scope, hash) : undefined;
    if (earlier) return earlier;
    let committing = false;
    try {
      const { item, changes } = await attempt();
      const record = scope ? [recordChange(ports, spec, scope, hash, item)] : [];
      committing = true;
      await ports.entities.commit([...record, ...changes]);
      return { item, replayed: false };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // A concurrent duplicate may have won since the check above: its record and its item were
      // written together, so whatever conflict this attempt met, the record is there now.
      const late = scope ? await replay<T>(ports, scope, hash) : undefined;
      if (late) return late;
      if (!committing || n >= attempts) throw error;
      await pause(n);
    }
  }
}

/** SHA-256 of the operation and the body's canonical JSON (object keys sorted). */
export function requestHash(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(input)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

async function replay<T>(
  ports: Pick<Ports, 'entities' | 'clock'>,
  scope: IdempotencyScope,
  hash: string,
): Promise<Created<T> | undefined> {
  const found = await recordFor(ports, scope, hash);
  return found && { item: JSON.parse(found.response) as T, replayed: true };
}

/** An answered record of this key and request, if any (422 for another request, 409 if unanswered). */
export async function recordFor(
  ports: Pick<Ports, 'entities' | 'clock'>,
  scope: IdempotencyScope,
  hash: string,
): Promise<(IdempotencyRecord & { response: string }) | undefined> {
  const found = await ports.entities.idempotency.get(scope.hromadaId, scope.caller, scope.key);
  if (!found || found.expiresAt < nowSeconds(ports)) return undefined;
  if (found.requestHash !== hash) {
    throw new UnprocessableError(
      'This Idempotency-Key was already used for a different request (another body or path); ' +
        'send a new key for a new request',
      {
        code: 'idempotency-key-reused',
        reason: 'Цей ключ ідемпотентності вже використано для іншого запиту',
      },
    );
  }
  if (found.response === undefined) {
    throw new ConflictError(
      'A request with this Idempotency-Key was carried out; its answer is not recorded yet (still ' +
        'running, or it stopped after its change): read the current state instead of retrying',
      undefined,
      {
        code: 'idempotency-in-flight',
        reason: 'Цей запит уже виконано або він ще виконується. Оновіть дані, щоб побачити результат',
      },
    );
  }
  return { ...found, response: found.response };
}

function recordChange<T extends { id: string }>(
  ports: Pick<Ports, 'clock'>,
  spec: CreateOnce,
  scope: IdempotencyScope,
  hash: string,
  item: T,
): Change {
  const nowS = nowSeconds(ports);
  const record: IdempotencyRecord = {
    hromadaId: scope.hromadaId,
    caller: scope.caller,
    key: scope.key,
    requestHash: hash,
    itemType: spec.itemType,
    itemId: item.id,
    statusCode: 201,
    response: JSON.stringify(item, withoutSecrets),
    createdAt: ports.clock.now().toISOString(),
    expiresAt: nowS + IDEMPOTENCY_TTL_S,
  };
  return { op: 'idempotency', record, nowS };
}

export function nowSeconds(ports: Pick<Ports, 'clock'>): number {
  return Math.floor(ports.clock.now().getTime() / 1000);
}
