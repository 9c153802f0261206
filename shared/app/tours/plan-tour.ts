/**
 * Plan a provider's tour (POST /providers/{p}/tours): the provider's visits on the tour's dates,
 * only those of hromady whose agreement covers the date; the planner (solve-tour.ts), the tour
 * checker, then one transaction: the tour, each planned visit's place on it (at its version) and
 * an audit entry in the provider's home hromada and in every hromada with a visit on it.
 */
import type { Actor } from '../../domain/actor';
import { agreementCovers, type ServiceAgreement } from '../../domain/entities/service-agreement';
import type { Tour, TourCreate } from '../../domain/entities/tour';
import type { TourVisit } from '../../domain/entities/tour-visit';
import { ConflictError, LimitError, NotFoundError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { checkTour } from '../../routing/checker/tour';
import type { TourSolution } from '../../routing/tour-format';
import type { SolveProgress } from '../../routing/vroom-format';
import { auditChange } from '../audit';
import { CheckerRefusal } from '../planning/checker-refusal';
import { solveTour } from './solve-tour';
import { requireHromada } from './tour-ports';
import { type BuiltTour, buildTourProblem, hhmmOf } from './tour-problem';

/** A tour's transaction: the tour, its visits, the audit entries (≤ 100 items). */
export const MAX_TOUR_VISITS = 80;

export const NO_CONSENT = 'немає згоди громади на цю дату';
const NO_DAY = 'у цей день бригада не працює в турі';
const NO_ROOM = 'не вміщується в робочий день туру';

export type PlanTourPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel' | 'solver'>;

/** A tour's planning budget when neither the request nor the provider says (seconds). */
export const TOUR_SECONDS_DEFAULT = 10;

export interface PlanTourOptions {
  /** The planner's budget; absent: the request's `seconds`, else TOUR_SECONDS_DEFAULT. */
  timeLimitMs?: number;
  /** Tests and the demo: a fixed number of engine iterations per day solve. */
  maxIterations?: number;
  onProgress?: (progress: SolveProgress) => void;
  /** Changes written in the tour's own transaction (the job's end), given the tour. */
  also?: (tour: Tour) => Promise<Change[]>;
}

export async function planTour(
  ports: PlanTourPorts,
  providerId: string,
  input: TourCreate,
  actor: Actor,
  options: PlanTourOptions = {},
): Promise<Tour> {
  const home = await requireHromada(ports, input.providerHromadaId);
  const provider = await ports.entities.registry.get(registryKinds.providers, home.id, providerId);
  if (!provider) throw new NotFoundError('Provider', providerId);
  const first = input.days[0]?.date ?? '';
  const last = input.days[input.days.length - 1]?.date ?? '';
  const candidates = (await ports.entities.tours.visitsOfProvider(providerId, first, last)).filter(
    (v) => !v.planned && !v.cancelled,
  );
  const agreements = new Map(
    (await ports.entities.tours.agreementsOfProvider(providerId)).map((a) => [a.hromadaId, a]),
  );
  const consented = candidates.filter((v) => agreementCovers(agreements.get(v.hromadaId), v.date));
  assertOneTransaction(candidates, consented, home.id);
  const built = await buildTourProblem(ports.travel, input, consented);
  const solution = await solveTour(ports.solver, built.problem, {
    timeLimitMs: options.timeLimitMs ?? (input.seconds ?? TOUR_SECONDS_DEFAULT) * 1000,
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const check = checkTour(built.problem, solution);
  if (!check.feasible) throw new CheckerRefusal('tour', check.violations);
  const tour = tourOf(ports, providerId, input, built, solution, check, candidates, consented);
  const changes = [
    ...(await tourChanges(ports, home, tour, built.visits, actor)),
    ...consentStillGiven(consented, agreements),
    ...((await options.also?.(tour)) ?? []),
  ];
  try {
    await ports.entities.commit(changes);
  } catch (error) {
    if (error instanceof ConflictError && error.reason === undefined) throw changedMeanwhile(error);
    throw error;
  }
  return tour;
}

/** DynamoDB's most items in one transaction. */
const TRANSACTION_ITEMS = 100;
/** The tour's transaction besides its visits, audit entries of other hromady and agreement checks: the tour, the home audit, the job's end. */
const TOUR_TRANSACTION_OVERHEAD = 3;

/**
 * A tour is saved in one transaction: the tour, each planned visit, an audit entry in the home
 * hromada and in every other hromada the tour names (`hromadaIds`: every candidate's, also those
 * left unassigned without consent, since the tour lists their visits), a check of each agreement
 * the visits were planned under, and the job's end. (The Idempotency-Key's record is not in it: it
 * was written with the job, RT9.) Refused before planning when that could pass DynamoDB's 100
 * items: at most MAX_TOUR_VISITS visits, and fewer when they come from many hromady.
 */
export function assertOneTransaction(
  candidates: readonly TourVisit[],
  consented: readonly TourVisit[],
  homeId: string,
): void {
  const others = new Set(candidates.map((v) => v.hromadaId).filter((h) => h !== homeId)).size;
  const checks = new Set(consented.map((v) => v.hromadaId)).size;
  const fixed = others + checks + TOUR_TRANSACTION_OVERHEAD;
  if (consented.length <= MAX_TOUR_VISITS && consented.length + fixed <= TRANSACTION_ITEMS) return;
  const most = Math.max(0, Math.min(MAX_TOUR_VISITS, TRANSACTION_ITEMS - fixed));
  throw new LimitError(`${consented.length} visits of ${others + 1} hromady on one tour`, {
    code: 'tour-too-many-visits',
    reason: `Забагато візитів для одного туру (${consented.length}, можна до ${most}): розділіть його.`,
  });
}

/**
 * Each agreement the tour's visits were planned under, checked at the version read: a hromada that
 * withdrew its consent while the tour was being solved changed it, and the tour is not saved (its
 * withdrawal only takes off visits already planned, so the tour must not commit the others).
 */
function consentStillGiven(
  consented: readonly TourVisit[],
  agreements: Map<string, ServiceAgreement>,
): Change[] {
  return [...new Set(consented.map((v) => v.hromadaId))].flatMap((hromadaId): Change[] => {
    const a = agreements.get(hromadaId);
    if (!a) return [];
    return [{ op: 'check', entity: 'ServiceAgreement', hromadaId, id: a.id, expectedVersion: a.version }];
  });
}

/** The tour's transaction failed on a version: an agreement or a visit changed while it was planned. */
function changedMeanwhile(error: ConflictError): ConflictError {
  return new ConflictError(error.message, error.currentVersion, {
    code: 'tour-changed',
    reason: 'Поки тур планувався, громада змінила згоду або візити: тур не збережено, сплануйте його ще раз.',
  });
}

function tourOf(
  ports: PlanTourPorts,
  providerId: string,
  input: TourCreate,
  built: BuiltTour,
  solution: TourSolution,
  check: { duration: number; distance: number },
  candidates: TourVisit[],
  consented: TourVisit[],
): Tour {
  const now = ports.clock.now().toISOString();
  const workDays = new Set(input.days.map((d) => d.date));
  const visitOf = (jobId: number) => built.visits[jobId - 1];
  const days = input.days.map((d, k) => {
    const routed = solution.days[k];
    const route = routed?.solution.routes[0];
    const steps = route?.steps ?? [];
    return {
      ...d,
      from: built.placeIds[routed?.start_index ?? 0] ?? input.depot.id,
      to: built.placeIds[routed?.end_index ?? 0] ?? input.depot.id,
      ...(route
        ? { leave: hhmmOf(steps[0]?.arrival ?? 0), arrive: hhmmOf(steps[steps.length - 1]?.arrival ?? 0) }
        : {}),
      stops: steps.flatMap((s) => {
        const visit = s.type === 'job' && s.id !== undefined ? visitOf(s.id) : undefined;
        if (!visit) return [];
        const start = s.arrival + s.waiting_time;
        return [
          {
            visitId: visit.id,
            hromadaId: visit.hromadaId,
            arrival: hhmmOf(start),
            departure: hhmmOf(s.departure ?? start + s.service),
          },
        ];
      }),
    };
  });
  const left = new Set(solution.unassigned);
  const unassigned = [
    ...candidates
      .filter((v) => !consented.includes(v))
      .map((v) => ({ visitId: v.id, hromadaId: v.hromadaId, reason: NO_CONSENT })),
    ...built.visits
      .filter((_v, i) => left.has(i + 1))
      .map((v) => ({
        visitId: v.id,
        hromadaId: v.hromadaId,
        reason: workDays.has(v.date) ? NO_ROOM : NO_DAY,
      })),
  ];
  return {
    id: ports.ids.next(),
    hromadaId: input.providerHromadaId,
    providerId,
    name: input.name,
    vehicle: input.vehicle,
    depot: input.depot,
    overnightPlaces: input.overnightPlaces,
    hromadaIds: [...new Set(candidates.map((v) => v.hromadaId))].sort(),
    days,
    unassigned,
    drivingMinutes: Math.round(check.duration / 60),
    km: Math.round(check.distance / 100) / 10,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

async function tourChanges(
  ports: PlanTourPorts,
  home: { id: string; rules: { retentionDays: { audit: number } } },
  tour: Tour,
  visits: TourVisit[],
  actor: Actor,
): Promise<Change[]> {
  const byId = new Map(visits.map((v) => [v.id, v]));
  const changes: Change[] = [
    { op: 'create', entity: 'Tour', item: tour },
    auditChange(ports, home, actor, 'plan', 'Tour', tour.id, ['days', 'unassigned']),
  ];
  for (const day of tour.days)
    for (const stop of day.stops) {
      const visit = byId.get(stop.visitId);
      if (!visit) continue;
      const planned = { tourId: tour.id, date: day.date, arrival: stop.arrival, departure: stop.departure };
      const item = { ...visit, planned, version: visit.version + 1, updatedAt: tour.createdAt };
      changes.push({ op: 'update', entity: 'TourVisit', item, expectedVersion: visit.version });
    }
  for (const hromadaId of tour.hromadaIds) {
    if (hromadaId === home.id) continue;
    const hromada = await ports.entities.hromady.get(hromadaId);
    if (hromada) changes.push(auditChange(ports, hromada, actor, 'plan', 'Tour', tour.id, ['planned']));
  }
  return changes;
}
