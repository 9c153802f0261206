import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import type { Created, IdempotencyScope } from '../app/idempotency';
import { ValidationError } from '../domain/errors';
import { issuesOf } from '../domain/validation';
import { actorOf } from './request';
import { type HttpResult, json } from './responses';

const HEADER = 'idempotency-key';

/** Printable ASCII without spaces, 8–255 characters: a UUID or a ULID fits. */
const keySchema = z
  .string()
  .min(8, 'at least 8 characters')
  .max(255, 'at most 255 characters')
  .regex(/^[\x21-\x7E]+$/, 'printable ASCII without spaces');

/**
 * The optional `Idempotency-Key` header of a creating POST, scoped by the hromada in the path
 * (`*` for `POST /hromady`) and the caller. A malformed key is a 400 at `(headers).idempotency-key`.
 */
export function idempotencyScope(
  event: APIGatewayProxyEventV2,
  hromadaId: string,
): IdempotencyScope | undefined {
  const entry = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === HEADER);
  if (!entry || entry[1] === undefined) return undefined;
  const parsed = keySchema.safeParse(entry[1]);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error).map((i) => ({ ...i, path: `(headers).${HEADER}` }));
    throw new ValidationError(`Invalid Idempotency-Key header: ${issues[0]!.message}`, issues);
  }
  return { hromadaId, caller: actorOf(event), key: parsed.data };
}

/**
 * 201 with the created item. A replay (the same key and body again) gets the first answer's
 * body and status, marked with `idempotent-replayed: true`.
 */
export function created(outcome: Created<unknown>): HttpResult {
  const res = json(201, outcome.item);
  return outcome.replayed ? { ...res, headers: { ...res.headers, 'idempotent-replayed': 'true' } } : res;
}
