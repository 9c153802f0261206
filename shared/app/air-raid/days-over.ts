/**
 * An air-raid alert longer than a day (Friday 22:00 to Sunday 06:00, or weeks in a frontline
 * oblast): each later day it lasted wholly (Saturday, from its local midnight to the next) is over
 * at its midnight while the alert is still in force, and none of its stops could be made (everyone
 * was in shelter). Planning refuses a past day, and planning it "to nothing" would tell nobody
 * anything, so the day is handed to the dispatcher as soon as it is over: by the poll on the first
 * minute after its midnight (poll-air-raids.ts), or at the end for the days the poll did not close
 * (end-air-raid.ts). However long the alert, every day is handed over the same way:
 *
 * - every request of that day still open (not done, cancelled or a no-show) is a ride to rebook:
 *   one item on the attention list of the day it is handed over on (the list the dispatcher looks
 *   at), naming the request and its window;
 * - the residents are not sent an SMS: a new time has to be agreed with each of them, so the
 *   dispatcher calls; the day's held messages the alert lists are dropped (never sent a day late)
 *   and leave its list (room for the next days'); those beyond the list are dropped at the end;
 * - the requests stay open, as they were (not cancelled: the dispatcher moves or cancels them);
 * - the alert's log marks the day's line in `effects.days` `wholeDay`, with the requests to rebook
 *   and the messages dropped, folding the oldest such lines into `effects.earlier` and the notices
 *   of days over into `driversToldEarlier` (fold-air-raid-log.ts), so the item stays bounded.
 *
 * The items, the alert at its version and an audit entry (`air-raid-day-over`) are one
 * transaction (at most 93 items):
 * a day is closed once; a run that finds it closed by another (the poll and the end at once)
 * leaves it.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { isOpen } from '../../domain/entities/service-request';
import { addDays, localDate, localToUtc } from '../../domain/time';
import { foldDays, foldDriversTold } from './fold-air-raid-log';
import { commitHandOver, dropHeld, type HandOverPorts } from './hand-over-write';
import { emptyDay, laterDayEntry } from './hold-due-routes';
import { dayLabel, type Rebooked, rebookChanges, spanWords } from './rebook-items';
import { closeStartDay } from './start-day-over';

/** The last later day already handed over (closed), if any: they are closed in date order. */
export function lastClosed(alert: AirRaidAlert): string | undefined {
  const closed = (alert.effects.days ?? []).filter((d) => d.wholeDay).map((d) => d.date);
  const last = [alert.effects.earlier?.through, ...closed].filter((d) => d !== undefined).sort();
  return last.at(-1);
}

