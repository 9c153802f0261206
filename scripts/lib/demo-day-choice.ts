/**
 * Which day the demo-day script replays. Drivers' replies (`N OK`) act on **today's** published
 * plan (shared/app/handle-inbound-sms.ts), so the honest replay is today, when the demo fleet works
 * today (Monday to Friday, 08:00–17:00 Kyiv) and enough of its shift is left to book same-day
 * requests (at least an hour's notice). Otherwise the script replays the demo day (the next working
 * day) without drivers' replies, and says so.
 */
import { localDate, localTimeLabel } from '../../shared/domain/time';

/** The day's bookings span this many minutes from their first time (see demo-day-bookings.ts). */
export const DAY_SPAN_MINUTES = 270;
const FLEET_START = 8 * 60 + 30;
const FLEET_END = 16 * 60 + 45;
/** Same-day notice (`sameDayMinHours`, 1 h) before a window that opens 15 minutes early, and slack. */
const NOTICE_MINUTES = 90;

export interface DayChoice {
  date: string;
  /** Today: drivers' replies act on this day's plan. */
  today: boolean;
  /** The first booking's time (Kyiv, HH:MM); later ones follow from it. */
  start: string;
  /** Why the day was chosen, for the progress lines. */
  why: string;
}

const label = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function chooseDay(now: Date, demoDay: string, force?: 'today' | 'demo'): DayChoice {
  const today = localDate(now);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  const [h, m] = localTimeLabel(now).split(':').map(Number) as [number, number];
  const earliest = Math.ceil((h * 60 + m + NOTICE_MINUTES) / 10) * 10;
  const start = Math.max(FLEET_START, earliest);
  const fits = start + DAY_SPAN_MINUTES <= FLEET_END;
  const works = weekday !== 0 && weekday !== 6;
  if (force !== 'demo' && works && fits)
    return {
      date: today,
      today: true,
      start: label(start),
      why: `today ${today}: the fleet works until 17:00`,
    };
  const reason =
    force === 'demo'
      ? 'asked for the demo day'
      : !works
        ? `the fleet does not work today (${today} is a weekend day)`
        : `too late today for a day of bookings from ${label(start)} (the fleet stops at 17:00)`;
  return {
    date: demoDay,
    today: false,
    start: label(FLEET_START),
    why: `demo day ${demoDay}: ${reason}; drivers' replies act on today's plan only, so they are skipped`,
  };
}
