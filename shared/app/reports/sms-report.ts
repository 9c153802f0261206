import type { OutboxMessage } from '../../domain/entities/outbox-message';
import type { Table } from './csv';
import type { ReportPeriod } from './report-period';

/** The SMS of one kind queued in the period. */
export interface SmsCounts {
  messages: number;
  segments: number;
  /** Segments the provider accepted (`sent`): the ones paid for. */
  sentSegments: number;
  failed: number;
  /** Not sent on purpose (e.g. no consent, over the day's cap). */
  suppressed: number;
  /** `sentSegments` × the price per segment, USD, rounded to the cent's hundredth. */
  costUsd: number;
}

export interface SmsReport extends ReportPeriod {
  hromadaId: string;
  /** The price used: the deployment's `smsPricePerSegmentUsd` (an estimate, not the bill). */
  pricePerSegmentUsd: number;
  totals: SmsCounts;
  byKind: Array<{ kind: string } & SmsCounts>;
}

const empty = (): SmsCounts => ({
  messages: 0,
  segments: 0,
  sentSegments: 0,
  failed: 0,
  suppressed: 0,
  costUsd: 0,
});

function add(c: SmsCounts, m: OutboxMessage, price: number): void {
  c.messages += 1;
  c.segments += m.segments;
  if (m.status === 'sent') c.sentSegments += m.segments;
  if (m.status === 'failed') c.failed += 1;
  if (m.status === 'suppressed') c.suppressed += 1;
  c.costUsd = Math.round(c.sentSegments * price * 10_000) / 10_000;
}

/** Count the messages queued in the period (`createdAt` in [start, end)) by kind. */
export function smsReport(
  input: { hromadaId: string; period: ReportPeriod; bounds: { start: string; end: string }; price: number },
  messages: readonly OutboxMessage[],
): SmsReport {
  const totals = empty();
  const byKind = new Map<string, SmsCounts>();
  for (const m of messages) {
    if (m.createdAt < input.bounds.start || m.createdAt >= input.bounds.end) continue;
    add(totals, m, input.price);
    const counts = byKind.get(m.kind) ?? empty();
    add(counts, m, input.price);
    byKind.set(m.kind, counts);
  }
  return {
    hromadaId: input.hromadaId,
    ...input.period,
    pricePerSegmentUsd: input.price,
    totals,
    byKind: [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, c]) => ({ kind, ...c })),
  };
}

const cells = (c: SmsCounts) => [c.messages, c.segments, c.sentSegments, c.failed, c.suppressed, c.costUsd];

/** One row per kind, then the total; the price is in its own column. */
export function smsTable(report: SmsReport): Table {
  return {
    headers: [
      'Вид повідомлення',
      'Повідомлень',
      'Сегментів',
      'Надіслано сегментів',
      'Помилок',
      'Не надсилались',
      'Вартість, USD',
      'Ціна сегмента, USD',
    ],
    rows: [
      ...report.byKind.map((k) => [k.kind, ...cells(k), report.pricePerSegmentUsd]),
      ['Разом', ...cells(report.totals), report.pricePerSegmentUsd],
    ],
  };
}
