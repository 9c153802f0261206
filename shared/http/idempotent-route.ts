import type { z } from 'zod';
import { answerOnce } from '../app/answer-once';
import type { Ports } from '../ports/ports';
import { idempotencyHeaders, idempotencyScope } from './idempotency-key';
import { type HttpResult, json } from './responses';
import {
  defineRoute,
  type ParamsSchema,
  type PathOf,
  type Route,
  type RouteKey,
  type RouteSpec,
} from './route';

type Spec<
  Key extends RouteKey,
  P extends ParamsSchema | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
> = RouteSpec<PathOf<Key>, P, Q, typeof idempotencyHeaders, B>;

/** What an idempotent route's `handle` gets (params typed from the path or the schema given). */
export type Input<
  Key extends RouteKey,
  P extends ParamsSchema | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
> = Parameters<Spec<Key, P, Q, B>['handle']>[0];

/**
 * A POST that changes or sends something, carried out at most once per `Idempotency-Key`
 * (shared/app/answer-once.ts): it declares the header, and its `handle` gets the ports to run its
 * use case with (they write the key's record with the use case's first change). A retry with the
 * same key, path and body gets the first answer again, marked `idempotent-replayed: true`; the
 * same key with another path or body is a 422 `idempotency-key-reused`.
 */
export function idempotentRoute<
  Key extends RouteKey,
  P extends ParamsSchema | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  ports: Ports,
  key: Key,
  summary: string,
  spec: Omit<Spec<Key, P, Q, B>, 'headers' | 'handle'> & {
    /** Headers of the answer a retry must see again (lower case), e.g. `location`. */
    keepHeaders?: readonly string[];
    handle(input: Input<Key, P, Q, B>, ports: Ports): Promise<HttpResult>;
  },
): Route {
  const { keepHeaders, handle, ...rest } = spec;
  return defineRoute<Key, P, Q, typeof idempotencyHeaders, B>(key, summary, {
    ...(rest as Omit<Spec<Key, P, Q, B>, 'headers' | 'handle'>),
    headers: idempotencyHeaders,
    handle: async (input) => {
      const params = input.params as Record<string, string>;
      const scope = idempotencyScope(params.hromadaId ?? '*', input.actor, input.headers);
      const { answer, replayed } = await answerOnce(
        ports,
        { operation: key, input: { params, body: input.body }, scope, keepHeaders: keepHeaders ?? [] },
        (scoped) => handle(input, scoped),
      );
      return replayed ? replayedAnswer(answer) : (answer as HttpResult);
    },
  });
}

/** The first answer again: its status and body byte for byte, and the headers it kept. */
function replayedAnswer(answer: { statusCode: number; body: string; headers?: HttpResult['headers'] }) {
  const base = json(answer.statusCode, null);
  return {
    statusCode: answer.statusCode,
    body: answer.body,
    headers: { ...base.headers, ...answer.headers, 'idempotent-replayed': 'true' },
  } satisfies HttpResult;
}
