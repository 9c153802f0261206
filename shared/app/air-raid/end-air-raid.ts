/**
 * An air-raid alert ends (a dispatcher's one action, or the feed): the stops it paused take their
 * last shift, the alert is marked ended (so nothing more is held), the rest of the day is planned
 * again and published (replan-after-air-raid.ts), the held messages go on or are dropped
 * (release-held.ts), and the alert's log records it all with an audit entry and an item on the
 * dispatcher's attention list. The steps after the mark are kept one by one (end-steps.ts): an
 * end a fault cut off is finished by the next poll or «Відбій». Ending when none is in force (and
 * no end is unfinished) is a 409 with the reason.
 */
import type { Actor } from '../../domain/actor';
import type { AirRaidAlert, AirRaidDay } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { ConflictError } from '../../domain/errors';
import { localDate } from '../../domain/time';
import type { Ports } from '../../ports/ports';
import { alertItem } from '../alerts/alert-item';
import { auditChange } from '../audit';
import { closeDaysOver, closeEndDay } from './days-over';
import { endSteps, unfinishedEnd } from './end-steps';
import { endWords } from './end-words';
import { holdDueRoutes } from './hold-due-routes';
import { releaseHeld } from './release-held';
import { type Replanned, type ReplanOptions, replanAfterAirRaid } from './replan-after-air-raid';
import { replanLaterDay } from './replan-later-day';
import { leaveReplan } from './replan-left';
import { shiftStops } from './shift-stops';

type EndPorts = Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>;

export const NO_AIR_RAID = 'Зараз немає повітряної тривоги, яку можна завершити';

export async function endAirRaid(
  ports: EndPorts,
  hromada: Hromada,
  actor: Actor,
  options: ReplanOptions = {},
): Promise<AirRaidAlert> {
  const active = await ports.entities.airRaids.active(hromada.id);
  if (!active) {
    // an end a fault interrupted: «Відбій» (or the next poll) finishes it
    const unfinished = await unfinishedEnd(ports, hromada);
    if (unfinished) return finishEnd(ports, hromada, unfinished, actor, options);
    throw new ConflictError('No air-raid alert is in force', undefined, { reason: NO_AIR_RAID });
  }
  const ended = await markAirRaidEnded(ports, hromada, active, actor);
  return finishEnd(ports, hromada, ended, actor, options);
}

/**
 * The end's first half: the last shift, then the alert marked ended with its end under way
 * (`ending`), so that nothing more is held. finishEnd does the rest, now or (an end spread from
 * another hromada's «Відбій», spread-air-raid.ts) at the next poll. `startedFrom`: the hromada
 * the «Відбій» came from, for the audit entry.
 */
export async function markAirRaidEnded(
  ports: EndPorts,
  hromada: Hromada,
  active: AirRaidAlert,
  actor: Actor,
  startedFrom?: string,
): Promise<AirRaidAlert & { endedAt: string }> {
  const now = ports.clock.now();
  // the last hold tells no driver: the all-clear is no moment to send one to shelter
  // a later day over meanwhile (the poll did not get to it) is handed over first
  const closed = await closeDaysOver(ports, hromada, await shiftStops(ports, hromada, active, now), now);
  const shifted = await holdDueRoutes(ports, hromada, closed, now, false);
  return markEnded(ports, hromada, shifted, actor, now, startedFrom);
}

/**
 * The end's steps after the alert is marked ended (end-steps.ts keeps each outcome on the alert),
 * then its record: run again by the next poll or «Відбій» when a fault interrupted them. An end
 * another finisher recorded meanwhile: the alert as read, untouched. `newAlertFollows`: its days
 * are not planned again (replan-left.ts).
 */
export async function finishEnd(
  ports: EndPorts,
  hromada: Hromada,
  ended: AirRaidAlert & { endedAt: string },
  actor: Actor,
  options: ReplanOptions & { newAlertFollows?: boolean } = {},
): Promise<AirRaidAlert> {
  // a new alert follows at once: its end plans the day (replan-left.ts), not this one
  const left = options.newAlertFollows === true;
  const done = await endSteps(ports, hromada, ended, {
    replan: (alert) =>
      left ? leaveReplan(ports, hromada, alert) : replanAfterAirRaid(ports, hromada, alert, options),
    later: async (alert) => {
      const over = await closeDaysOver(ports, hromada, alert, new Date(alert.endedAt));
      // the day it ended on, over by now (finished after its midnight): handed over, not planned
      const closed = await closeEndDay(
        ports,
        hromada,
        { ...over, endedAt: alert.endedAt },
        ports.clock.now(),
      );
      if (left) return closed.effects.days;
      return replanLaterDay(ports, hromada, { ...closed, endedAt: alert.endedAt }, options);
    },
    release: (alert) => releaseHeld(ports, hromada, alert),
  });
  if (!done) return (await ports.entities.airRaids.get(hromada.id, ended.id)) ?? ended;
  return recordEnd(ports, hromada, done.alert, actor, done.outcome);
}

