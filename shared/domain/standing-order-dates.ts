/** When a standing order rides: pure calendar rules. */
import type { StandingOrder } from './entities/standing-order';
import { addDays } from './time';

/** How many days ahead the daily job books a standing order's rides (today included). */
export const STANDING_ORDER_HORIZON_DAYS = 7;

/** An occurrence's request id: derived, so generating it twice writes it once. */
export const occurrenceId = (orderId: string, date: string) => `${orderId}-${date}`;

/** ISO weekday (1 Monday … 7 Sunday) of a local date. */
export function isoWeekdayOf(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Does the order ride on `date`: in its period, on one of its weekdays, not an exception. */
export function occursOn(
  order: Pick<StandingOrder, 'from' | 'to' | 'weekdays' | 'exceptDates'>,
  date: string,
): boolean {
  return (
    date >= order.from &&
    (order.to === undefined || date <= order.to) &&
    order.weekdays.includes(isoWeekdayOf(date)) &&
    !order.exceptDates.includes(date)
  );
}

/** The dates from `first`, `days` of them. */
export function datesFrom(first: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(first, i));
}
