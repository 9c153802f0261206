/**
 * A new alert started within the minute after a spread «Відбій» (start-air-raid.ts finishes the
 * old end first): the old end does not plan its days again. That re-plan (up to 3 s of the solver
 * and a publish per hromada, inside the API call of an oblast's «Тривога») would send drivers
 * routes the new alert pauses at once. The old end hands over its days that are over and releases
 * its held messages; its day still under way is planned by the new alert's end, which also makes
 * longer the windows the old alerts ran over (`replanLeft` on them), so no ride loses the time it
 * waited in shelter.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { localDate } from '../../domain/time';
import type { Ports } from '../../ports/ports';
import type { HandOverPorts } from './hand-over-write';
import { type Replanned, startDayAdjust } from './replan-after-air-raid';
import { laterDayAdjust } from './replan-later-day';
import { closeStartDay, startDayOutcome } from './start-day-over';

/** Earlier alerts read back for their left re-plans, at most (a longer run of them is not seen). */
const LEFT_CHAIN = 5;

/**
 * The old end's re-plan step when a new alert follows: the start day handed over if over; the day
 * still under way (the start day, or the later day it ended on) left, either way.
 */
export async function leaveReplan(
  ports: HandOverPorts,
  hromada: Hromada,
  alert: AirRaidAlert,
): Promise<Replanned> {
  const now = ports.clock.now();
  const today = localDate(now, hromada.timeZone);
  if (alert.date < today)
    return { ...startDayOutcome(await closeStartDay(ports, hromada, alert, today, now)), left: true };
  return { windowsMoved: 0, left: true };
}

/** The window changes of the alerts just before `alert` that left their re-plan of `date` to it. */
export async function leftAdjust(
  ports: Pick<Ports, 'entities'>,
  hromada: Hromada,
  alert: AirRaidAlert,
  date: string,
): Promise<(r: ServiceRequest) => ServiceRequest> {
  const { items } = await ports.entities.airRaids.list(hromada.id, { limit: LEFT_CHAIN + 1 });
  const at = items.findIndex((a) => a.id === alert.id);
  const older = at < 0 ? [] : items.slice(at + 1);
  const left: Array<(r: ServiceRequest) => ServiceRequest> = [];
  for (const a of older) {
    if (!a.effects.replanLeft || a.endedAt === undefined) break;
    const ended = { ...a, endedAt: a.endedAt };
    if (date === a.date) left.unshift(startDayAdjust(ended));
    else if (date > a.date && date <= localDate(new Date(a.endedAt), hromada.timeZone))
      left.unshift(laterDayAdjust(ended, date, hromada.timeZone));
  }
  // the oldest first: each alert's change from the windows the ones before it left
  return (r) => left.reduce((x, f) => f(x), r);
}
