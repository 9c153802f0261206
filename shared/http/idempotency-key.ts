import { z } from 'zod';
import type { Created, IdempotencyScope } from '../app/idempotency';
import { type HttpResult, json } from './responses';

/**
 * The optional `Idempotency-Key` header of a creating POST: printable ASCII without spaces,
 * 8–255 characters (a UUID or a ULID fits). Routes declare it as their `headers`; a malformed
 * key is a 400 at `(headers).idempotency-key`.
 */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8, 'at least 8 characters')
    .max(255, 'at most 255 characters')
    .regex(/^[\x21-\x7E]+$/, 'printable ASCII without spaces')
    .optional(),
});

/** The key's scope: the hromada in the path (`*` for `POST /hromady`) and the caller. */
export function idempotencyScope(
  hromadaId: string,
  caller: string,
  headers: z.output<typeof idempotencyHeaders>,
): IdempotencyScope | undefined {
  const key = headers['idempotency-key'];
  return key === undefined ? undefined : { hromadaId, caller, key };
}

/**
 * 201 with the created item. A replay (the same key and body again) gets the first answer's
 * body and status, marked with `idempotent-replayed: true`.
 */
export function created(outcome: Created<unknown>): HttpResult {
  const res = json(201, outcome.item);
  return outcome.replayed ? { ...res, headers: { ...res.headers, 'idempotent-replayed': 'true' } } : res;
}
