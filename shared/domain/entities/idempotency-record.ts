/**
 * What a creating POST sent with an `Idempotency-Key` produced. Written in the same transaction
 * as the item it created, so a retry (or a concurrent duplicate) finds either both or neither.
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
  /** What was created, e.g. `ServiceRequest` `01J…`. */
  itemType: string;
  itemId: string;
  /** The first answer, replayed as is to a retry: status and body (JSON text, byte for byte). */
  statusCode: number;
  response: string;
  createdAt: string;
  /** TTL, epoch seconds; an expired record no longer holds the key (TTL deletion is lazy). */
  expiresAt: number;
}
