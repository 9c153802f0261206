import { z } from 'zod';
import { localTimeSchema } from './common';
import { addDays, localTimeLabel, localToUtc } from './time';

/**
 * A hromada's curfew (комендантська година), local Kyiv time, e.g. 00:00–05:00 or overnight
 * 23:00–05:00: no stop is planned inside it (day-points.ts clips the vehicles' shifts and the
 * requests' windows; a request entirely inside it is left unassigned) and a booking inside it is
 * refused (booking-rules.ts, `rule-curfew`). Times are turned into instants per date, so a DST day
 * keeps the curfew at the same local hours.
 */
export const curfewSchema = z
  .strictObject({ from: localTimeSchema, to: localTimeSchema })
  .refine((c) => c.from !== c.to, { message: 'from and to must differ', path: ['to'] });
export type Curfew = z.infer<typeof curfewSchema>;

/** Why a request was left out of the plan: its whole window falls in the curfew. */
export const IN_CURFEW = 'час поїздки повністю припадає на комендантську годину';

interface Span {
  startMs: number;
  endMs: number;
}

/** The curfew's spans touching the local date `date` (and the night around it), as instants. */
export function curfewSpans(curfew: Curfew, date: string, timeZone: string): Span[] {
  const at = (d: string, t: string) => localToUtc(d, t, timeZone).getTime();
  if (curfew.from < curfew.to) return [{ startMs: at(date, curfew.from), endMs: at(date, curfew.to) }];
  // overnight: the night before the date, and the night after it
  return [
    { startMs: at(addDays(date, -1), curfew.from), endMs: at(date, curfew.to) },
    { startMs: at(date, curfew.from), endMs: at(addDays(date, 1), curfew.to) },
  ];
}

/**
 * What is left of `window` outside the spans: its longest free piece (a window the curfew cuts in
 * two keeps the longer part), or undefined when none is left.
 */
export function outsideSpans(window: Span, spans: readonly Span[]): Span | undefined {
  let pieces: Span[] = [window];
  for (const s of spans) {
    pieces = pieces.flatMap((p) => {
      if (s.endMs <= p.startMs || s.startMs >= p.endMs) return [p];
      const left = { startMs: p.startMs, endMs: Math.min(p.endMs, s.startMs) };
      const right = { startMs: Math.max(p.startMs, s.endMs), endMs: p.endMs };
      return [left, right].filter((x) => x.endMs > x.startMs);
    });
  }
  // an instant window (a fixed appointment) survives when it is outside the curfew
  if (window.startMs === window.endMs && spans.every((s) => !inside(window.startMs, s))) return window;
  return pieces.sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs))[0];
}

const inside = (t: number, s: Span) => t >= s.startMs && t < s.endMs;

/** Whether any part of `window` falls in the curfew of its date. */
export function touchesCurfew(
  curfew: Curfew | undefined,
  date: string,
  timeZone: string,
  window: Span,
): boolean {
  if (!curfew) return false;
  return curfewSpans(curfew, date, timeZone).some(
    (s) => (window.startMs < s.endMs && window.endMs > s.startMs) || inside(window.startMs, s),
  );
}

/**
 * A vehicle's shift on `date` (local HH:MM) without the curfew: its longest free piece, or
 * undefined when the curfew covers it.
 */
export function shiftOutsideCurfew(
  curfew: Curfew | undefined,
  date: string,
  timeZone: string,
  shift: { start: string; end: string },
): { start: string; end: string } | undefined {
  if (!curfew) return shift;
  const span = {
    startMs: localToUtc(date, shift.start, timeZone).getTime(),
    endMs: localToUtc(date, shift.end, timeZone).getTime(),
  };
  const free = outsideSpans(span, curfewSpans(curfew, date, timeZone));
  if (!free || free.endMs <= free.startMs) return undefined;
  const label = (ms: number) => localTimeLabel(new Date(ms), timeZone);
  return { start: label(free.startMs), end: label(free.endMs) };
}
