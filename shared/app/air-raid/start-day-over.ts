/**
 * An air-raid alert that crossed midnight: its start day is over (Kyiv time) and planning refuses
 * a past day, so that day is not planned again. It is handed to the dispatcher at its midnight,
 * like a day the alert lasted wholly (days-over.ts): by the poll's first minute after it, or at
 * the end when the poll did not get to it. Every stop of that day the alert reached and nobody
 * made is a ride to rebook (rebook-items.ts): the stops of the routes it paused and those of the
 * routes that fell due inside it before midnight (held to the minute, their times now past, so
 * they would otherwise count as made). From then on its stops are no longer shifted
 * (shift-stops.ts) and the plan is not published again: it would send the drivers routes past
 * midnight that the later day's re-plan does not know of (one car on two routes at once); the
 * residents get no automatic SMS, the dispatcher calls them. The requests stay open; the day's
 * held messages about them the alert lists are dropped. The items, the alert (`startDayOver`,
 * `toRebook`, `toRebookCount`) and an audit entry are one transaction (hand-over-write.ts), so a
 * fault never leaves the items without the mark; the end's re-plan step then only reads the mark.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { PlanRoute } from '../../domain/entities/plan';
import { isOpen, type ServiceRequest } from '../../domain/entities/service-request';
import { commitHandOver, dropHeld, type HandOverPorts } from './hand-over-write';
import { dayLabel, rebookChanges } from './rebook-items';
import type { Replanned } from './replan-after-air-raid';
import { stopsMade } from './routes-under-way';

/** Hands the start day over once `today` is past it (once); the alert as written last. */
export async function closeStartDay(
  ports: HandOverPorts,
  hromada: Hromada,
  seen: AirRaidAlert,
  today: string,
  at: Date,
): Promise<AirRaidAlert> {
  if (seen.effects.startDayOver || seen.date >= today) return seen;
  const plan = await ports.entities.plans.forDay(hromada.id, seen.date);
  const requests = await ports.entities.requests.forDay(hromada.id, seen.date);
  const open = plan ? undone(plan.routes, requests, new Date(seen.startedAt)) : [];
  const label = dayLabel(seen.date);
  const { items, rebooked } = rebookChanges(
    ports,
    hromada,
    seen,
    { date: seen.date, listDate: today },
    open,
    (r, from, to) =>
      r.status === 'on-board'
        ? `Тривога через північ: поїздку за заявкою на ${label} ${from}–${to} не завершено (пасажир був у машині), з'ясуйте з водієм і отримувачем`
        : `Тривога через північ: заявку на ${label} ${from}–${to} не виконано, домовтеся з отримувачем про новий час`,
  );
  const held = await dropHeld(ports, seen, requests);
  return commitHandOver(ports, hromada, seen, {
    items,
    next: (alert) => ({
      ...alert,
      effects: {
        ...alert.effects,
        startDayOver: true,
        ...rebooked,
        held: alert.effects.held.filter((id) => !held.gone.has(id)),
        dropped: alert.effects.dropped + held.dropped,
      },
      version: alert.version + 1,
      updatedAt: at.toISOString(),
    }),
    done: (fresh) => fresh.effects.startDayOver === true,
    field: `effects.toRebook.${seen.date}`,
  });
}

/** The end's re-plan step for a start day handed over: its figures, as stored. */
export function startDayOutcome(alert: AirRaidAlert): Replanned {
  return {
    windowsMoved: 0,
    dayOver: true,
    toRebook: alert.effects.toRebook ?? [],
    toRebookCount: alert.effects.toRebookCount ?? 0,
  };
}

/**
 * The open requests with a stop not made when the alert started (made: its request finished, its
 * rider on board for a pickup, or planned to leave before the start), each once, in route order.
 */
function undone(routes: readonly PlanRoute[], requests: ServiceRequest[], started: Date): ServiceRequest[] {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const out = new Map<string, ServiceRequest>();
  for (const route of routes) {
    const made = stopsMade(route, byId, started);
    for (const stop of route.stops.slice(made)) {
      const request = byId.get(stop.requestId);
      if (request && isOpen(request.status)) out.set(request.id, request);
    }
  }
  return [...out.values()];
}
