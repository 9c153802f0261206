import { describe, expect, it } from 'vitest';
import { tripsReport, tripsTable } from '../../../../shared/app/reports/trips-report';
import { request, SETTLEMENT_B } from '../../../support/report-fixtures';

const period = { from: '2026-11-24', to: '2026-11-25' };

// Hand-counted: windows start at 08:00Z; late cancellation = less than 2 h before (after 06:00Z).
const requests = [
  request('r1', { status: 'done' }),
  request('r2', { status: 'done', serviceType: 'mobile-brigade', settlementId: SETTLEMENT_B }),
  request('r3', { status: 'no-show' }),
  // cancelled the evening before: early
  request('r4', { status: 'cancelled', updatedAt: '2026-11-23T18:00:00.000Z' }),
  // cancelled exactly 2 h before: early (not less than 2 h)
  request('r5', { status: 'cancelled', updatedAt: '2026-11-24T06:00:00.000Z' }),
  // cancelled 1 h 59 min before: late
  request('r6', { status: 'cancelled', updatedAt: '2026-11-24T06:01:00.000Z', serviceType: 'delivery' }),
  // cancelled after the window started: late; the pickup names no settlement, the resident's counts
  request('r7', {
    status: 'cancelled',
    updatedAt: '2026-11-24T08:30:00.000Z',
    settlementId: null,
    residentId: 'res-b',
  }),
  request('r8', { status: 'planned', date: '2026-11-25' }),
  // no settlement anywhere: unknown
  request('r9', { status: 'done', settlementId: null, residentId: 'res-gone' }),
];

describe('trips report', () => {
  const report = tripsReport(
    { hromadaId: 'khm', period, lateCancelHours: 2 },
    requests,
    new Map([['res-b', SETTLEMENT_B]]),
  );

  it('counts done, no-shows, early and late cancellations and open requests', () => {
    expect(report.totals).toEqual({
      requests: 9,
      done: 3,
      noShow: 1,
      cancelledEarly: 2,
      cancelledLate: 2,
      open: 1,
    });
    expect(report.lateCancelHours).toBe(2);
  });

  it('splits by service', () => {
    expect(report.byService).toEqual([
      {
        serviceType: 'delivery',
        requests: 1,
        done: 0,
        noShow: 0,
        cancelledEarly: 0,
        cancelledLate: 1,
        open: 0,
      },
      {
        serviceType: 'mobile-brigade',
        requests: 1,
        done: 1,
        noShow: 0,
        cancelledEarly: 0,
        cancelledLate: 0,
        open: 0,
      },
      {
        serviceType: 'social-taxi',
        requests: 7,
        done: 2,
        noShow: 1,
        cancelledEarly: 2,
        cancelledLate: 1,
        open: 1,
      },
    ]);
  });

  it("splits by the pickup's settlement, the resident's as fallback, unknown last", () => {
    expect(report.bySettlement.map((s) => [s.settlementId, s.requests, s.cancelledLate])).toEqual([
      [SETTLEMENT_B, 2, 1],
      ['UA05120170020086400', 6, 1],
      [null, 1, 0],
    ]);
  });

  it('tables one row per service, per settlement and the total, with Ukrainian headers', () => {
    const table = tripsTable(report);
    expect(table.headers).toEqual([
      'Розріз',
      'Значення',
      'Заявок',
      'Виконано',
      'Неявка',
      'Скасовано вчасно',
      'Скасовано пізно',
      'Не завершено',
    ]);
    expect(table.rows).toHaveLength(3 + 3 + 1);
    expect(table.rows.at(-1)).toEqual(['Разом', '2026-11-24 – 2026-11-25', 9, 3, 1, 2, 2, 1]);
    expect(table.rows[5]).toEqual(['Населений пункт', 'невідомо', 1, 1, 0, 0, 0, 0]);
  });
});
