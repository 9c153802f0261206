import { describe, expect, it } from 'vitest';
import { caseSlots, slotAt, slotCount } from '../../../shared/domain/case-slots';

const stop = { date: '2026-11-24', from: '10:00', to: '13:00', slotMinutes: 20 };

describe('slots of a mobile-case stop', () => {
  it('are derived from the hours and the slot length, in Kyiv time', () => {
    const slots = caseSlots(stop);
    expect(slots.map((s) => s.time)).toEqual([
      '10:00',
      '10:20',
      '10:40',
      '11:00',
      '11:20',
      '11:40',
      '12:00',
      '12:20',
      '12:40',
    ]);
    // winter: Kyiv is UTC+2
    expect(slots[0]?.start).toBe('2026-11-24T08:00:00.000Z');
  });

  it('a slot that would not fit before closing does not exist', () => {
    expect(slotCount({ from: '10:00', to: '11:10', slotMinutes: 15 })).toBe(4);
    expect(caseSlots({ ...stop, to: '10:50', slotMinutes: 15 }).map((s) => s.time)).toEqual([
      '10:00',
      '10:15',
      '10:30',
    ]);
  });

  it('move with the planned arrival, keeping their order', () => {
    const shifted = { ...stop, shiftMinutes: 25 };
    expect(
      caseSlots(shifted)
        .map((s) => s.time)
        .slice(0, 3),
    ).toEqual(['10:25', '10:45', '11:05']);
    expect(slotAt(shifted, '10:45')).toBe(1);
    expect(slotAt(shifted, '10:40')).toBeUndefined();
  });

  it('summer time: the same local slot is an hour earlier in UTC', () => {
    expect(caseSlots({ ...stop, date: '2026-06-09' })[0]?.start).toBe('2026-06-09T07:00:00.000Z');
  });
});
