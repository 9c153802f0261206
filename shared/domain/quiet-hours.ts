import type { HromadaRules } from './entities/hromada';
import type { OutboxKind } from './entities/outbox-message';
import { addDays, localDate, localTimeLabel, localToUtc } from './time';

/**
 * The hromada's quiet hours (`rules.quietHours`, default 21:00–08:00 Kyiv): a non-urgent SMS
 * queued then is held until they end, never dropped; an urgent one goes at once.
 */

/** Kinds that always go at once: a driver's route, the car is near, a reply to the resident's own SMS. */
const ALWAYS_URGENT: ReadonlySet<OutboxKind> = new Set(['driver-route', 'vehicle-near', 'help']);

/**
 * A message about a trip that starts within this long after the quiet hours end goes at once:
 * held, it would arrive too close to the ride to act on (a cancellation or a change for the early
 * morning, a confirmation of a ride booked late for the next morning).
 */
export const URGENT_BEFORE_TRIP_MS = 2 * 3_600_000;

/** When the quiet hours around `now` end, or undefined when `now` is outside them. */
export function quietHoursEnd(
  rules: Pick<HromadaRules, 'quietHours'>,
  now: Date,
  timeZone: string,
): Date | undefined {
  const { from, to } = rules.quietHours;
  if (from === to) return undefined;
  const today = localDate(now, timeZone);
  const time = localTimeLabel(now, timeZone);
  const overnight = from > to; // e.g. 21:00–08:00
  const quiet = overnight ? time >= from || time < to : time >= from && time < to;
  if (!quiet) return undefined;
  const endDate = overnight && time >= from ? addDays(today, 1) : today;
  return localToUtc(endDate, to, timeZone);
}

/**
 * Until when a message of `kind` queued at `now` is held: the quiet hours' end, or undefined
 * when it goes at once (outside quiet hours, an urgent kind, or a trip starting soon after they end).
 */
export function holdUntil(
  rules: Pick<HromadaRules, 'quietHours'>,
  timeZone: string,
  now: Date,
  message: { kind: OutboxKind; tripStart?: string; urgent?: boolean },
): Date | undefined {
  if (message.urgent || ALWAYS_URGENT.has(message.kind)) return undefined;
  const end = quietHoursEnd(rules, now, timeZone);
  if (!end) return undefined;
  if (message.tripStart && Date.parse(message.tripStart) < end.getTime() + URGENT_BEFORE_TRIP_MS)
    return undefined;
  return end;
}