/**
 * The alert ended, with its end under way (`ending`). Each message the sender holds meanwhile
 * bumps the alert's version: read it again and retry; an alert another end ended first is a 409
 * with the reason.
 */
async function markEnded(
  ports: EndPorts,
  hromada: Hromada,
  seen: AirRaidAlert,
  actor: Actor,
  now: Date,
  startedFrom: string | undefined,
): Promise<AirRaidAlert & { endedAt: string }> {
  const at = now.toISOString();
  let alert = seen;
  // read back ended by the last shift (a «Відбій» got there first): never marked twice
  if (alert.endedAt !== undefined)
    throw new ConflictError('The air-raid alert was ended meanwhile', alert.version, { reason: NO_AIR_RAID });
  for (let attempt = 1; ; attempt++) {
    const ended = {
      ...alert,
      endedAt: at,
      endedBy: actor,
      ending: {},
      version: alert.version + 1,
      updatedAt: at,
    };
    try {
      await ports.entities.commit([
        { op: 'update', entity: 'AirRaidAlert', item: ended, expectedVersion: alert.version },
        auditChange(
          ports,
          hromada,
          actor,
          'air-raid-end',
          'AirRaidAlert',
          alert.id,
          ['endedAt', 'endedBy'],
          startedFrom,
        ),
      ]);
      return ended;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const fresh = await ports.entities.airRaids.get(hromada.id, alert.id);
      if (!fresh || fresh.endedAt !== undefined)
        throw new ConflictError('The air-raid alert was ended meanwhile', fresh?.version, {
          reason: NO_AIR_RAID,
        });
      if (attempt >= END_ATTEMPTS) throw error;
      alert = fresh;
    }
  }
}

/** Tries of the end's write against holds landing meanwhile. */
const END_ATTEMPTS = 5;

/** The end's effects on the log, with the dispatcher's attention item. */
async function recordEnd(
  ports: EndPorts,
  hromada: Hromada,
  ended: AirRaidAlert,
  actor: Actor,
  outcome: Replanned & { released: number; dropped: number; days: AirRaidDay[] | undefined },
): Promise<AirRaidAlert> {
  const fresh = (await ports.entities.airRaids.get(hromada.id, ended.id)) ?? ended;
  // recorded meanwhile by another finisher: once is enough
  if (!fresh.ending) return fresh;
  const at = ports.clock.now().toISOString();
  const { ending: _done, ...rest } = fresh;
  const item: AirRaidAlert = {
    ...rest,
    effects: {
      ...fresh.effects,
      released: outcome.released,
      // the start day's held messages dropped when it was handed over, and the release's
      dropped: fresh.effects.dropped + outcome.dropped,
      windowsMoved: outcome.windowsMoved,
      ...(outcome.planVersion ? { replanVersion: outcome.planVersion } : {}),
      ...(outcome.error ? { replanError: outcome.error } : {}),
      ...(outcome.dayOver ? { startDayOver: true } : {}),
      ...(outcome.left ? { replanLeft: true } : {}),
      ...(outcome.toRebook ? { toRebook: outcome.toRebook, toRebookCount: outcome.toRebookCount ?? 0 } : {}),
      ...(outcome.days ? { days: outcome.days } : {}),
    },
    version: fresh.version + 1,
    updatedAt: at,
  };
  // finished after its midnight (a spread end, left for the poll): today's list, with its rebooks
  const endDate = localDate(new Date(Math.max(Date.parse(ended.endedAt!), Date.parse(at))), hromada.timeZone);
  await ports.entities.commit([
    { op: 'update', entity: 'AirRaidAlert', item, expectedVersion: fresh.version },
    auditChange(ports, hromada, actor, 'air-raid-end', 'AirRaidAlert', ended.id, ['effects']),
    alertItem(ports, hromada, {
      kind: 'air-raid',
      cause: `${ended.id}-end`,
      // the dispatcher looks at the day it ended on (or was finished on)
      date: endDate,
      text: endWords({ ...ended, effects: item.effects }, hromada.timeZone, outcome),
    }),
  ]);
  return item;
}
