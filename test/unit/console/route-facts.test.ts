import { describe, expect, it } from 'vitest';
import { isLate, peakLoad, shiftOn } from '../../../console/route-facts.js';

const request = (kind: 'pickup' | 'arrive-by', time: string, escorts = 0) => ({
  requestedTime: { kind, time },
  // 09:00–09:30 Kyiv in winter (UTC+2)
  window: { start: '2026-12-03T07:00:00.000Z', end: '2026-12-03T07:30:00.000Z' },
  passengers: { escorts, wheelchair: false },
});
const stop = (kind: string, arrival: string, requestId = 'r1') => ({ requestId, kind, arrival });

describe("the board's facts of a route", () => {
  it('a pickup after its window is late; one inside it is not', () => {
    const r = request('pickup', '09:15');
    expect(isLate(stop('pickup', '2026-12-03T07:30:00.000Z'), r)).toBe(false);
    expect(isLate(stop('pickup', '2026-12-03T07:31:00.000Z'), r)).toBe(true);
    // the drop-off of a pickup-time ride has no window of its own
    expect(isLate(stop('dropoff', '2026-12-03T09:00:00.000Z'), r)).toBe(false);
  });

  it('the drop-off of an appointment is late after the appointment, in Kyiv time', () => {
    const r = request('arrive-by', '10:00');
    expect(isLate(stop('dropoff', '2026-12-03T08:00:00.000Z'), r)).toBe(false); // 10:00 Kyiv
    expect(isLate(stop('dropoff', '2026-12-03T08:05:00.000Z'), r)).toBe(true); // 10:05 Kyiv
  });

  it('the load is the most people on board at once, escorts included', () => {
    const byId = new Map([
      ['a', request('pickup', '09:00', 1)],
      ['b', request('pickup', '09:00')],
    ]);
    const route = {
      stops: [
        stop('pickup', 'x', 'a'),
        stop('pickup', 'x', 'b'),
        stop('dropoff', 'x', 'a'),
        stop('dropoff', 'x', 'b'),
      ],
    };
    expect(peakLoad(route, byId)).toBe(3);
  });

  it("finds the vehicle's shift by the date's weekday", () => {
    const vehicle = { shifts: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }] };
    expect(shiftOn(vehicle, '2026-12-03')).toEqual(vehicle.shifts[0]); // Thursday
    expect(shiftOn(vehicle, '2026-12-05')).toBeUndefined(); // Saturday
  });
});
