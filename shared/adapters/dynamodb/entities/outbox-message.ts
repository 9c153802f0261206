import { INDEX } from '../table-schema';
import { indexKeys } from './layout';

/** An outbox message has a partition of its own, so that sending spreads over the key space. */
export const outboxKey = (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' });

/** Pattern 7: a hromada's message log, by when each was queued. */
export const messageLog = {
  index: INDEX.messageLog,
  pk: (hromadaId: string) => `OUTBOX#${hromadaId}`,
} as const;

export const outboxIndexKeys = (hromadaId: string, createdAt: string, id: string) =>
  indexKeys(messageLog.index, messageLog.pk(hromadaId), `${createdAt}#${id}`);

/**
 * Pattern 25: the sparse index of open outbox messages (pending or sending), by when the sweeper
 * is due to look at them. The keys are removed when a message becomes final, so the index holds
 * only open ones. Its attribute names are spelled out because the outbox's update expressions
 * SET and REMOVE them by name.
 */
export const OPEN_OUTBOX_INDEX_PK = 'OUTBOX#OPEN';
export const openOutboxIndexKeys = (dueAt: string, id: string) => ({
  gsi2pk: OPEN_OUTBOX_INDEX_PK,
  gsi2sk: `${dueAt}#${id}`,
});
