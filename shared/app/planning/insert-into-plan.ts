/**
 * A phone request during the day: insert it into the day's plan without re-planning the rest.
 * Stops already made stay as they were (the engine gets them as done steps, passengers on board
 * included, and each vehicle out on the road starts from its last stop, now, with the stop it is
 * driving to locked). The engine's insertTask places the request (moving at most one other), the
 * checker must accept the result, and the plan's new version, its audit entry and — when the plan
 * was published — the changed routes' SMS to their drivers are one transaction.
 */

import type { Actor } from '../../domain/actor';
import type { Plan } from '../../domain/entities/plan';
import { isOpen, type ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { insertTask } from '../../routing/engine/index';
import { ZoneMap } from '../../routing/geometry/zone-map';
import { followCaseStops } from '../mobile-case/follow-case-stops';
import { getServiceRequest } from '../service-requests';
import { dayBounds, inZone, outsideTheDay } from './day-points';
import { solutionAhead } from './day-under-way';
import { followPlan } from './follow-plan';
import { type LoadedDay, loadDayToChange } from './load-day';
import { type EngineStep, type NewVersion, type RoutedDay, runPipeline } from './pipeline';
import { routeMessages } from './route-messages';

export interface InsertedRequest {
  plan: Plan;
  /** The vehicle that takes it (absent: it did not fit, see `plan.unassigned`). */
  vehicleId?: string;
  /** Route SMS queued for the drivers whose stops changed (a published plan only). */
  messages: number;
}

export async function insertIntoPlan(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids'>,
  hromadaId: string,
  date: string,
  requestId: string,
  expectedVersion: number,
  actor: Actor,
  options: { timeLimitMs: number; seed?: number },
): Promise<InsertedRequest> {
  const loaded = await loadDayToChange(ports, { hromadaId, date, expectedVersion }, { openDayOnly: true });
  const request = await insertable(ports, loaded, requestId);
  const { plan, messages } = await runPipeline(ports, {
    loaded,
    actor,
    // the day as it stands (the routes of vehicles in service) and the new request: nothing else moves
    requests: (kept) => loaded.requests.filter((r) => kept.has(r.id) || r.id === requestId),
    engine: insertStep(request, options),
    version: (routed) => insertedVersion(ports, loaded, routed),
  });
  await followPlan(ports, hromadaId, plan);
  await followCaseStops(ports, hromadaId, plan);
  const taken = plan.routes.find((r) => r.stops.some((s) => s.requestId === requestId));
  return { plan, ...(taken ? { vehicleId: taken.vehicleId } : {}), messages };
}

/** The request, if it may go into this day's plan: its day, still open, not in it yet, in its day. */
async function insertable(
  ports: Pick<Ports, 'entities'>,
  { hromada, date, plan, zones }: LoadedDay<Plan>,
  requestId: string,
): Promise<ServiceRequest> {
  const request = await getServiceRequest(ports, hromada.id, requestId);
  if (request.date !== date)
    throw new ConflictError(`Request ${requestId} is for ${request.date}, not ${date}`);
  if (!isOpen(request.status)) throw new ConflictError(`Request ${requestId} is ${request.status}`);
  if (request.awaitingCall)
    throw new ConflictError(`Request ${requestId} waits for the resident's call: activate it first`);
  const inPlan = new Set(plan.routes.flatMap((r) => r.stops.map((s) => s.requestId)));
  if (inPlan.has(requestId)) throw new ConflictError(`Request ${requestId} is already in the plan`);
  const { dayStart, dayEnd } = dayBounds(date, hromada.timeZone);
  const refused = outsideTheDay(request, dayStart, dayEnd);
  if (refused) throw new ConflictError(`Request ${requestId} cannot be served: ${refused}`);
  const inDanger = inZone(request, zones ? new ZoneMap(zones) : undefined);
  if (inDanger)
    throw new ConflictError(`Request ${requestId} cannot be served: ${inDanger}`, undefined, {
      reason: inDanger,
    });
  return request;
}

/** The engine's insertTask, in process (it takes milliseconds): the stops ahead stay, one is added. */
function insertStep(request: ServiceRequest, options: { timeLimitMs: number; seed?: number }): EngineStep {
  const type = request.serviceType === 'social-taxi' && request.dropoff ? 'shipment' : 'job';
  return {
    what: 'insertion',
    run: async (problem, underWay) =>
      insertTask(
        problem,
        solutionAhead(underWay),
        { type, id: underWay.taskId.get(request.id)! },
        { timeLimitMs: options.timeLimitMs, now: () => performance.now(), seed: options.seed ?? 1 },
      ),
  };
}

/** Only the drivers whose stops changed hear about it (a moved request may change one more route). */
function insertedVersion(
  ports: Pick<Ports, 'clock'>,
  { hromada, date, now, plan: current, requests, vehicles, drivers }: LoadedDay<Plan>,
  { routes, changed, unassigned: left }: RoutedDay,
): NewVersion {
  // the new request if it did not fit (and never silently any other the engine left out)
  const routed = new Set(routes.flatMap((r) => r.stops.map((s) => s.requestId)));
  const unassigned = [...left, ...current.unassigned].filter(
    (u, k, list) => !routed.has(u.requestId) && list.findIndex((x) => x.requestId === u.requestId) === k,
  );
  const version = current.version + 1;
  const sms =
    current.status === 'published' && changed.length > 0
      ? routeMessages(ports, hromada, date, version, changed, requests, vehicles, drivers, current.sent)
      : undefined;
  const plan: Plan = {
    ...current,
    routes,
    unassigned,
    version,
    updatedAt: now.toISOString(),
    ...(sms ? { sent: { ...current.sent, ...sms.sent } } : {}),
  };
  return { plan, fields: ['routes', 'unassigned'], messages: sms?.changes ?? [] };
}
