/**
 * The day an alert was set on after midnight (its start day the day before, a route still on the
 * road) is handed over like a whole day, but it was not wholly under the alert: the rides before
 * 00:30 were done. The end's line and the console say from when.
 */
import { describe, expect, it } from 'vitest';
import { effectsWords } from '../../../../console/air-raid-words.js';
import { endWords } from '../../../../shared/app/air-raid/end-words';
import { type AirRaidAlert, NO_EFFECTS } from '../../../../shared/domain/entities/air-raid-alert';

const ZONE = 'Europe/Kyiv';
const alert = {
  id: 'a1',
  date: '2026-11-28',
  startedAt: '2026-11-28T22:30:00Z', // 29.11 00:30 Kyiv
  endedAt: '2026-11-30T04:00:00Z',
  updatedAt: '2026-11-30T04:00:00Z',
  effects: {
    ...NO_EFFECTS,
    startDayOver: true,
    toRebookCount: 1,
    days: [
      {
        date: '2026-11-29',
        stopsShifted: 0,
        shiftedMinutes: 0,
        windowsMoved: 0,
        wholeDay: true,
        since: '2026-11-28T22:30:00Z',
        toRebookCount: 2,
      },
    ],
  },
} as unknown as AirRaidAlert;

describe('the day an alert was set on after midnight', () => {
  it('is worded from the alert’s start, not as a whole day', () => {
    const end = endWords(alert, ZONE, {
      windowsMoved: 0,
      dayOver: true,
      toRebookCount: 1,
      released: 0,
      dropped: 0,
      days: alert.effects.days,
    });
    expect(end).toContain('день 29.11 під тривогою з 00:30: не переплановано, заявок перенести 2');
    expect(end).not.toContain('увесь');
    const lines = effectsWords(alert).join('\n');
    expect(lines).toContain(
      '29.11: під тривогою з 00:30, поїздки після цього не виконано; заявок перенести: 2',
    );
    expect(lines).not.toContain('увесь день');
  });
});
