// What the board shows of a route, computed from the plan and the day's requests: a vehicle's
// shift that day, each stop's agreed window and whether the plan is late for it, the load.
import { kyivMinutes } from './kyiv.js';

/** The vehicle's shift on that date (ISO weekday 1–7), or undefined. */
export function shiftOn(vehicle, date) {
  const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return vehicle?.shifts?.find((s) => s.days.includes(weekday));
}

/** The stop the agreed window is about: the pickup (or visit), or the drop-off of an arrive-by. */
export function windowStop(stop, request) {
  if (!request) return false;
  if (stop.kind === 'visit') return true;
  return request.requestedTime?.kind === 'arrive-by' ? stop.kind === 'dropoff' : stop.kind === 'pickup';
}

/** Late: the planned arrival after the end of the agreed window. */
export const isLate = (stop, request) => windowStop(stop, request) && stop.arrival > request.window.end;

/** The most people on board at once (riders, escorts, wheelchairs) against the seats. */
export function peakLoad(route, byId) {
  let now = 0;
  let peak = 0;
  for (const stop of route.stops) {
    const r = byId.get(stop.requestId);
    const people = 1 + (r?.passengers?.escorts ?? 0);
    if (stop.kind === 'pickup') now += people;
    if (stop.kind === 'dropoff') now -= people;
    peak = Math.max(peak, now);
  }
  return peak;
}

/** Where on a 06:00–22:00 timeline an instant falls, in percent. */
export function timelinePercent(iso, from = 6 * 60, to = 22 * 60) {
  const m = kyivMinutes(iso);
  return Math.min(100, Math.max(0, ((m - from) / (to - from)) * 100));
}
