import { ValidationError } from '../../domain/errors';
import { addDays, localToUtc } from '../../domain/time';

/** The longest period one report reads (a quarter): 92 day queries at most. */
export const MAX_REPORT_DAYS = 92;

/** A report's period: local (Kyiv) dates, both included. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** Every local date of the period, in order; 400 when `to` is before `from` or it is too long. */
export function periodDates(period: ReportPeriod): string[] {
  if (period.to < period.from) {
    throw new ValidationError('Invalid period', [{ path: 'to', message: 'to must not be before from' }]);
  }
  const dates: string[] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) {
    dates.push(d);
    if (dates.length > MAX_REPORT_DAYS) {
      throw new ValidationError('Invalid period', [
        { path: 'to', message: `at most ${MAX_REPORT_DAYS} days from from` },
      ]);
    }
  }
  return dates;
}

/** The period as UTC instants: from local midnight of `from` to local midnight after `to`. */
export function periodBounds(period: ReportPeriod): { start: string; end: string } {
  return {
    start: localToUtc(period.from, '00:00').toISOString(),
    end: localToUtc(addDays(period.to, 1), '00:00').toISOString(),
  };
}
