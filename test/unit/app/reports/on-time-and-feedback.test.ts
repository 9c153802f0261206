import { describe, expect, it } from 'vitest';
import { feedbackReport, feedbackTable } from '../../../../shared/app/reports/feedback-report';
import { ON_TIME_NOTE, onTimeReport, onTimeTable } from '../../../../shared/app/reports/on-time-report';
import type { Alert } from '../../../../shared/domain/entities/alert';
import { request } from '../../../support/report-fixtures';

const input = { hromadaId: 'khm', period: { from: '2026-11-01', to: '2026-11-30' } };

describe('on-time report', () => {
  it('counts the done trips and leaves the on-time share null, with the reason', () => {
    const report = onTimeReport(input, [
      request('r1', { status: 'done' }),
      request('r2', { status: 'done' }),
      request('r3', { status: 'no-show' }),
      request('r4', { status: 'cancelled' }),
    ]);
    expect(report).toMatchObject({ done: 2, onTime: null, onTimeShare: null, note: ON_TIME_NOTE });
    expect(onTimeTable(report).rows).toEqual([['2026-11-01 – 2026-11-30', 2, null, null, ON_TIME_NOTE]]);
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
