/**
 * The one way a day's routes change:
 *
 *   load the day (load-day.ts) → the day's points and its state under way (day-points.ts,
 *   day-under-way.ts) → the routing problem (day-problem.ts) → an engine step passed in (solve the
 *   day, insert a request; later assign or move one) → the checker → the engine's answer merged
 *   with the stops already made (day-plan.ts) → the new plan version, its audit entry and its SMS
 *   committed in one transaction.
 *
 * Planning, insertion and the manual edits are short callers: they load the day, say which
 * requests take part, pass their engine step and build the new version from the routed day.
 */

import type { Actor } from '../../domain/actor';
import type { AuditEntry } from '../../domain/entities/audit-entry';
import type { Plan, PlanRoute, PlanTravelTimes } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { type CheckContext, checkSolution } from '../../routing/checker/index';
import type { VroomProblem, VroomSolution } from '../../routing/vroom-format';
import { auditChange } from '../audit';
import { withLockFlags } from './board/locks';
import { inServiceThatDay } from './board/out-of-service';
import { CheckerRefusal } from './checker-refusal';
import { dayPlan, mergeRoutes, NO_VEHICLE_THAT_DAY } from './day-plan';
import { type DayInput, type DayPoints, dayPoints } from './day-points';
import { dayProblem } from './day-problem';
import { dayTravel } from './day-travel';
import { dayUnderWay, keptRequests, type UnderWay } from './day-under-way';
import type { LoadedDay } from './load-day';

/** What the engine is asked to do with the day's problem. */
export interface EngineStep {
  /** The answer's name in an error: "plan", "insertion". */
  readonly what: string;
  /**
   * The day under way gives the stops still ahead (the current solution, for insertTask). A step
   * may tighten the problem in place (a board edit pins a task to a vehicle): the checker then
   * checks the answer against the tightened problem.
   */
  run(problem: VroomProblem, underWay: UnderWay, day: DayPoints): Promise<VroomSolution>;
}

/** The day after the engine step: its routes, merged with the stops already made. */
export interface RoutedDay {
  day: DayPoints;
  routes: PlanRoute[];
  /** The routes whose stops changed (their drivers need the new route). */
  changed: PlanRoute[];
  /** What the engine left out, and why (every request, when no vehicle works that day). */
  unassigned: Array<{ requestId: string; reason: string }>;
  /** Where the travel times came from (absent: none were asked). */
  travelTimes?: PlanTravelTimes;
}

/** A new version of the day's plan, and what goes with it into the transaction. */
export interface NewVersion {
  plan: Plan;
  /** The plan's fields it changes, for the audit entry. */
  fields: string[];
  /** SMS queued with it. */
  messages?: Change[];
}

export interface PipelineRun {
  loaded: LoadedDay;
  actor: Actor;
  /** The requests that take part, given those the day under way keeps. */
  requests: (kept: ReadonlySet<string>) => ServiceRequest[];
  engine: EngineStep;
  /**
   * Days the engine is not asked about: every request is left out as "no vehicle that day", with
   * no travel times asked either (planning: nothing to plan, or nobody works that day).
   */
  skip?: (day: DayPoints) => boolean;
  /** The new plan version from the routed day. */
  version: (routed: RoutedDay) => NewVersion;
  /** The audit action (default `plan`). */
  action?: AuditEntry['action'];
}

export async function runPipeline(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids'>,
  run: PipelineRun,
): Promise<{ plan: Plan; routed: RoutedDay; messages: number }> {
  const { loaded } = run;
  // vehicles the dispatcher took out of service for the day are left out (board/out-of-service.ts)
  const vehicles = inServiceThatDay(loaded);
  const inService = new Set(vehicles.filter((v) => v.active).map((v) => v.id));
  const kept = keptRequests(loaded.plan, loaded.requests, inService);
  const input: DayInput = {
    hromada: loaded.hromada,
    date: loaded.date,
    requests: run.requests(kept),
    vehicles,
    depots: loaded.depots,
    ...(loaded.pinned ? { pinned: loaded.pinned } : {}),
    ...(loaded.zones ? { zones: loaded.zones } : {}),
  };
  const day = dayPoints(input, kept);
  const routed = run.skip?.(day)
    ? nothingToRoute(day)
    : await routeDay(ports, loaded, input, day, run.engine);
  const next = run.version(routed);
  await commitVersion(ports, { loaded, actor: run.actor, action: run.action ?? 'plan', ...next });
  return { plan: next.plan, routed, messages: next.messages?.length ?? 0 };
}

/** Problem, engine step, checker, merge. */
async function routeDay(
  ports: Pick<Ports, 'travel'>,
  loaded: LoadedDay,
  input: DayInput,
  day: DayPoints,
  engine: EngineStep,
): Promise<RoutedDay> {
  // a day under way keeps what was done and who is on board; the rest is planned afresh
  const underWay = dayUnderWay({
    day,
    date: loaded.date,
    timeZone: loaded.hromada.timeZone,
    plan: loaded.plan,
    requests: loaded.requests,
    now: loaded.now,
  });
  const { matrices, record } = await dayTravel(ports.travel, input, day);
  const problem = dayProblem(input, day, matrices, underWay);
  const solution = await engine.run(problem, underWay, day);
  // the independent checker stands between the engine and the drivers: a plan that breaks a
  // window, a ride time, a seat or a confidential ride is never saved
  const check = checkSolution(problem, solution, checkContext(input, day));
  if (!check.feasible) throw new CheckerRefusal(engine.what, check.violations);
  const fresh = dayPlan(day, solution);
  return {
    day,
    // a locked request stays locked wherever it is
    ...withLockFlags(mergeRoutes(day, underWay, fresh, loaded.plan), loaded.plan),
    unassigned: fresh.unassigned,
    travelTimes: record,
  };
}

/** The danger zones and where each point is, for the checker's zone family (zones.ts). */
function checkContext(input: DayInput, day: DayPoints): CheckContext {
  if (!input.zones?.length) return {};
  return { zones: { polygons: input.zones, locations: day.points.map((p) => [p.lon, p.lat]) } };
}

/** A day the engine is not asked about: no travel times, no engine, nobody routed. */
function nothingToRoute(day: DayPoints): RoutedDay {
  const unassigned = day.requests.map((r) => ({ requestId: r.id, reason: NO_VEHICLE_THAT_DAY }));
  return { day, routes: [], changed: [], unassigned };
}

/** The new plan version, its audit entry and its messages: one transaction. */
export async function commitVersion(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  v: NewVersion & { loaded: LoadedDay; actor: Actor; action: AuditEntry['action'] },
): Promise<void> {
  const { loaded } = v;
  const write: Change = loaded.plan
    ? { op: 'update', entity: 'Plan', item: v.plan, expectedVersion: loaded.plan.version }
    : { op: 'create', entity: 'Plan', item: v.plan };
  await ports.entities.commit([
    write,
    auditChange(ports, loaded.hromada, v.actor, v.action, 'Plan', loaded.date, v.fields),
    ...(v.messages ?? []),
  ]);
}
