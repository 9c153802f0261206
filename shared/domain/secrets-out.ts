/**
 * What never leaves the platform in an answer: a delivery's handover code is kept only as a hash
 * on its request (the resident tells the driver the code), and a 4-digit code salted with the
 * request id is found from its hash in a blink, so the hash is never sent. An answer says only
 * that a code is needed and how many wrong tries were made.
 *
 * A request's report bucket (`reportedAs`: where the per-day report counters last counted it) is
 * the platform's own bookkeeping: it never leaves in an answer either.
 *
 * A JSON.stringify replacer, used by every JSON answer of the API and by the stored first answer
 * an Idempotency-Key replays.
 */
/** Kept on a stored request for the report counters (shared/domain/report-day.ts), never sent. */
export const INTERNAL_ONLY = 'reportedAs';

export function withoutSecrets(key: string, value: unknown): unknown {
  if (key === INTERNAL_ONLY) return undefined;
  if (key === 'handoverCode' && value !== null && typeof value === 'object' && 'hash' in value) {
    const { hash: _hash, ...rest } = value as { hash: unknown };
    return { ...rest, required: true };
  }
  return value;
}
