import { createHash } from 'node:crypto';

/**
 * The outbox id of a mobile-case SMS, derived from what caused it (so a retried run queues it once)
 * and short enough for an id (64 characters) whatever the stop and resident ids are.
 */
export function caseMessageId(kind: string, ...parts: Array<string | number>): string {
  const digest = createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 32);
  return `case-${kind}-${digest}`;
}
