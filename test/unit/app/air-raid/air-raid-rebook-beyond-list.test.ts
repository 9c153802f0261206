/**
 * A day handed over with more open rides than get their own attention item (MAX_REBOOK_ITEMS):
 * the rest are not only counted, one more item names them together and sends the dispatcher to the
 * day's requests; the whole hand-over still fits one transaction.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REBOOK_ITEMS, rebookChanges } from '../../../../shared/app/air-raid/rebook-items';
import type { AirRaidAlert } from '../../../../shared/domain/entities/air-raid-alert';
import type { ServiceRequest } from '../../../../shared/domain/entities/service-request';
import { FakeClock, HROMADA, memoryPorts, seedBasics } from '../../../support/fixtures';

describe('rides to rebook beyond the attention items', () => {
  it('names the rest in one item, within a transaction of at most 100 items', async () => {
    const { ports } = memoryPorts(new FakeClock(new Date('2026-11-29T05:00:00Z')));
    await seedBasics(ports);
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    const open = Array.from({ length: 300 }, (_, i) => ({
      id: `r${i}`,
      status: 'dispatched',
      window: { start: '2026-11-28T07:00:00Z', end: '2026-11-28T07:30:00Z' },
    })) as unknown as ServiceRequest[];
    const alert = { id: 'a1' } as AirRaidAlert;
    const { items, rebooked } = rebookChanges(
      ports,
      hromada,
      alert,
      { date: '2026-11-28', listDate: '2026-11-29' },
      open,
      (r) => `заявка ${r.id}`,
    );
    expect(rebooked.toRebookCount).toBe(300);
    expect(items).toHaveLength(MAX_REBOOK_ITEMS + 1);
    expect(items.length + 2).toBeLessThanOrEqual(100);
    const rest = items.at(-1)!;
    expect(rest.op === 'create' && rest.entity === 'Alert' && rest.item.text).toMatch(
      /ще 210 заявок на 28\.11 .*заявки дня 28\.11/,
    );
  });
});
