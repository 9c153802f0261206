import { describe, expect, it } from 'vitest';
import { caseScheduleSchema, isoWeekday, scheduleDates } from '../../../shared/domain/case-schedule';

describe('recurring mobile-case schedules', () => {
  it('every second Tuesday from the first Tuesday on or after the start', () => {
    const dates = scheduleDates({ kind: 'weekly', weekday: 2, interval: 2 }, '2026-11-19', '2027-01-31');
    expect(dates).toEqual(['2026-11-24', '2026-12-08', '2026-12-22', '2027-01-05', '2027-01-19']);
    expect(dates.every((d) => isoWeekday(d) === 2)).toBe(true);
  });

  it('weekly includes the start when it is that weekday, and the last date when it is one', () => {
    expect(scheduleDates({ kind: 'weekly', weekday: 4, interval: 1 }, '2026-12-03', '2026-12-17')).toEqual([
      '2026-12-03',
      '2026-12-10',
      '2026-12-17',
    ]);
  });

  it('monthly: the nth weekday of each month, and the last one', () => {
    expect(scheduleDates({ kind: 'monthly', weekday: 3, nth: 1 }, '2026-11-01', '2027-02-28')).toEqual([
      '2026-11-04',
      '2026-12-02',
      '2027-01-06',
      '2027-02-03',
    ]);
    expect(scheduleDates({ kind: 'monthly', weekday: 5, nth: -1 }, '2026-11-01', '2027-01-31')).toEqual([
      '2026-11-27',
      '2026-12-25',
      '2027-01-29',
    ]);
  });

  it('monthly skips a month whose nth weekday falls before the start', () => {
    expect(scheduleDates({ kind: 'monthly', weekday: 1, nth: 2 }, '2026-11-20', '2026-12-31')).toEqual([
      '2026-12-14',
    ]);
  });

  it('refuses a schedule whose hours or dates are backwards, naming the field', () => {
    const base = {
      scheduleId: 'berezna',
      recurrence: { kind: 'weekly', weekday: 2, interval: 2 },
      start: '2026-11-19',
      until: '2027-01-31',
      settlementId: 's',
      from: '10:00',
      to: '13:00',
      services: ['пенсія'],
      vehicleId: 'case-van',
    };
    expect(caseScheduleSchema.safeParse(base).success).toBe(true);
    const late = caseScheduleSchema.safeParse({ ...base, to: '09:00' });
    expect(late.error?.issues[0]?.path).toEqual(['to']);
    const long = caseScheduleSchema.safeParse({ ...base, until: '2028-12-31' });
    expect(long.error?.issues[0]?.path).toEqual(['until']);
  });
});
