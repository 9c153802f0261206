/**
 * One hand edit of a day's plan on the dispatcher's board, the way every board edit goes: the plan
 * at the version the dispatcher saw (409 otherwise), the edit's engine step through the planning
 * pipeline (its checker checks the whole changed plan: a refusal is a 422 and nothing is saved),
 * then the new plan version, its audit entry and — on a published plan — the new route for each
 * driver whose route changed (and only them, by the digests of what they were sent) in one
 * transaction; last, the requests follow the plan (follow-plan.ts).
 */
import type { Actor } from '../../../domain/actor';
import type { Plan } from '../../../domain/entities/plan';
import type { ServiceRequest } from '../../../domain/entities/service-request';
import { UnprocessableError } from '../../../domain/errors';
import type { Ports } from '../../../ports/ports';
import { CheckerRefusal } from '../checker-refusal';
import { followPlan } from '../follow-plan';
import { type LoadedDay, loadDayToChange } from '../load-day';
import { type EngineStep, type NewVersion, type RoutedDay, runPipeline } from '../pipeline';
import { driverUpdates } from '../route-messages';

export type BoardPorts = Pick<Ports, 'entities' | 'travel' | 'clock' | 'ids'>;

/** Which plan, at which version, by whom. */
export interface BoardTarget {
  hromadaId: string;
  date: string;
  /** The plan version the dispatcher saw. */
  version: number;
  actor: Actor;
}

/** What one edit does. */
export interface BoardEdit {
  /** The plan as the edit means it before routing (lock flags, vehicles out of service); default: as read. */
  plan?: Plan;
  /** The requests that take part, given those the day keeps on its routes. */
  requests: (kept: ReadonlySet<string>) => ServiceRequest[];
  engine: EngineStep;
  /** The new version's unassigned list, from the current one. */
  unassigned: (current: Plan['unassigned']) => Plan['unassigned'];
  /** The plan's fields it changes, for the audit entry. */
  fields: string[];
}

/** Said when the checker refuses the changed plan (its violations go to the log message). */
const CHECKER_REFUSED = 'план із цією зміною не пройшов перевірку обмежень';

export async function changeBoard(
  ports: BoardPorts,
  target: BoardTarget,
  edit: (loaded: LoadedDay<Plan>) => Promise<BoardEdit | undefined>,
): Promise<Plan> {
  const { hromadaId, date, version: expectedVersion, actor } = target;
  const loaded = await loadDayToChange(ports, { hromadaId, date, expectedVersion }, { openDayOnly: true });
  const change = await edit(loaded);
  if (!change) return loaded.plan; // nothing to change
  const intended: LoadedDay<Plan> = { ...loaded, plan: change.plan ?? loaded.plan };
  let plan: Plan;
  try {
    ({ plan } = await runPipeline(ports, {
      loaded: intended,
      actor,
      action: 'board-edit',
      requests: change.requests,
      engine: change.engine,
      skip: (day) => day.requests.length === 0,
      version: (routed) => boardVersion(ports, intended, routed, change),
    }));
  } catch (error) {
    if (!(error instanceof CheckerRefusal)) throw error;
    throw new UnprocessableError(error.message, { reason: CHECKER_REFUSED });
  }
  await followPlan(ports, hromadaId, plan);
  return plan;
}

/** The new version; on a published plan, the new route of each driver whose route changed. */
function boardVersion(
  ports: Pick<Ports, 'clock'>,
  loaded: LoadedDay<Plan>,
  { routes, unassigned: left }: RoutedDay,
  change: BoardEdit,
): NewVersion {
  const current = loaded.plan;
  const version = current.version + 1;
  const routed = new Set(routes.flatMap((r) => r.stops.map((s) => s.requestId)));
  // the edit's list first (its reasons win), then anything the engine left out: nothing vanishes
  const unassigned = [...change.unassigned(current.unassigned), ...left].filter(
    (u, k, list) => !routed.has(u.requestId) && list.findIndex((x) => x.requestId === u.requestId) === k,
  );
  const plan: Plan = { ...current, routes, unassigned, version, updatedAt: loaded.now.toISOString() };
  if (current.status !== 'published') return { plan, fields: change.fields };
  // every route goes in: a driver already sent the same text gets nothing, one whose route went is told
  const updates = driverUpdates(
    ports,
    loaded,
    version,
    routes.filter((r) => r.stops.length > 0),
    current.sent,
  );
  return { plan: { ...plan, sent: updates.sent }, fields: change.fields, messages: updates.changes };
}

/** The route a request is on, if any. */
export function routeOf(plan: Plan, requestId: string): Plan['routes'][number] | undefined {
  return plan.routes.find((r) => r.stops.some((s) => s.requestId === requestId));
}
