/**
 * An air-raid alert that crossed midnight ends on a later day: that day (today) is planned again
 * like the start day of a same-day alert (replan-after-air-raid.ts: the stops made stay, the
 * checker must accept, published again when published, residents whose window moved told). Its
 * routes waited for the end (hold-due-routes.ts); the window of each of its requests not yet
 * served that was due before the end is made longer by the part of the alert it waited in (a
 * 06:10–06:25 ride in an alert that ended at 07:00 may be served until 07:15), never by the night
 * before. The day's line in the log (`effects.days`) records the re-plan. A day over by the time
 * the end is finished (after its midnight) was handed over instead (days-over.ts's closeEndDay).
 */
import { type AirRaidAlert, type AirRaidDay, MAX_LATER_DAYS } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { isOpen, type ServiceRequest } from '../../domain/entities/service-request';
import type { Ports } from '../../ports/ports';
import { emptyDay, laterDayAt, laterDayEntry } from './hold-due-routes';
import { type ReplanOptions, replanDay } from './replan-after-air-raid';
import { leftAdjust } from './replan-left';

export async function replanLaterDay(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids' | 'solver' | 'outbox'>,
  hromada: Hromada,
  alert: AirRaidAlert & { endedAt: string },
  options: ReplanOptions = {},
): Promise<AirRaidDay[] | undefined> {
  const end = new Date(alert.endedAt);
  const date = laterDayAt(alert, end, hromada.timeZone);
  const days = alert.effects.days ?? [];
  if (!date) return alert.effects.days;
  const day = days.find((d) => d.date === date) ?? emptyDay(date);
  // handed over already: its end was finished after its midnight (days-over.ts's closeEndDay)
  if (day.wholeDay) return days;
  if (!days.includes(day) && days.length >= MAX_LATER_DAYS) return days;
  const before = await leftAdjust(ports, hromada, alert, date);
  const own = laterDayAdjust(alert, date, hromada.timeZone);
  const replan = await replanDay(ports, hromada, date, (r) => own(before(r)), options);
  const next: AirRaidDay = {
    ...day,
    windowsMoved: replan.windowsMoved,
    ...(replan.planVersion ? { replanVersion: replan.planVersion } : {}),
    ...(replan.error ? { replanError: replan.error } : {}),
  };
  return [...days.filter((d) => d.date !== date), next].sort((a, b) => a.date.localeCompare(b.date));
}

/** A later day's windows made longer by the part of the alert each waited in (never the night before). */
export function laterDayAdjust(alert: AirRaidAlert & { endedAt: string }, date: string, timeZone: string) {
  const end = Date.parse(alert.endedAt);
  const entry = laterDayEntry(alert, date, timeZone).getTime();
  return (r: ServiceRequest): ServiceRequest => {
    const from = Math.max(Date.parse(r.window.start), entry);
    if (!isOpen(r.status) || from >= end || Date.parse(r.window.end) < entry) return r;
    const later = Date.parse(r.window.end) + (end - from);
    return { ...r, window: { ...r.window, end: new Date(later).toISOString() } };
  };
}