/** The later days over by `today` (before it) not yet handed over, oldest first. */
export function datesOver(alert: AirRaidAlert, today: string): string[] {
  const closed = lastClosed(alert);
  const after = closed && closed > alert.date ? closed : alert.date;
  const dates: string[] = [];
  for (let d = addDays(after, 1); d < today; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/**
 * At an alert's end: whether a date is over, its rides handed to the dispatcher (its start day
 * once handed over, start-day-over.ts: it crossed midnight, or its end was finished after
 * midnight; and every day after it before the day it ended on). Undefined: none is.
 */
export function overAtEnd(
  alert: AirRaidAlert & { endedAt: string },
  timeZone: string,
): ((date: string) => boolean) | undefined {
  const last = localDate(new Date(alert.endedAt), timeZone);
  if (alert.date >= last && !alert.effects.startDayOver) return undefined;
  // the day it ended on too, once handed over (its end finished after its midnight, closeEndDay)
  const closed = lastClosed(alert) ?? '';
  return (date) => date === alert.date || (date > alert.date && (date < last || date <= closed));
}

/** Hands over the start day and every later day over at `at` not handed over yet; the alert as written last. */
export async function closeDaysOver(
  ports: HandOverPorts,
  hromada: Hromada,
  alert: AirRaidAlert,
  at: Date = ports.clock.now(),
): Promise<AirRaidAlert> {
  // an alert ended meanwhile: the days over by its end, not by now
  const until =
    alert.endedAt !== undefined && Date.parse(alert.endedAt) < at.getTime() ? new Date(alert.endedAt) : at;
  const today = localDate(until, hromada.timeZone);
  // its start day first, at its midnight like the later days (start-day-over.ts)
  let current = await closeStartDay(ports, hromada, alert, today, until);
  for (const date of datesOver(alert, today))
    current = await closeDay(ports, hromada, current, date, today, until);
  return current;
}

/**
 * The day the alert ended on, when its end is finished after that day's midnight (a spread end
 * marked at 23:59 and finished by the poll at 00:00:30, or an end a fault interrupted): that day
 * is over, planning refuses it, so it is handed over like a day over (its open rides to rebook on
 * today's list, its held messages about them dropped, its line marked `wholeDay` with `until`),
 * once; replan-later-day.ts then leaves it. The alert as written last.
 */
export async function closeEndDay(
  ports: HandOverPorts,
  hromada: Hromada,
  alert: AirRaidAlert & { endedAt: string },
  now: Date,
): Promise<AirRaidAlert> {
  const endDay = localDate(new Date(alert.endedAt), hromada.timeZone);
  const today = localDate(now, hromada.timeZone);
  if (endDay <= alert.date || endDay >= today || (lastClosed(alert) ?? '') >= endDay) return alert;
  return closeDay(ports, hromada, alert, endDay, today, now, alert.endedAt);
}

async function closeDay(
  ports: HandOverPorts,
  hromada: Hromada,
  seen: AirRaidAlert,
  date: string,
  today: string,
  at: Date,
  until?: string,
): Promise<AirRaidAlert> {
  const requests = await ports.entities.requests.forDay(hromada.id, date);
  const open = requests.filter((r) => isOpen(r.status));
  const label = dayLabel(date);
  const since = sinceOf(seen, date, hromada.timeZone);
  const span = spanWords({ since, until }, hromada.timeZone);
  const { items, rebooked } = rebookChanges(
    ports,
    hromada,
    seen,
    { date, listDate: today },
    open,
    (_, from, to) =>
      `${span ? `Тривога ${span} ${label}` : `Тривога тривала весь день ${label}`}: заявку на ${label} ${from}–${to} не виконано, домовтеся з отримувачем про новий час`,
  );
  const held = await dropHeld(ports, seen, requests);
  return commitHandOver(ports, hromada, seen, {
    items,
    next: (alert) => closed(alert, date, rebooked, held, { today, at, timeZone: hromada.timeZone, until }),
    done: (fresh) => (lastClosed(fresh) ?? '') >= date,
    field: `effects.days.${date}`,
  });
}

/** When the alert reached `date` if after its midnight (set then, its start day the day before). */
function sinceOf(alert: AirRaidAlert, date: string, timeZone: string): string | undefined {
  const entry = laterDayEntry(alert, date, timeZone);
  return entry.getTime() > localToUtc(date, '00:00', timeZone).getTime() ? entry.toISOString() : undefined;
}

/** The alert with `date`'s line closed, its dropped messages off the list, the log folded. */
function closed(
  alert: AirRaidAlert,
  date: string,
  rebooked: Rebooked,
  held: { gone: ReadonlySet<string>; dropped: number },
  when: { today: string; at: Date; timeZone: string; until: string | undefined },
): AirRaidAlert {
  const days = alert.effects.days ?? [];
  const since = sinceOf(alert, date, when.timeZone);
  const line = {
    ...(days.find((d) => d.date === date) ?? emptyDay(date)),
    wholeDay: true,
    ...(since ? { since } : {}),
    ...(when.until ? { until: when.until } : {}),
    ...rebooked,
  };
  const folded = foldDays(
    [...days.filter((d) => d.date !== date), { ...line, dropped: held.dropped }].sort((a, b) =>
      a.date.localeCompare(b.date),
    ),
    alert.effects.earlier,
  );
  return {
    ...alert,
    effects: {
      ...alert.effects,
      ...foldDriversTold(alert.effects, when.today, when.at, when.timeZone),
      held: alert.effects.held.filter((id) => !held.gone.has(id)),
      days: folded.days,
      ...(folded.earlier ? { earlier: folded.earlier } : {}),
    },
    version: alert.version + 1,
    updatedAt: when.at.toISOString(),
  };
}
