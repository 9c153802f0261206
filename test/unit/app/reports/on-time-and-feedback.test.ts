import { describe, expect, it } from 'vitest';
import { feedbackReport, feedbackTable } from '../../../../shared/app/reports/feedback-report';
import { onTimeReport, onTimeTable } from '../../../../shared/app/reports/on-time-report';
import type { Alert } from '../../../../shared/domain/entities/alert';
import type { ServiceRequest } from '../../../../shared/domain/entities/service-request';
import { request } from '../../../support/report-fixtures';

const input = { hromadaId: 'khm', period: { from: '2026-11-01', to: '2026-11-30' } };

describe('on-time report', () => {
  // windows 08:00–08:30Z on 2026-11-24; the actual pickup (on board) or arrival (a visit's done)
  const timed = (
    id: string,
    at: string | undefined,
    serviceType: ServiceRequest['serviceType'] = 'social-taxi',
  ) => ({
    ...request(id, { status: 'done', serviceType }),
    window: { start: '2026-11-24T08:00:00.000Z', end: '2026-11-24T08:30:00.000Z' },
    ...(at ? { pickedUpAt: `2026-11-24T${at}:00.000Z` } : {}),
  });

  it('counts pickups within the agreed window, early, late and without a time, by service', () => {
    const report = onTimeReport(input, [
      timed('r1', '08:00'), // on the window's start: on time
      timed('r2', '08:30'), // on its end: on time
      timed('r3', '08:31'), // late
      timed('r4', '07:50'), // early
      timed('r5', undefined), // done without on board: unknown
      timed('r6', '08:10', 'delivery'),
      request('r7', { status: 'no-show' }),
      request('r8', { status: 'cancelled' }),
    ]);
    // known 4 of 5 taxi rides, 2 on time: 0.5; all: 3 of 5 known: 0.6
    expect(report.byService).toEqual([
      { serviceType: 'delivery', done: 1, onTime: 1, early: 0, late: 0, unknown: 0, onTimeShare: 1 },
      { serviceType: 'social-taxi', done: 5, onTime: 2, early: 1, late: 1, unknown: 1, onTimeShare: 0.5 },
    ]);
    expect(report.totals).toEqual({ done: 6, onTime: 3, early: 1, late: 1, unknown: 1, onTimeShare: 0.6 });
    expect(onTimeTable(report).rows.at(-1)).toEqual(['Разом 2026-11-01 – 2026-11-30', 6, 3, 1, 1, 1, 0.6]);
    expect(onTimeTable(report).headers[0]).toBe('Послуга');
  });
});

describe('feedback report', () => {
  it('counts the ratings stored on the requests (average, per rating) and the complaint alerts', () => {
    const at = '2026-11-10T10:00:00.000Z';
    const report = feedbackReport(
      input,
      [
        { ...request('r1', { status: 'done' }), feedbackAskedAt: at, feedback: { rating: 5, at } },
        { ...request('r2', { status: 'done' }), feedbackAskedAt: at, feedback: { rating: 2, at } },
        { ...request('r3', { status: 'done' }), feedbackAskedAt: at },
        request('r4', { status: 'cancelled' }),
      ],
      [alert('a1', 'complaint'), alert('a2', 'complaint'), alert('a3', 'no-show')],
    );
    expect(report).toMatchObject({
      asked: 3,
      rated: 2,
      averageRating: 3.5,
      ratings: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 },
      complaints: 2,
    });
    expect(feedbackTable(report).rows).toEqual([['2026-11-01 – 2026-11-30', 3, 2, 3.5, 0, 1, 0, 0, 1, 2]]);
  });

  it('has no average when nothing was rated', () => {
    expect(feedbackReport(input, [request('r1', { status: 'done' })], [])).toMatchObject({
      asked: 0,
      rated: 0,
      averageRating: null,
      complaints: 0,
    });
  });
});

function alert(id: string, kind: Alert['kind']): Alert {
  const at = '2026-11-10T10:00:00.000Z';
  return {
    id,
    hromadaId: 'khm',
    kind,
    date: '2026-11-10',
    at,
    text: 'x',
    handled: false,
    version: 1,
    createdAt: at,
    updatedAt: at,
    expiresAt: 0,
  };
}
