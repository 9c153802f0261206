/**
 * An air-raid alert longer than a day (Friday 22:00 to Sunday 06:00): the days wholly inside it
 * (Saturday, from its local midnight to the next) are over when it ends, and none of their stops
 * could be made (everyone was in shelter). Planning refuses a past day, and planning it "to
 * nothing" would tell nobody anything, so each such day is handed to the dispatcher:
 *
 * - every request of that day still open (not done, cancelled or a no-show) is a ride to rebook:
 *   one item on the attention list of the day the alert ended (the list the dispatcher looks at),
 *   naming the request and its window, in one transaction per day with an audit entry;
 * - the residents are not sent an SMS: a new time has to be agreed with each of them, so the
 *   dispatcher calls (their held messages of that day are dropped at the end as stale);
 * - the requests stay open, as they were (not cancelled: the dispatcher moves or cancels them);
 * - the alert's log keeps the day in `effects.days` with `wholeDay` and the requests to rebook.
 */
import { type AirRaidAlert, type AirRaidDay, MAX_LATER_DAYS } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { isOpen } from '../../domain/entities/service-request';
import { addDays, localDate } from '../../domain/time';
import type { Ports } from '../../ports/ports';
import { emptyDay } from './hold-due-routes';
import { dayLabel, handOverRides } from './rebook-items';

/** The local dates wholly inside the alert: after its start day, before the day it ended on. */
export function wholeDates(alert: AirRaidAlert & { endedAt: string }, timeZone: string): string[] {
  const last = localDate(new Date(alert.endedAt), timeZone);
  const dates: string[] = [];
  // room is kept for the day it ended on
  for (let d = addDays(alert.date, 1); d < last && dates.length < MAX_LATER_DAYS - 1; d = addDays(d, 1))
    dates.push(d);
  return dates;
}

/** `days` (the alert's log of later days) with each whole day marked and handed to the dispatcher. */
export async function handOverWholeDays(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromada: Hromada,
  alert: AirRaidAlert & { endedAt: string },
  days: AirRaidDay[] | undefined,
): Promise<AirRaidDay[] | undefined> {
  const dates = wholeDates(alert, hromada.timeZone);
  if (dates.length === 0) return days;
  const out = (days ?? []).filter((d) => !dates.includes(d.date));
  for (const date of dates) {
    const day = days?.find((d) => d.date === date) ?? emptyDay(date);
    const open = (await ports.entities.requests.forDay(hromada.id, date)).filter((r) => isOpen(r.status));
    const label = dayLabel(date);
    const rebooked = await handOverRides(
      ports,
      hromada,
      alert,
      date,
      open,
      (_, from, to) =>
        `Тривога тривала весь день ${label}: заявку на ${label} ${from}–${to} не виконано, домовтеся з отримувачем про новий час`,
    );
    out.push({ ...day, wholeDay: true, ...rebooked });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
