import { ValidationError } from '../../domain/errors';

/** Opaque pagination cursor: DynamoDB's LastEvaluatedKey, base64url JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ValidationError('Invalid cursor', [{ path: 'cursor', message: 'not a cursor from this API' }]);
}

export function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? 50, 1), 200);
}
