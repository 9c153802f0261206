import { MAX_SEND_ATTEMPTS, type OutboxMessage } from '../../domain/entities/outbox-message';
import { ConflictError } from '../../domain/errors';
import { EMPTY_SMS_MONTH, type SmsMonthCounter, type SpendReservation } from '../../domain/sms-spend';
import type { PageRequest } from '../../ports/entity-repository';
import type { OutboxRepository, Reservation } from '../../ports/outbox-repository';
import { type MemoryEntityRepository, paginate } from './memory-entity-repository';

/** In-memory twin of DynamoDbOutboxRepository, over the messages a MemoryEntityRepository holds. */
export class MemoryOutboxRepository implements OutboxRepository {
  readonly segmentsByDay = new Map<string, number>();
  constructor(private readonly store: MemoryEntityRepository) {}

  async get(id: string) {
    const m = this.store.outbox.get(id);
    return m ? structuredClone(m) : undefined;
  }

  private set(id: string, patch: Partial<OutboxMessage>) {
    const m = this.store.outbox.get(id)!;
    const next: OutboxMessage = { ...m, ...patch, version: m.version + 1 };
    if (next.status !== 'pending' && next.status !== 'sending') delete next.dueAt;
    this.store.outbox.set(id, next);
  }

  /** The message as `seen` (same version and status) is still there. */
  private unchanged(seen: OutboxMessage): boolean {
    const m = this.store.outbox.get(seen.id);
    return m?.version === seen.version && m.status === seen.status;
  }

  async claim(id: string, version: number, leaseUntil: string) {
    const m = this.store.outbox.get(id);
    if (m?.status !== 'pending' || m.version !== version) return undefined;
    this.set(id, { status: 'sending', attempts: m.attempts + 1, dueAt: leaseUntil });
    return this.get(id);
  }

  async reserveSegments(
    claimed: OutboxMessage,
    date: string,
    cap: number,
    spend: SpendReservation,
  ): Promise<Reservation> {
    if (claimed.reservedOn) return 'already-reserved';
    if (!this.unchanged(claimed)) throw new ConflictError(`Message ${claimed.id} is no longer claimed`);
    const key = `${claimed.hromadaId}|${date}`;
    const used = this.segmentsByDay.get(key) ?? 0;
    if (used + claimed.segments > cap) return 'over-cap';
    const month = await this.smsMonth(claimed.hromadaId, spend.month);
    if (spend.capMicroUsd !== undefined && month.estimatedMicroUsd + spend.costMicroUsd > spend.capMicroUsd) {
      return 'over-spend-cap';
    }
    this.segmentsByDay.set(key, used + claimed.segments);
    this.store.addToSmsMonth(claimed.hromadaId, spend.month, {
      segments: claimed.segments,
      estimatedMicroUsd: spend.costMicroUsd,
    });
    const m = this.store.outbox.get(claimed.id)!;
    this.store.outbox.set(claimed.id, { ...m, reservedOn: date });
    return 'reserved';
  }

  async recordHeldBack(hromadaId: string, month: string, cap: 'daily' | 'monthly') {
    this.store.addToSmsMonth(
      hromadaId,
      month,
      cap === 'daily' ? { heldBackDaily: 1 } : { heldBackMonthly: 1 },
    );
  }

  async smsMonth(hromadaId: string, month: string): Promise<SmsMonthCounter> {
    return { ...EMPTY_SMS_MONTH, ...this.store.smsMonths.get(`${hromadaId}|${month}`) };
  }

  async markSent(claimed: OutboxMessage, providerMessageId: string, at: string) {
    if (!this.unchanged(claimed)) throw new ConflictError(`Message ${claimed.id} is no longer claimed`);
    this.set(claimed.id, { status: 'sent', providerMessageId, sentAt: at });
  }

  async markFailed(claimed: OutboxMessage, error: string, retryable: boolean, dueAt: string) {
    if (!this.unchanged(claimed)) throw new ConflictError(`Message ${claimed.id} is no longer claimed`);
    const status = retryable && claimed.attempts < MAX_SEND_ATTEMPTS ? 'pending' : 'failed';
    this.set(claimed.id, { status, error, dueAt });
  }

  async listDue(now: string, limit: number) {
    return [...this.store.outbox.values()]
      .filter((m) => m.dueAt !== undefined && m.dueAt <= now)
      .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))
      .slice(0, limit)
      .map((m) => structuredClone(m));
  }

  async takeBack(seen: OutboxMessage, reason: string, dueAt: string | undefined) {
    if (!this.unchanged(seen)) return false;
    this.set(
      seen.id,
      dueAt ? { status: 'pending', error: reason, dueAt } : { status: 'failed', error: reason },
    );
    return true;
  }

  async listByHromada(hromadaId: string, page?: PageRequest) {
    const items = [...this.store.outbox.values()]
      .filter((m) => m.hromadaId === hromadaId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return paginate(items, page);
  }
}
