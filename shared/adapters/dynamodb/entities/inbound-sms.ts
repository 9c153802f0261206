import { INDEX } from '../table-schema';
import { indexKeys } from './layout';

/** Pattern 15: a received SMS, by the provider's message id (acted on once). */
export const inboundKey = (id: string) => ({ pk: `INBOUND#${id}`, sk: 'INBOUND' });

/** Pattern 16: the replies a hromada received, by when (queried newest first). */
export const inboundLog = {
  index: INDEX.inboundLog,
  pk: (hromadaId: string) => `INBOUND#${hromadaId}`,
} as const;

export const inboundIndexKeys = (hromadaId: string, receivedAt: string, id: string) =>
  indexKeys(inboundLog.index, inboundLog.pk(hromadaId), `${receivedAt}#${id}`);
