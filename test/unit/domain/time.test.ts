import { describe, expect, it } from 'vitest';
import {
  addDays,
  localDate,
  localTimeLabel,
  localToUtc,
  zoneOffsetMinutes,
} from '../../../shared/domain/time';

describe('Kyiv time across daylight saving', () => {
  it('uses +02:00 in winter and +03:00 in summer', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(120);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(180);
  });

  it('converts the same wall time on both sides of the spring change (29 March 2026)', () => {
    expect(localToUtc('2026-03-28', '10:00').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(localToUtc('2026-03-29', '10:00').toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('converts the same wall time on both sides of the autumn change (25 October 2026)', () => {
    expect(localToUtc('2026-10-24', '18:00').toISOString()).toBe('2026-10-24T15:00:00.000Z');
    expect(localToUtc('2026-10-25', '18:00').toISOString()).toBe('2026-10-25T16:00:00.000Z');
  });

  it('moves a time in the spring gap forward, and takes the earlier of an autumn repeat', () => {
    // 03:30 does not exist on 29 March (03:00 → 04:00); it means 04:30 EEST.
    expect(localToUtc('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 03:30 happens twice on 25 October; the first (EEST) is used.
    expect(localToUtc('2026-10-25', '03:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('shows UTC instants as Kyiv wall time and date', () => {
    expect(localTimeLabel(new Date('2026-11-24T06:45:00Z'))).toBe('08:45');
    expect(localDate(new Date('2026-11-23T22:30:00Z'))).toBe('2026-11-24');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
