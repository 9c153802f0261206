import { describe, expect, it } from 'vitest';
import { maxRideSeconds, pickupWindow } from '../../../shared/domain/pickup-window';
import { localToUtc } from '../../../shared/domain/time';

const rules = { pickupWindowMinutes: 15, maxRideFactor: 1.5, maxRideExtraMinutes: 10 };
const at = (hhmm: string) => localToUtc('2026-11-24', hhmm).getTime();

describe('pickup window', () => {
  it('is ± the hromada window around a requested pickup time', () => {
    expect(pickupWindow(rules, { kind: 'pickup', requestedMs: at('09:00') })).toEqual({
      startMs: at('08:45'),
      endMs: at('09:15'),
    });
  });

  it('ends early enough for the longest allowed ride to reach an appointment on time', () => {
    // 20 min direct → at most 1.5 × 20 + 10 = 40 min on board.
    expect(maxRideSeconds(rules, 1200)).toBe(2400);
    expect(pickupWindow(rules, { kind: 'arrive-by', requestedMs: at('09:00'), directRideS: 1200 })).toEqual({
      startMs: at('07:50'),
      endMs: at('08:20'),
    });
  });

  it('for a visit with an appointment, is the half hour before it', () => {
    expect(pickupWindow(rules, { kind: 'arrive-by', requestedMs: at('10:30') })).toEqual({
      startMs: at('10:00'),
      endMs: at('10:30'),
    });
  });
});
