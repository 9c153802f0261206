/**
 * What a POST sent with an `Idempotency-Key` produced. Written in the same transaction as the
 * first write of its operation (the created item, the changed request, the plan job…), so a retry
 * (or a concurrent duplicate) finds either both or neither. A create knows its answer before it
 * commits and writes it there; any other operation writes the record without `response` (the
 * effect is done, the answer not yet known) and adds the answer right after it returns.
 * Kept 24 hours (`expiresAt`), scoped by hromada and caller.
 */
export interface IdempotencyRecord {
  /** The hromada in the path, or `*` for `POST /hromady`. */
  hromadaId: string;
  /** The caller (JWT subject) who sent the key. */
  caller: string;
  /** The `Idempotency-Key` header as sent (printable ASCII, 8–255 characters). */
  key: string;
  /** SHA-256 (hex) of the operation and the canonical JSON of the request body. */
  requestHash: string;
  /** What was created, e.g. `ServiceRequest` `01J…`; for another operation its route key and `-`. */
  itemType: string;
  itemId: string;
  /** The first answer, replayed as is to a retry: status and body (JSON text, byte for byte). */
  statusCode: number;
  /** Absent while the operation's effect is written but its answer not yet (a retry gets a 409). */
  response?: string;
  /** Headers of the first answer a retry must see again (e.g. a 202's `location`). */
  headers?: Record<string, string>;
  createdAt: string;
  /** TTL, epoch seconds; an expired record no longer holds the key (TTL deletion is lazy). */
  expiresAt: number;
}
