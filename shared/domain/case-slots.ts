import type { CaseStop } from './entities/case-stop';
import { localToUtc } from './time';

/**
 * The slots of a mobile-case stop, derived from its hours and slot length: slot i starts at
 * `from + shift + i × slotMinutes`, where `shift` is how late the planned arrival is. Every slot
 * that begins before the stop's nominal closing (`to`) exists; booked slots keep their index when
 * the day's plan shifts them. Pure.
 */
export interface CaseSlot {
  index: number;
  /** Local (Kyiv) start, HH:MM. */
  time: string;
  /** UTC instant. */
  start: string;
}

/**
 * How late after its opening a stop's planned arrival may be: the plan may arrive up to this much
 * later (its slots then move by as much, and the booked residents are told); never earlier.
 */
export const CASE_STOP_LATE_MINUTES = 30;

export const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
export const toHhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

type SlotSource = Pick<CaseStop, 'date' | 'from' | 'to' | 'slotMinutes'> & { shiftMinutes?: number };

/** How many slots a stop has. */
export function slotCount(stop: Pick<CaseStop, 'from' | 'to' | 'slotMinutes'>): number {
  return Math.max(0, Math.floor((toMinutes(stop.to) - toMinutes(stop.from)) / stop.slotMinutes));
}

/** Local time of slot i (HH:MM), with the stop's shift; past midnight is clamped to 23:59. */
export function slotTime(stop: SlotSource, index: number, shiftMinutes = stop.shiftMinutes ?? 0): string {
  return toHhmm(Math.min(toMinutes(stop.from) + shiftMinutes + index * stop.slotMinutes, 23 * 60 + 59));
}

export function caseSlots(stop: SlotSource, timeZone = 'Europe/Kyiv'): CaseSlot[] {
  return Array.from({ length: slotCount(stop) }, (_, index) => {
    const time = slotTime(stop, index);
    return { index, time, start: localToUtc(stop.date, time, timeZone).toISOString() };
  });
}

/** The slot that starts at a local time the resident named, if one does (with the current shift). */
export function slotAt(stop: SlotSource, time: string): number | undefined {
  const n = slotCount(stop);
  for (let i = 0; i < n; i += 1) if (slotTime(stop, i) === time) return i;
  return undefined;
}
