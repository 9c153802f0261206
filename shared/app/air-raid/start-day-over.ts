/**
 * An air-raid alert that crossed midnight ends on a later day: its start day is over (Kyiv time)
 * and planning refuses a past day, so that day is not planned again. Every stop of that day the
 * alert reached and nobody made is a ride to rebook, handed to the dispatcher (rebook-items.ts):
 * the stops of the routes it paused (shifted past midnight by the whole alert) and those of the
 * routes that fell due inside it before midnight (held to the minute, their times now past, so
 * they would otherwise count as made). The shifted plan is not published again: it would send
 * the drivers routes past midnight that the later day's re-plan does not know of (one car on two
 * routes at once); the residents get no automatic SMS, the dispatcher calls them. The requests
 * stay open; the log keeps them in `effects.toRebook`.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { PlanRoute } from '../../domain/entities/plan';
import { isOpen, type ServiceRequest } from '../../domain/entities/service-request';
import type { Ports } from '../../ports/ports';
import { dayLabel, handOverRides } from './rebook-items';
import type { Replanned } from './replan-after-air-raid';
import { stopsMade } from './routes-under-way';

export async function handOverStartDay(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromada: Hromada,
  alert: AirRaidAlert & { endedAt: string },
): Promise<Replanned> {
  const plan = await ports.entities.plans.forDay(hromada.id, alert.date);
  if (!plan) return { windowsMoved: 0, dayOver: true, toRebook: [], toRebookCount: 0 };
  const requests = await ports.entities.requests.forDay(hromada.id, alert.date);
  const open = undone(plan.routes, requests, new Date(alert.startedAt));
  const label = dayLabel(alert.date);
  const rebooked = await handOverRides(ports, hromada, alert, alert.date, open, (r, from, to) =>
    r.status === 'on-board'
      ? `Тривога через північ: поїздку за заявкою на ${label} ${from}–${to} не завершено (пасажир був у машині), з'ясуйте з водієм і отримувачем`
      : `Тривога через північ: заявку на ${label} ${from}–${to} не виконано, домовтеся з отримувачем про новий час`,
  );
  return { windowsMoved: 0, dayOver: true, ...rebooked };
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
