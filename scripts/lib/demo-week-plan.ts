/**
 * What the demo-week script makes happen on each day of the week, decided up front and pure: which
 * dates, which booking is cancelled early (before planning) or late (after publishing), what the
 * dispatcher records at each stop, and which residents answer the rating SMS.
 *
 * The local platform runs on the real clock (SystemClock; a past day is not planned), so the week
 * is the seven days from tomorrow, and the dispatcher records each day's outcomes as the driver
 * reports them by phone. A late cancellation is one made less than the hromada's `lateCancelHours`
 * before the window: for the first working day's ride the script sets that rule to 72 h (its maximum) for the call, then back.
 */
import { addDays, localDate } from '../../shared/domain/time';

/** The week's local dates (Kyiv), from tomorrow. */
export function weekDates(now: Date, days: number): string[] {
  const today = localDate(now);
  return Array.from({ length: days }, (_, i) => addDays(today, i + 1));
}

/** Index in dayBookings() of the ride cancelled early on a day (every other working day), if any. */
export const EARLY_CANCEL = 6;
/** Index in dayBookings() of the ride cancelled late (the week's first working day only). */
export const LATE_CANCEL = 3;
/** The rule in force while the late cancellation is made (then the hromada's own is restored). */
export const LATE_CANCEL_HOURS = 72;

export interface DayScript {
  /** Booking indexes cancelled before planning. */
  cancelEarly: number[];
  /** Booking indexes cancelled after publishing, under LATE_CANCEL_HOURS. */
  cancelLate: number[];
}

/** The cancellations of the `workday`-th working day of the week (0-based). */
export function dayScript(workday: number): DayScript {
  return {
    cancelEarly: workday % 2 === 1 ? [EARLY_CANCEL] : [],
    cancelLate: workday === 0 ? [LATE_CANCEL] : [],
  };
}

export type Outcome = 'done' | 'no-show' | 'open';

const ROUTED = new Set(['planned', 'dispatched', 'on-board']);

/**
 * What the dispatcher records for a request of the `workday`-th working day (0-based), the
 * `taxiIndex`-th social-taxi ride of the day in booking order: one rider a day does not come out
 * (a different one each day), everything else on a route is done. A request the plan left
 * unassigned stays open (nobody went).
 */
export function outcomeFor(
  request: { serviceType: string; status: string },
  workday: number,
  taxiIndex: number,
): Outcome {
  if (!ROUTED.has(request.status)) return 'open';
  if (request.serviceType === 'social-taxi' && request.status !== 'on-board' && taxiIndex === workday % 3)
    return 'no-show';
  return 'done';
}

/** The residents' answers to the rating SMS of a working day: ratings, and a complaint on day 1. */
export function feedbackFor(workday: number): Array<{ rating: string; complaint?: string }> {
  const ratings = [
    { rating: '5' },
    { rating: workday % 2 === 0 ? '4' : '3' },
    { rating: '5', ...(workday === 1 ? { complaint: 'Водій приїхав на 20 хвилин пізніше' } : {}) },
  ];
  return ratings;
}

/** The summary's last line (the e2e test reads it). */
export interface WeekSummary {
  days: number;
  workdays: number;
  requests: number;
  done: number;
  noShows: number;
  cancelledEarly: number;
  cancelledLate: number;
  ratings: number;
  reports: number;
  csvOk: boolean;
  /** The trips report's totals equal the week's requests as the API lists them. */
  tripsMatch: boolean;
}

export const WEEK_SUMMARY_LINE =
  /^week days=(\d+) workdays=(\d+) requests=(\d+) done=(\d+) no_shows=(\d+) cancelled_early=(\d+) cancelled_late=(\d+) ratings=(\d+) reports=(\d+) csv_ok=([01]) trips_match=([01])$/;

export const weekSummaryLine = (s: WeekSummary) =>
  `week days=${s.days} workdays=${s.workdays} requests=${s.requests} done=${s.done} no_shows=${s.noShows} ` +
  `cancelled_early=${s.cancelledEarly} cancelled_late=${s.cancelledLate} ratings=${s.ratings} ` +
  `reports=${s.reports} csv_ok=${s.csvOk ? 1 : 0} trips_match=${s.tripsMatch ? 1 : 0}`;
