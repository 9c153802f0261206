import { describe, expect, it } from 'vitest';
import { feedbackReport, feedbackTable } from '../../../../shared/app/reports/feedback-report';
import { ON_TIME_NOTE, onTimeReport, onTimeTable } from '../../../../shared/app/reports/on-time-report';
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
  it('is empty: feedback is not collected yet', () => {
    const report = feedbackReport(input);
    expect(report.feedback).toBeNull();
    expect(feedbackTable(report).headers).toEqual(['Період', 'Відгуки', 'Примітка']);
  });
});
