import { z } from 'zod';
import { idSchema, localDateSchema } from './common';
import { caseStopFields } from './entities/case-stop';
import { addDays } from './time';

/**
 * A recurring schedule of the mobile case: which dates a settlement gets a stop. Pure.
 *
 *   weekly  every `interval` weeks on `weekday`, from the first such day on or after `start`
 *           (`interval: 2` = every second Tuesday)
 *   monthly the `nth` (1–4, or -1 = last) `weekday` of every month
 */
export const caseRecurrenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('weekly'),
    /** ISO weekday, 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    interval: z.number().int().min(1).max(8).default(1),
  }),
  z.strictObject({
    kind: z.literal('monthly'),
    weekday: z.number().int().min(1).max(7),
    nth: z.union([z.literal(-1), z.number().int().min(1).max(4)]),
  }),
]);
export type CaseRecurrence = z.output<typeof caseRecurrenceSchema>;

const MAX_SPAN_DAYS = 400;

export const caseScheduleSchema = z
  .strictObject({
    /** Names the schedule; stop ids are `<scheduleId>-<date>`, so a second run creates nothing new. */
    scheduleId: idSchema.max(40),
    recurrence: caseRecurrenceSchema,
    start: localDateSchema,
    /** The last date to generate (inclusive), at most 400 days after `start`. */
    until: localDateSchema,
    ...caseStopFields,
  })
  .omit({ date: true })
  .refine((s) => s.from < s.to, { message: 'the stop must close after it opens', path: ['to'] })
  // zod runs refinements even when a field failed: judge the span only between two real dates
  .refine((s) => !bothDates(s) || (s.start <= s.until && addDays(s.start, MAX_SPAN_DAYS) >= s.until), {
    message: `until must be on or after start, at most ${MAX_SPAN_DAYS} days later`,
    path: ['until'],
  });
export type CaseSchedule = z.output<typeof caseScheduleSchema>;

function bothDates(s: { start: unknown; until: unknown }): boolean {
  return localDateSchema.safeParse(s.start).success && localDateSchema.safeParse(s.until).success;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The dates of a recurrence from `start` to `until` (inclusive), ascending. */
export function scheduleDates(recurrence: CaseRecurrence, start: string, until: string): string[] {
  return recurrence.kind === 'weekly'
    ? weeklyDates(recurrence.weekday, recurrence.interval, start, until)
    : monthlyDates(recurrence.weekday, recurrence.nth, start, until);
}

function weeklyDates(weekday: number, interval: number, start: string, until: string): string[] {
  let d = addDays(start, (weekday - isoWeekday(start) + 7) % 7);
  const out: string[] = [];
  while (d <= until) {
    out.push(d);
    d = addDays(d, 7 * interval);
  }
  return out;
}

function monthlyDates(weekday: number, nth: number, start: string, until: string): string[] {
  const out: string[] = [];
  let [y, m] = start.split('-').map(Number) as [number, number];
  for (;;) {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    if (first > until) break;
    const d = nthWeekdayOfMonth(first, weekday, nth);
    if (d && d >= start && d <= until) out.push(d);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The nth (or last, -1) ISO weekday of the month that begins on `first`. */
function nthWeekdayOfMonth(first: string, weekday: number, nth: number): string | undefined {
  const firstMatch = addDays(first, (weekday - isoWeekday(first) + 7) % 7);
  const month = first.slice(0, 7);
  if (nth > 0) {
    const d = addDays(firstMatch, 7 * (nth - 1));
    return d.startsWith(month) ? d : undefined;
  }
  let last = firstMatch;
  while (addDays(last, 7).startsWith(month)) last = addDays(last, 7);
  return last;
}

/** The deterministic id of a schedule's stop on a date. */
export const scheduledStopId = (scheduleId: string, date: string) => `${scheduleId}-${date}`;
