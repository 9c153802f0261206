import type { OutboxMessage } from '../domain/entities/outbox-message';
import type { Page, PageRequest } from './entity-repository';

export interface OutboxRepository {
  get(id: string): Promise<OutboxMessage | undefined>;
  /**
   * Claim a pending message for sending: pending → sending with attempts + 1, only if it is
   * still pending at `version`. False when someone else claimed it or it was already sent.
   */
  claim(id: string, version: number, at: string): Promise<OutboxMessage | undefined>;
  markSent(id: string, providerMessageId: string, at: string): Promise<void>;
  /** Back to pending (retryable, under the attempt limit) or failed for good. */
  markFailed(claimed: OutboxMessage, error: string, retryable: boolean): Promise<void>;
  markSuppressed(id: string, reason: string): Promise<void>;
  /**
   * Add segments to the hromada's count for that local day unless it would pass the cap.
   * False when the cap would be passed.
   */
  reserveSegments(hromadaId: string, date: string, segments: number, cap: number): Promise<boolean>;
  listByHromada(hromadaId: string, page?: PageRequest): Promise<Page<OutboxMessage>>;
}
