import type { IdempotencyRecord } from '../domain/entities/idempotency-record';
import { ConflictError } from '../domain/errors';
import type { Change, EntityRepository } from '../ports/entity-repository';
import type { PlanJobStore } from '../ports/plan-jobs';
import type { Ports } from '../ports/ports';
import { IDEMPOTENCY_TTL_S, type IdempotencyScope, nowSeconds, recordFor, requestHash } from './idempotency';

/** An operation's answer as the HTTP edge gives it: status, body (JSON text) and headers. */
export interface Answer {
  statusCode: number;
  body: string;
  headers?: Record<string, string | number | boolean> | undefined;
}

export interface AnswerOnce {
  /** The route key, e.g. `POST /hromady/{hromadaId}/plans/{date}/publish`. */
  operation: string;
  /** What the request sent, as parsed (its path parameters and body): hashed canonically. */
  input: unknown;
  /** The key's scope; absent when the request carried no key (the operation simply runs). */
  scope?: IdempotencyScope | undefined;
  /** Headers of the answer a retry must see again (lower case), e.g. a 202's `location`. */
  keepHeaders?: readonly string[];
}

/**
 * Carry out an operation at most once per `Idempotency-Key`: the same record as `createOnce`
 * (./idempotency.ts), for operations that are not "create an item" (plan, publish, an outcome,
 * a board move, an erasure…), whose use cases commit their own changes.
 *
 * The record goes into the operation's FIRST write: the use case runs with ports whose
 * `entities.commit` (and `planJobs.create`) add the record, without an answer, to the first change
 * set they write, in the same transaction. So the effect and the key are written together or not
 * at all; a concurrent duplicate's first write fails on the key and changes nothing. When the use
 * case returns, its answer is added to the record. A retry then gets that answer again; a retry
 * that comes between the two writes (the first still running, or it stopped right after its
 * change) gets a 409 `idempotency-in-flight` and nothing is done twice. An operation that wrote
 * nothing (a no-op) records its answer on its own. A failed operation records nothing; one that
 * undid its first write (a job that could not be started) forgets the key in its failure's change
 * set (`idempotency-forget`), so that a retry runs again.
 */
export async function answerOnce<A extends Answer>(
  ports: Ports,
  spec: AnswerOnce,
  run: (ports: Ports) => Promise<A>,
): Promise<{ answer: A | Answer; replayed: boolean }> {
  const { scope } = spec;
  if (!scope) return { answer: await run(ports), replayed: false };
  const hash = requestHash(spec.operation, spec.input);
  const earlier = await recordFor(ports, scope, hash);
  if (earlier) return { answer: answerOf(earlier), replayed: true };

  const nowS = nowSeconds(ports);
  const pending: IdempotencyRecord = {
    hromadaId: scope.hromadaId,
    caller: scope.caller,
    key: scope.key,
    requestHash: hash,
    itemType: spec.operation,
    itemId: '-',
    statusCode: 0,
    createdAt: ports.clock.now().toISOString(),
    expiresAt: nowS + IDEMPOTENCY_TTL_S,
  };
  const first = firstWrite(pending, nowS);
  let answer: A;
  try {
    answer = await run({
      ...ports,
      entities: withCommit(ports.entities, (changes) =>
        first.around(changes, (c) => ports.entities.commit(c)),
      ),
      planJobs: withCreate(ports.planJobs, first),
    });
  } catch (error) {
    // a concurrent duplicate whose first write won: answer as it did (or 409 while it runs)
    if (error instanceof ConflictError) {
      const late = await recordFor(ports, scope, hash);
      if (late) return { answer: answerOf(late), replayed: true };
    }
    throw error;
  }

  const record: IdempotencyRecord = {
    ...pending,
    statusCode: answer.statusCode,
    response: answer.body,
    headers: kept(answer, spec.keepHeaders ?? []),
  };
  try {
    await ports.entities.commit([
      first.written() ? { op: 'idempotency-answer', record } : { op: 'idempotency', record, nowS },
    ]);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // a no-op raced by a duplicate that recorded first: its answer is the one
    const late = await recordFor(ports, scope, hash);
    if (late) return { answer: answerOf(late), replayed: true };
    throw error;
  }
  return { answer, replayed: false };
}

/**
 * The record's change, added to change sets until one of them is written; a change set that
 * forgets the key (`idempotency-forget`) deletes the record once written, and is otherwise written
 * without it.
 */
function firstWrite(record: IdempotencyRecord, nowS: number) {
  let written = false;
  let forgotten = false;
  const isForget = (c: Change) => c.op === 'idempotency-forget' && !c.record;
  return {
    written: () => written,
    async around(changes: Change[], write: (changes: Change[]) => Promise<void>): Promise<void> {
      const rest = changes.filter((c) => !isForget(c));
      if (rest.length < changes.length) {
        await write(written ? [...rest, { op: 'idempotency-forget', record }] : rest);
        written = false;
        forgotten = true;
        return;
      }
      // forgotten: the operation's later writes (e.g. releasing a guard) no longer carry the key
      if (written || forgotten) return write(changes);
      await write([{ op: 'idempotency', record, nowS }, ...changes]);
      written = true;
    },
  };
}

/** The repository with another `commit`; every read goes to the repository itself. */
function withCommit(entities: EntityRepository, commit: EntityRepository['commit']): EntityRepository {
  return new Proxy(entities, {
    get: (target, prop) => (prop === 'commit' ? commit : Reflect.get(target, prop, target)),
  });
}

function withCreate(planJobs: PlanJobStore, first: ReturnType<typeof firstWrite>): PlanJobStore {
  return {
    create: (job, now, also = []) => first.around(also, (changes) => planJobs.create(job, now, changes)),
    get: (hromadaId, jobId) => planJobs.get(hromadaId, jobId),
    update: (job, expectedVersion) => planJobs.update(job, expectedVersion),
  };
}

function kept(answer: Answer, names: readonly string[]): Record<string, string> | undefined {
  const headers = Object.entries(answer.headers ?? {}).filter(([name]) => names.includes(name.toLowerCase()));
  return headers.length > 0 ? Object.fromEntries(headers.map(([n, v]) => [n, String(v)])) : undefined;
}

function answerOf(record: IdempotencyRecord & { response: string }): Answer {
  return { statusCode: record.statusCode, body: record.response, headers: record.headers };
}
