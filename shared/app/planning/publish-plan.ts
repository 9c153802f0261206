/**
 * Publish a day's plan: each vehicle's driver gets the route by SMS (route-messages.ts). The plan is
 * sent as it stands: stops of rides cancelled since planning are taken out. A driver already sent
 * the same route is not sent it again; a driver whose route was taken away is told. The plan's new
 * status, its audit entry and every route message are one transaction, and message ids carry the
 * plan version, so a retry sends nothing twice.
 */

import type { Actor } from '../../domain/actor';
import type { Plan } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { LimitError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { followPlan } from './follow-plan';
import { loadDayToChange } from './load-day';
import { commitVersion } from './pipeline';
import { driverUpdates } from './route-messages';

/**
 * DynamoDB TransactWriteItems takes at most 100 items: the plan, its audit entry, its report
 * day's planned routes (RP1), the messages.
 */
const MAX_MESSAGES = 97;

export interface PublishedPlan {
  plan: Plan;
  /** Route messages queued (a long route is several). */
  messages: number;
  /** Vehicles with a route but no active driver assigned: the dispatcher calls them. */
  withoutDriver: string[];
}

export async function publishPlan(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromadaId: string,
  date: string,
  expectedVersion: number,
  actor: Actor,
): Promise<PublishedPlan> {
  // a past day's plan may still be published (its routes do not change)
  const loaded = await loadDayToChange(ports, { hromadaId, date, expectedVersion }, { openDayOnly: false });
  const { now, plan: current, requests } = loaded;
  const version = current.version + 1;
  // the plan as it stands: a ride cancelled since planning is not sent to anyone
  const routes = withoutCancelled(current.routes, requests);
  const updates = driverUpdates(ports, loaded, version, routes, current.sent);
  const plan: Plan = {
    ...current,
    routes,
    status: 'published',
    publishedAt: now.toISOString(),
    version,
    updatedAt: now.toISOString(),
    sent: updates.sent,
  };
  const messages = updates.changes;
  if (messages.length > MAX_MESSAGES)
    throw new LimitError(`${messages.length} route messages in one publish; at most ${MAX_MESSAGES}`);
  await commitVersion(ports, {
    loaded,
    actor,
    action: 'publish',
    plan,
    fields: ['status', 'publishedAt', 'routes'],
    messages,
  });
  await followPlan(ports, hromadaId, plan);
  return { plan, messages: messages.length, withoutDriver: updates.withoutDriver };
}

const GONE: ReadonlySet<ServiceRequest['status']> = new Set(['cancelled']);

/** The routes without the stops of requests cancelled (or deleted) since planning; empty routes go. */
function withoutCancelled(routes: Plan['routes'], requests: ServiceRequest[]): Plan['routes'] {
  const live = new Set(requests.filter((r) => !GONE.has(r.status)).map((r) => r.id));
  return routes
    .map((route) => ({ ...route, stops: route.stops.filter((s) => live.has(s.requestId)) }))
    .filter((route) => route.stops.length > 0);
}
