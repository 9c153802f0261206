import { describe, expect, it } from 'vitest';
import { periodBounds } from '../../../../shared/app/reports/report-period';
import { smsReport, smsTable } from '../../../../shared/app/reports/sms-report';
import { message } from '../../../support/report-fixtures';

const period = { from: '2026-11-24', to: '2026-11-24' };
// Kyiv is UTC+2 in November: the local day is 2026-11-23T22:00Z … 2026-11-24T22:00Z
const bounds = periodBounds(period);

const messages = [
  message('m1', {
    kind: 'booking-confirmation',
    status: 'sent',
    segments: 1,
    createdAt: '2026-11-23T22:00:00.000Z',
  }),
  message('m2', {
    kind: 'booking-confirmation',
    status: 'failed',
    segments: 2,
    createdAt: '2026-11-24T09:00:00.000Z',
  }),
  message('m3', { kind: 'driver-route', status: 'sent', segments: 3, createdAt: '2026-11-24T05:00:00.000Z' }),
  message('m4', {
    kind: 'reminder',
    status: 'suppressed',
    segments: 1,
    createdAt: '2026-11-24T16:00:00.000Z',
  }),
  message('m5', { kind: 'reminder', status: 'pending', segments: 1, createdAt: '2026-11-24T21:59:59.000Z' }),
  // outside the local day: before its start, and at the next day's start
  message('m6', { kind: 'reminder', status: 'sent', segments: 1, createdAt: '2026-11-23T21:59:59.000Z' }),
  message('m7', { kind: 'reminder', status: 'sent', segments: 1, createdAt: '2026-11-24T22:00:00.000Z' }),
];

describe('sms report', () => {
  const report = smsReport({ hromadaId: 'khm', period, bounds, price: 0.05 }, messages);

  it('counts the messages of the local days, their segments, failures and the cost of what was sent', () => {
    expect(bounds).toEqual({ start: '2026-11-23T22:00:00.000Z', end: '2026-11-24T22:00:00.000Z' });
    expect(report.pricePerSegmentUsd).toBe(0.05);
    expect(report.totals).toEqual({
      messages: 5,
      segments: 8,
      sentSegments: 4,
      failed: 1,
      suppressed: 1,
      costUsd: 0.2,
    });
  });

  it('splits by kind', () => {
    expect(report.byKind.map((k) => [k.kind, k.messages, k.segments, k.failed, k.costUsd])).toEqual([
      ['booking-confirmation', 2, 3, 1, 0.05],
      ['driver-route', 1, 3, 0, 0.15],
      ['reminder', 2, 2, 0, 0],
    ]);
  });

  it('states the price per segment in the table', () => {
    const table = smsTable(report);
    expect(table.headers).toContain('Ціна сегмента, USD');
    expect(table.rows.at(-1)).toEqual(['Разом', 5, 8, 4, 1, 1, 0.2, 0.05]);
  });
});
