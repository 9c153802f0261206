import type { HromadaRules } from './entities/hromada';
import { localDate, localToUtc } from './time';

/** Whether a dispatcher answers the phone at `instant` (the hromada's local weekday and time). */
export function inDispatchHours(
  rules: Pick<HromadaRules, 'dispatchHours'>,
  instant: Date,
  timeZone: string,
): boolean {
  const date = localDate(instant, timeZone);
  const isoWeekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  if (!rules.dispatchHours.days.includes(isoWeekday)) return false;
  const t = instant.getTime();
  const { from, to } = rules.dispatchHours;
  return t >= localToUtc(date, from, timeZone).getTime() && t < localToUtc(date, to, timeZone).getTime();
}
