import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { ValidationError } from '../../domain/errors';

/** Where the key material comes from: read once (per container or process), then cached. */
export type CursorSecretSource = () => Promise<string | Uint8Array>;

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Pagination cursors, sealed: DynamoDB's LastEvaluatedKey encrypted and authenticated with
 * AES-256-GCM, so a cursor is opaque (it shows nothing of the table's key layout) and
 * tamper-evident (a cursor this API did not issue is a 400, never a key DynamoDB chokes on).
 * Each cursor is bound to the listing that issued it (`scope`: index, key condition and its
 * values, direction) as additional authenticated data: a cursor from another hromada or another
 * listing does not open. This module is the only place that knows the cursor format.
 *
 * The AES key is derived (HKDF-SHA256) from a secret read once, on first use. Cursors live as
 * long as that secret: with a random per-process secret they die with the process.
 */
export class CursorSealer {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly secret: CursorSecretSource) {}

  /** A sealer with a random secret: for cursors that never outlive this process. */
  static ephemeral(): CursorSealer {
    const secret = randomBytes(32);
    return new CursorSealer(async () => secret);
  }

  async seal(lastKey: Record<string, unknown> | undefined, scope: string): Promise<string | undefined> {
    if (!lastKey) return undefined;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', await this.aesKey(), iv);
    cipher.setAAD(aad(scope));
    const body = Buffer.concat([cipher.update(JSON.stringify(lastKey), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(FORMAT), iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The ExclusiveStartKey in a cursor issued for this scope; a 400 for anything else. */
  async open(cursor: string | undefined, scope: string): Promise<Record<string, unknown> | undefined> {
    if (!cursor) return undefined;
    const key = await this.aesKey();
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length <= 1 + IV_BYTES + TAG_BYTES || raw[0] !== FORMAT) throw invalidCursor();
    let value: unknown;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 1 + IV_BYTES));
      decipher.setAAD(aad(scope));
      decipher.setAuthTag(raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
      const body = raw.subarray(1 + IV_BYTES + TAG_BYTES);
      value = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8'));
    } catch {
      throw invalidCursor();
    }
    if (!isStartKey(value)) throw invalidCursor();
    return value;
  }

  private aesKey(): Promise<Buffer> {
    this.key ??= this.secret().then(
      (secret) => Buffer.from(hkdfSync('sha256', secret, 'hromada-dispatch', 'pagination cursor v1', 32)),
      (error: unknown) => {
        this.key = undefined; // a failed read is retried on the next request
        throw error;
      },
    );
    return this.key;
  }
}

const aad = (scope: string) => Buffer.from(`${FORMAT}|${scope}`, 'utf8');

/** Every key attribute of the table and its indexes is a string. */
function isStartKey(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

function invalidCursor() {
  return new ValidationError('Invalid cursor', [
    { path: 'cursor', message: 'not a cursor from this listing' },
  ]);
}

/** The identity of a listing a cursor is bound to: everything that decides which items it walks. */
export function listingScope(query: {
  IndexName?: string | undefined;
  KeyConditionExpression?: string | undefined;
  ExpressionAttributeValues?: Record<string, unknown> | undefined;
  ScanIndexForward?: boolean | undefined;
}): string {
  const values = Object.entries(query.ExpressionAttributeValues ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([
    query.IndexName ?? '',
    query.KeyConditionExpression ?? '',
    values,
    query.ScanIndexForward ?? true,
  ]);
}

export function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? 50, 1), 200);
}
