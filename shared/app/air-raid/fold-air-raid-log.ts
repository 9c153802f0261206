/**
 * The alert's log stays bounded however long the alert lasts (a DynamoDB item holds 400 KB): a
 * whole day handed over (days-over.ts) keeps its own line in `effects.days` while there is room;
 * beyond MAX_LATER_DAYS - 1 such lines (room is kept for the day in force) the oldest is folded
 * into `effects.earlier` (counts and dates). Drivers told on days over leave `driversTold` (which
 * keeps today's notices, and those of the last RETELL_AFTER_MINUTES, for telling each driver once)
 * and are counted in `driversToldEarlier`. Pure.
 */
import {
  type AirRaidDay,
  type AirRaidEarlierDays,
  type AirRaidEffects,
  MAX_LATER_DAYS,
} from '../../domain/entities/air-raid-alert';
import { localDate } from '../../domain/time';
import { RETELL_AFTER_MINUTES } from './hold-due-routes';

/** `days` (sorted by date) with the oldest whole days beyond the room folded into `earlier`. */
export function foldDays(
  days: readonly AirRaidDay[],
  earlier: AirRaidEarlierDays | undefined,
): { days: AirRaidDay[]; earlier: AirRaidEarlierDays | undefined } {
  const kept = [...days];
  let folded = earlier;
  while (kept.filter((d) => d.wholeDay).length > MAX_LATER_DAYS - 1) {
    const oldest = kept.findIndex((d) => d.wholeDay);
    const [day] = kept.splice(oldest, 1) as [AirRaidDay];
    folded = {
      days: (folded?.days ?? 0) + 1,
      from: folded?.from ?? day.date,
      through: day.date,
      stopsShifted: (folded?.stopsShifted ?? 0) + day.stopsShifted,
      toRebookCount: (folded?.toRebookCount ?? 0) + (day.toRebookCount ?? 0),
      dropped: (folded?.dropped ?? 0) + (day.dropped ?? 0),
    };
  }
  return { days: kept, earlier: folded };
}

/**
 * `driversTold` without the notices of days over (told before `today`, Kyiv time, and longer than
 * RETELL_AFTER_MINUTES before `at`), which are counted in `driversToldEarlier`.
 */
export function foldDriversTold(
  effects: Pick<AirRaidEffects, 'driversTold' | 'driversToldEarlier'>,
  today: string,
  at: Date,
  timeZone: string,
): Pick<AirRaidEffects, 'driversTold' | 'driversToldEarlier'> {
  const since = at.getTime() - RETELL_AFTER_MINUTES * 60_000;
  const keep = (t: AirRaidEffects['driversTold'][number]) =>
    t.at !== undefined && (localDate(new Date(t.at), timeZone) >= today || Date.parse(t.at) > since);
  const kept = effects.driversTold.filter(keep);
  const folded = effects.driversTold.length - kept.length;
  if (folded === 0) return effects;
  return { driversTold: kept, driversToldEarlier: (effects.driversToldEarlier ?? 0) + folded };
}
