import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/messaging/segments';
import {
  caseAnnouncement,
  caseBooked,
  caseCancelled,
  caseNoStop,
  caseSlotMoved,
  caseSlotTaken,
} from '../../../shared/messaging/templates';

const segments = (text: string) => countSegments(text).segments;

describe('mobile-case SMS fit one segment for real values, never more than two', () => {
  it('the announcement, with a demo settlement and with the longest name of the hromada', () => {
    const text = caseAnnouncement({ settlement: 'Кожухів', from: '10:00', to: '13:00', example: '10:20' });
    expect(text).toBe('Завтра 10:00-13:00 ЦНАП, Кожухів. Запис: ЗАПИС чи ЗАПИС 10:20');
    expect(segments(text)).toBe(1);
    const longest = caseAnnouncement({
      settlement: 'Великий Митник',
      from: '10:00',
      to: '13:00',
      example: '10:20',
    });
    expect(segments(longest)).toBe(1);
    const extreme = caseAnnouncement({
      settlement: 'Х'.repeat(120),
      from: '10:00',
      to: '13:00',
      example: '10:20',
    });
    expect(segments(extreme)).toBe(2); // the name is clipped: never more than two
  });

  it('booked, moved, cancelled and refused answers', () => {
    expect(segments(caseBooked({ day: '24.11', time: '10:40', settlement: 'Великий Митник' }))).toBe(1);
    expect(segments(caseBooked({ day: '24.11', time: '10:40', settlement: 'Х'.repeat(120) }))).toBe(2);
    expect(segments(caseSlotMoved({ day: '24.11', time: '11:05', was: '10:40' }))).toBe(1);
    expect(segments(caseCancelled({ day: '24.11', time: '10:40' }))).toBe(1);
    expect(segments(caseSlotTaken({ time: '10:40', free: ['11:00', '11:20', '11:40', '12:00'] }))).toBe(1);
    expect(segments(caseSlotTaken({ free: [] }))).toBe(1);
    expect(segments(caseNoStop())).toBe(1);
  });
});
