// What the board shows of a route, computed from the plan and the day's requests: a vehicle's
// shift that day, each stop's agreed window and whether the plan is late for it, the load.
import { kyivMinutes } from './kyiv.js';

/** The vehicle's shift on that date (ISO weekday 1–7), or undefined. */
export function shiftOn(vehicle, date) {
  const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return vehicle?.shifts?.find((s) => s.days.includes(weekday));
}

/** The stop the agreed window is about: the pickup, or the visit (the window is the pickup's). */
export const windowStop = (stop, request) => Boolean(request) && stop.kind !== 'dropoff';

/** An arrive-by appointment's drop-off: its deadline (HH:MM, Kyiv), else undefined. */
export const deadlineOf = (stop, request) =>
  stop.kind === 'dropoff' && request?.requestedTime?.kind === 'arrive-by'
    ? request.requestedTime.time
    : undefined;

const minutesOf = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Late: planned after the agreed window's end, or a drop-off after its appointment. */
export function isLate(stop, request) {
  if (windowStop(stop, request)) return stop.arrival > request.window.end;
  const deadline = deadlineOf(stop, request);
  return deadline !== undefined && kyivMinutes(stop.arrival) > minutesOf(deadline);
}

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
