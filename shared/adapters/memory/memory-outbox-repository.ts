import { MAX_SEND_ATTEMPTS, type OutboxMessage } from '../../domain/entities/outbox-message';
import type { PageRequest } from '../../ports/entity-repository';
import type { OutboxRepository } from '../../ports/outbox-repository';
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
    this.store.outbox.set(id, { ...m, ...patch, version: m.version + 1 });
  }

  async claim(id: string, version: number, _at: string) {
    const m = this.store.outbox.get(id);
    if (m?.status !== 'pending' || m.version !== version) return undefined;
    this.set(id, { status: 'sending', attempts: m.attempts + 1 });
    return this.get(id);
  }

  async markSent(id: string, providerMessageId: string, at: string) {
    if (this.store.outbox.get(id)?.status !== 'sending') throw new Error('not sending');
    this.set(id, { status: 'sent', providerMessageId, sentAt: at });
  }

  async markFailed(claimed: OutboxMessage, error: string, retryable: boolean) {
    if (this.store.outbox.get(claimed.id)?.status !== 'sending') throw new Error('not sending');
    const status = retryable && claimed.attempts < MAX_SEND_ATTEMPTS ? 'pending' : 'failed';
    this.set(claimed.id, { status, error });
  }

  async markSuppressed(id: string, reason: string) {
    this.set(id, { status: 'suppressed', error: reason });
  }

  async reserveSegments(hromadaId: string, date: string, segments: number, cap: number) {
    const key = `${hromadaId}|${date}`;
    const used = this.segmentsByDay.get(key) ?? 0;
    if (used + segments > cap) return false;
    this.segmentsByDay.set(key, used + segments);
    return true;
  }

  async listByHromada(hromadaId: string, page?: PageRequest) {
    const items = [...this.store.outbox.values()]
      .filter((m) => m.hromadaId === hromadaId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return paginate(items, page);
  }
}
