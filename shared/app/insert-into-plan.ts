/**
 * A phone request during the day: insert it into the day's plan without re-planning the rest.
 * Stops already made stay as they were (the engine gets them as done steps, passengers on board
 * included, and each vehicle out on the road starts from its last stop, now, with the stop it is
 * driving to locked). The engine's insertTask places the request (moving at most one other), the
 * checker must accept the result, and the plan's new version, its audit entry and — when the plan
 * was published — the changed route's SMS to its driver are one transaction.
 */
import { type Depot, depotSchema } from '../domain/entities/depot';
import { type Driver, driverSchema } from '../domain/entities/driver';
import type { Plan } from '../domain/entities/plan';
import type { ServiceRequest } from '../domain/entities/service-request';
import { type Vehicle, vehicleSchema } from '../domain/entities/vehicle';
import { ConflictError } from '../domain/errors';
import { localDate } from '../domain/time';
import type { Change } from '../ports/entity-repository';
import { checkSolution } from '../routing/checker/index';
import { insertTask } from '../routing/engine/index';
import { auditChange } from './audit';
import { dayPlan, dayPoints, dayProblem } from './day-problem';
import { applyUnderWay, keptRequests, mergeRoutes } from './day-under-way';
import type { Actor, Ports } from './deps';
import { planAtVersion } from './plan-day';
import { routeMessages } from './publish-plan';
import { listAll, requireHromada } from './registry';
import { getServiceRequest } from './service-requests';

export interface InsertedRequest {
  plan: Plan;
  /** The vehicle that takes it (absent: it did not fit, see `plan.unassigned`). */
  vehicleId?: string;
  /** Route SMS queued for the drivers whose stops changed (a published plan only). */
  messages: number;
}

const OPEN: ReadonlySet<ServiceRequest['status']> = new Set(['requested', 'confirmed', 'planned']);

export async function insertIntoPlan(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids'>,
  hromadaId: string,
  date: string,
  requestId: string,
  expectedVersion: number,
  actor: Actor,
  options: { timeLimitMs: number; seed?: number },
): Promise<InsertedRequest> {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await planAtVersion(ports, hromadaId, date, expectedVersion);
  const now = ports.clock.now();
  const today = localDate(now, hromada.timeZone);
  if (date < today) throw new ConflictError(`The day ${date} is over`);
  const request = await getServiceRequest(ports, hromadaId, requestId);
  if (request.date !== date)
    throw new ConflictError(`Request ${requestId} is for ${request.date}, not ${date}`);
  if (!OPEN.has(request.status)) throw new ConflictError(`Request ${requestId} is ${request.status}`);
  const inPlan = new Set(current.routes.flatMap((r) => r.stops.map((s) => s.requestId)));
  if (inPlan.has(requestId)) throw new ConflictError(`Request ${requestId} is already in the plan`);

  const [all, vehicles, depots, drivers] = await Promise.all([
    ports.entities.listRequestsByDate(hromadaId, date),
    listAll(ports, 'Vehicle', hromadaId).then((xs) => xs.map((x): Vehicle => vehicleSchema.parse(x))),
    listAll(ports, 'Depot', hromadaId).then((xs) => xs.map((x): Depot => depotSchema.parse(x))),
    listAll(ports, 'Driver', hromadaId).then((xs) => xs.map((x): Driver => driverSchema.parse(x))),
  ]);
  const keep = keptRequests(current, all, new Set(vehicles.filter((v) => v.active).map((v) => v.id)));
  const requests = all.filter((r) => keep.has(r.id) || r.id === requestId);
  const input = { hromada, date, requests, vehicles, depots };
  const day = dayPoints(input, keep);
  const refused = day.refused.find((u) => u.requestId === requestId);
  if (refused) throw new ConflictError(`Request ${requestId} cannot be served: ${refused.reason}`);
  const matrix = await ports.travel.matrix(day.points, 'driving-car');
  const problem = dayProblem(input, day, matrix);
  const underWay = applyUnderWay(problem, day, current, all, now, date, hromada.timeZone);
  const solution = insertTask(
    problem,
    underWay.current,
    {
      type: request.serviceType === 'social-taxi' && request.dropoff ? 'shipment' : 'job',
      id: underWay.taskId.get(requestId)!,
    },
    { timeLimitMs: options.timeLimitMs, now: () => performance.now(), seed: options.seed ?? 1 },
  );
  const check = checkSolution(problem, solution);
  if (!check.feasible)
    throw new Error(
      `routing engine returned an infeasible insertion: ${check.violations.slice(0, 3).join('; ')}`,
    );
  const fresh = dayPlan(day, solution);
  const { routes, changed } = mergeRoutes(day, underWay, fresh, current);
  // the new request if it did not fit (and never silently any other the engine left out)
  const routed = new Set(routes.flatMap((r) => r.stops.map((s) => s.requestId)));
  const unassigned = [...fresh.unassigned, ...current.unassigned].filter(
    (u, k, list) => !routed.has(u.requestId) && list.findIndex((x) => x.requestId === u.requestId) === k,
  );
  const taken = routes.find((r) => r.stops.some((s) => s.requestId === requestId));
  const version = current.version + 1;
  // only the drivers whose stops changed hear about it (a moved request may change one more)
  const sms =
    current.status === 'published' && changed.length > 0
      ? routeMessages(ports, hromada, date, version, changed, all, vehicles, drivers, current.sent)
      : undefined;
  const plan: Plan = {
    ...current,
    routes,
    unassigned,
    version,
    updatedAt: now.toISOString(),
    ...(sms ? { sent: { ...current.sent, ...sms.sent } } : {}),
  };
  const changes: Change[] = [
    { op: 'update', entity: 'Plan', item: plan, expectedVersion },
    auditChange(ports, hromada, actor, 'plan', 'Plan', date, ['routes', 'unassigned']),
    ...(sms?.changes ?? []),
  ];
  await ports.entities.commit(changes);
  return {
    plan,
    ...(taken ? { vehicleId: taken.vehicleId } : {}),
    messages: changes.filter((c) => c.op === 'outbox').length,
  };
}
