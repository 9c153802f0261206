import type { Clock } from './clock';
import type { EntityRepository } from './entity-repository';
import type { Ids } from './ids';
import type { OutboxRepository } from './outbox-repository';
import type { PlanJobRunner, PlanJobStore } from './plan-jobs';
import type { RouteGeometry } from './route-geometry';
import type { RouteSolver } from './route-solver';
import type { SmsSender } from './sms-sender';
import type { TravelTimes } from './travel-times';

/**
 * Every port, as one bundle: a use case names the ones it takes (`Pick<Ports, 'entities' | …>`),
 * and `shared/adapters/ports-from-config.ts` wires the bundle once per function.
 */
export interface Ports {
  entities: EntityRepository;
  outbox: OutboxRepository;
  sms: SmsSender;
  travel: TravelTimes;
  /** The road a route drives, for the map (openrouteservice Directions, or straight lines). */
  routeLines: RouteGeometry;
  clock: Clock;
  ids: Ids;
  /** Runs the routing engine (in process, or in a worker thread on the local platform). */
  solver: RouteSolver;
  /** Background planning jobs: their items, and how a run is started. */
  planJobs: PlanJobStore;
  planJobRunner: PlanJobRunner;
}
