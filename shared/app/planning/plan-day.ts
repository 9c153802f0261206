/**
 * Plan a hromada's day: the day's requests, vehicles and depots, travel times between them, the
 * routing engine within a time limit, and the result saved as a new version of the day's plan (with
 * its audit entry, in one transaction). Re-planning needs the version last read (a stale one is a
 * 409); on the day itself the stops already made and the passengers on board stay, each vehicle on
 * the road starts from its last stop now, and the rest is planned afresh. A past day is not planned.
 */

import type { Actor } from '../../domain/actor';
import { type Plan, planSchema } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import type { Ports } from '../../ports/ports';
import type { RouteSolveOptions, RouteSolver } from '../../ports/route-solver';
import { followCaseStops } from '../mobile-case/follow-case-stops';
import { keepLockedOrder } from './board/locks';
import { followPlan } from './follow-plan';
import { loadDayToPlan } from './load-day';
import { type EngineStep, runPipeline } from './pipeline';
import { alreadyAlerted, unassignedAlerts } from './unassigned-alerts';

export interface PlanDayOptions {
  /** The engine's time budget. */
  timeLimitMs: number;
  /** Tests: a fixed number of engine iterations instead of the clock. */
  maxIterations?: number;
  seed?: number;
  /** The plan version the caller last read (absent: the day must have no plan yet). */
  expectedVersion?: number;
  /** The engine's best so far, as it improves (a background job writes it). */
  onProgress?: RouteSolveOptions['onProgress'];
  /**
   * The requests as this planning sees them (not stored): the re-plan after an air-raid alert
   * gives the windows it ran over more room (air-raid/replan-after-air-raid.ts).
   */
  adjust?: (request: ServiceRequest) => ServiceRequest;
}

export async function planDay(
  ports: Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids' | 'solver'>,
  hromadaId: string,
  date: string,
  actor: Actor,
  options: PlanDayOptions,
): Promise<Plan> {
  const loaded = await loadDayToPlan(ports, { hromadaId, date, expectedVersion: options.expectedVersion });
  const previous = loaded.plan;
  const alerted = await alreadyAlerted(ports, hromadaId, date);
  const { plan } = await runPipeline(ports, {
    loaded,
    actor,
    requests: () => (options.adjust ? loaded.requests.map(options.adjust) : loaded.requests),
    // a locked request stays on its vehicle, in its order among the vehicle's locked stops
    engine: keepLockedOrder((share) =>
      solveStep(ports.solver, { ...options, timeLimitMs: options.timeLimitMs * share }),
    ),
    // nothing to plan, or nobody works that day
    skip: (day) => day.requests.length === 0 || day.vehicles.length === 0,
    version: ({ day, routes, unassigned, travelTimes }) => {
      const at = loaded.now.toISOString();
      const plan: Plan = planSchema.parse({
        id: date,
        hromadaId,
        version: (previous?.version ?? 0) + 1,
        createdAt: previous?.createdAt ?? at,
        updatedAt: at,
        date,
        routes,
        // requests whose times fall outside their day first, with their reason
        unassigned: [...day.refused, ...unassigned],
        status: 'draft',
        // what the drivers were last sent stays known, so the next publish sends only what changed
        ...(previous?.sent ? { sent: previous.sent } : {}),
        // vehicles out of service for the day stay out (board/out-of-service.ts)
        ...(previous?.outOfService?.length ? { outOfService: previous.outOfService } : {}),
        // where the travel times came from, and how many were estimated: the dispatcher sees it
        ...(travelTimes ? { travelTimes } : {}),
      });
      return {
        plan,
        fields: ['routes', 'unassigned', 'status', ...(travelTimes ? ['travelTimes'] : [])],
        // each request left out: one alert for the dispatcher, with this version
        messages: unassignedAlerts(ports, loaded.hromada, date, plan.unassigned, loaded.requests, alerted),
      };
    },
  });
  await followPlan(ports, hromadaId, plan);
  await followCaseStops(ports, hromadaId, plan);
  return plan;
}

/** The whole day solved afresh by the route solver (in process, or in a worker thread locally). */
function solveStep(solver: RouteSolver, options: PlanDayOptions): EngineStep {
  return {
    what: 'plan',
    run: (problem) =>
      solver.solve(problem, {
        timeLimitMs: options.timeLimitMs,
        seed: options.seed ?? 1,
        ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      }),
  };
}
