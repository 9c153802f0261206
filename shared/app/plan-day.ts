/**
 * Plan a hromada's day: load its requests, vehicles and depots, ask travel times for a matrix, run
 * the routing engine within a time limit, and save the result as a new version of the day's plan
 * (with its audit entry, in one transaction). Re-planning needs the version last read (a stale
 * one is a 409); on the day itself the stops already made and the passengers on board stay, each
 * vehicle on the road starts from its last stop now, and the rest is planned afresh. A past day
 * is not planned.
 */
import { type Depot, depotSchema } from '../domain/entities/depot';
import { type Plan, planSchema } from '../domain/entities/plan';
import { type Vehicle, vehicleSchema } from '../domain/entities/vehicle';
import { ConflictError, NotFoundError } from '../domain/errors';
import { localDate } from '../domain/time';
import type { Change } from '../ports/entity-repository';
import { checkSolution } from '../routing/checker/index';
import { auditChange } from './audit';
import { dayPlan, dayPoints, dayProblem, NO_VEHICLE_THAT_DAY } from './day-problem';
import { applyUnderWay, keptRequests, mergeRoutes } from './day-under-way';
import type { Actor, Ports } from './deps';
import { listAll, requireHromada } from './registry';

export interface PlanDayOptions {
  /** The engine's time budget. */
  timeLimitMs: number;
  /** Tests: a fixed number of engine iterations instead of the clock. */
  maxIterations?: number;
  seed?: number;
  /** The plan version the caller last read (absent: the day must have no plan yet). */
  expectedVersion?: number;
}

export async function planDay(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids' | 'solver'>,
  hromadaId: string,
  date: string,
  actor: Actor,
  options: PlanDayOptions,
): Promise<Plan> {
  const hromada = await requireHromada(ports, hromadaId);
  const existing = await ports.entities.get('Plan', hromadaId, date);
  const expected = options.expectedVersion;
  if (existing && expected !== existing.version)
    throw new ConflictError(`Plan ${date} is at version ${existing.version}`, existing.version);
  if (!existing && expected !== undefined) throw new ConflictError(`Plan ${date} does not exist yet`, 0);

  const [requests, vehicles, depots] = await Promise.all([
    ports.entities.listRequestsByDate(hromadaId, date),
    listAll(ports, 'Vehicle', hromadaId).then((xs) => xs.map((x): Vehicle => vehicleSchema.parse(x))),
    listAll(ports, 'Depot', hromadaId).then((xs) => xs.map((x): Depot => depotSchema.parse(x))),
  ]);
  const now = ports.clock.now();
  if (date < localDate(now, hromada.timeZone)) throw new ConflictError(`The day ${date} is over`);
  const previous = existing ? planSchema.parse(existing) : undefined;
  const input = { hromada, date, requests, vehicles, depots };
  // a day under way keeps what was done and who is on board; the rest is planned afresh
  const day = dayPoints(
    input,
    keptRequests(previous, requests, new Set(vehicles.filter((v) => v.active).map((v) => v.id))),
  );
  let routes: Plan['routes'] = [];
  let unassigned: Plan['unassigned'] = [
    ...day.refused,
    ...day.requests.map((r) => ({ requestId: r.id, reason: NO_VEHICLE_THAT_DAY })),
  ];
  if (day.requests.length > 0 && day.vehicles.length > 0) {
    const matrix = await ports.travel.matrix(day.points, 'driving-car');
    const problem = dayProblem(input, day, matrix);
    const underWay = applyUnderWay(problem, day, previous, requests, now, date, hromada.timeZone);
    const solution = await ports.solver.solve(problem, {
      timeLimitMs: options.timeLimitMs,
      seed: options.seed ?? 1,
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    });
    // the independent checker stands between the engine and the drivers: a plan that breaks a
    // window, a ride time, a seat or a confidential ride is never saved
    const check = checkSolution(problem, solution);
    if (!check.feasible)
      throw new Error(
        `routing engine returned an infeasible plan: ${check.violations.slice(0, 3).join('; ')}`,
      );
    const fresh = dayPlan(day, solution);
    routes = mergeRoutes(day, underWay, fresh, previous).routes;
    unassigned = [...day.refused, ...fresh.unassigned];
  }

  const at = now.toISOString();
  const version = (existing?.version ?? 0) + 1;
  const plan: Plan = planSchema.parse({
    id: date,
    hromadaId,
    version,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
    date,
    routes,
    unassigned,
    status: 'draft',
    // what the drivers were last sent stays known, so the next publish sends only what changed
    ...(previous?.sent ? { sent: previous.sent } : {}),
  });
  const write: Change = existing
    ? { op: 'update', entity: 'Plan', item: plan, expectedVersion: existing.version }
    : { op: 'create', entity: 'Plan', item: plan };
  await ports.entities.commit([
    write,
    auditChange(ports, hromada, actor, 'plan', 'Plan', date, ['routes', 'unassigned', 'status']),
  ]);
  return plan;
}

export async function getPlan(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  date: string,
): Promise<Plan> {
  await requireHromada(ports, hromadaId);
  const found = await ports.entities.get('Plan', hromadaId, date);
  if (!found) throw new NotFoundError('Plan', date);
  return planSchema.parse(found);
}

/** The day's plan as the caller last read it: 404 if there is none, 409 if it has moved on. */
export async function planAtVersion(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  date: string,
  expectedVersion: number,
): Promise<Plan> {
  const found = await ports.entities.get('Plan', hromadaId, date);
  if (!found) throw new NotFoundError('Plan', date);
  const plan = planSchema.parse(found);
  if (plan.version !== expectedVersion)
    throw new ConflictError(`Plan ${date} is at version ${plan.version}`, plan.version);
  return plan;
}
