import type { OutboxMessage } from '../domain/entities/outbox-message';
import type { SmsMonthCounter, SpendReservation } from '../domain/sms-spend';
import type { Page, PageRequest } from './entity-repository';

/** What a reservation of the day's SMS budget came to. */
export type Reservation = 'reserved' | 'already-reserved' | 'over-cap' | 'over-spend-cap';

export interface OutboxRepository {
  get(id: string): Promise<OutboxMessage | undefined>;
  /**
   * Claim a pending message for sending: pending → sending with attempts + 1 and a lease until
   * `leaseUntil`, only if it is still pending at `version`. Undefined when someone else claimed
   * it, it was already sent, or it changed since that version.
   */
  claim(id: string, version: number, leaseUntil: string): Promise<OutboxMessage | undefined>;
  /**
   * Spend the message's segments from the hromada's budget for local day `date`, once per message
   * whatever the retries: `already-reserved` when an earlier attempt paid, `over-cap` when the cap
   * would be passed. Holds only while `claimed` is still this sender's claim.
   */
  reserveSegments(
    claimed: OutboxMessage,
    date: string,
    cap: number,
    spend: SpendReservation,
  ): Promise<Reservation>;
  /** Count a message a cap held back, in its month: reported, never silently dropped. */
  recordHeldBack(hromadaId: string, month: string, cap: 'daily' | 'monthly'): Promise<void>;
  /** A hromada's SMS month: segments, estimated and receipted cost, what the caps held back. */
  smsMonth(hromadaId: string, month: string): Promise<SmsMonthCounter>;
  /** The provider accepted it: sending → sent (only while `claimed` is still this sender's claim). */
  markSent(claimed: OutboxMessage, providerMessageId: string, at: string): Promise<void>;
  /**
   * The provider refused it: back to pending (retryable, under the attempt limit, due again at
   * `dueAt`) or failed for good.
   */
  markFailed(claimed: OutboxMessage, error: string, retryable: boolean, dueAt: string): Promise<void>;
  /**
   * Open messages (pending or sending) due at or before `now`, oldest first: pending ones the
   * stream has not delivered in time, sending ones whose lease ran out.
   */
  listDue(now: string, limit: number): Promise<OutboxMessage[]>;
  /**
   * The sweeper takes a message back: to pending (a new version the stream delivers again, due at
   * `dueAt`), or to failed for good with `reason` when `dueAt` is undefined. Only if the message is
   * still as `seen` (same version); false otherwise.
   */
  takeBack(seen: OutboxMessage, reason: string, dueAt: string | undefined): Promise<boolean>;
  listByHromada(hromadaId: string, page?: PageRequest): Promise<Page<OutboxMessage>>;
}
