import type { OutboxMessage } from '../../domain/entities/outbox-message';

/** A message an air-raid alert held, dropped (`suppressed`, final), never sent: why, in `error`. */
export function droppedMessage(m: OutboxMessage, error: string): OutboxMessage {
  const { heldUntil: _held, dueAt: _due, ...rest } = m;
  return { ...rest, version: m.version + 1, status: 'suppressed', error };
}
