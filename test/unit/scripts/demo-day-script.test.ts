import { describe, expect, it } from 'vitest';
import { chooseDay } from '../../../scripts/lib/demo-day-choice';
import { SUMMARY_LINE, summarise, summaryLine } from '../../../scripts/lib/demo-day-summary';

describe('npm run demo:day: the day it replays', () => {
  it('replays today on a working morning, with the first booking an hour and a half ahead', () => {
    // Wednesday 2 Dec 2026, 07:10 Kyiv
    expect(chooseDay(new Date('2026-12-02T05:10:00Z'), '2026-12-03')).toMatchObject({
      date: '2026-12-02',
      today: true,
      start: '08:40',
    });
    // before the fleet starts: the day's first booking is at 08:30
    expect(chooseDay(new Date('2026-12-02T01:00:00Z'), '2026-12-03')).toMatchObject({
      today: true,
      start: '08:30',
    });
  });

  it('replays the demo day, without drivers, late in the day, at the weekend, or when asked', () => {
    const afternoon = chooseDay(new Date('2026-12-02T11:00:00Z'), '2026-12-03');
    expect(afternoon).toMatchObject({ date: '2026-12-03', today: false });
    expect(afternoon.why).toContain("drivers' replies act on today's plan only");
    // Saturday 5 Dec 2026, 09:00 Kyiv
    expect(chooseDay(new Date('2026-12-05T07:00:00Z'), '2026-12-07')).toMatchObject({
      date: '2026-12-07',
      today: false,
    });
    expect(chooseDay(new Date('2026-12-02T05:10:00Z'), '2026-12-03', 'demo')).toMatchObject({
      date: '2026-12-03',
      today: false,
    });
  });
});

describe('npm run demo:day: the summary line', () => {
  it('counts planned requests (not case stops), SMS, segments, the longest resident SMS, receipts and alerts', () => {
    const summary = summarise({
      requests: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      plan: {
        routes: [
          {
            stops: [
              { requestId: 'a', kind: 'pickup' },
              { requestId: 'case-stop-1', kind: 'visit' },
              { requestId: 'a', kind: 'dropoff' },
            ],
          },
          { stops: [{ requestId: 'b', kind: 'visit' }] },
        ],
        unassigned: [{ requestId: 'c', reason: '…' }],
      },
      messages: [
        { to: '+380671110001', segments: 1, delivery: { status: 'delivered' } },
        { to: '+380671110001', segments: 2, delivery: { status: 'failed' } },
        { to: '+380674011201', segments: 4, delivery: { status: 'delivered' } }, // a driver's route
        { to: '+380501110002', segments: 1, status: 'suppressed' },
      ],
      residentPhones: new Set(['+380671110001', '+380501110002']),
      alerts: [{}, {}],
    });
    const line = summaryLine(summary);
    expect(line).toBe(
      'day requests=3 planned=2 unassigned=1 sms=4 segments=8 max_resident_segments=2 delivered=2 failed=1 alerts=2',
    );
    expect(line).toMatch(SUMMARY_LINE);
  });
});
