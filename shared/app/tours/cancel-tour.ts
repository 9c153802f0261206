/**
 * The provider cancels a tour that has not started (pattern RT11): the tour is marked cancelled,
 * each visit still on it goes back to unplanned (the next tour over its date takes it), one
 * transaction at the versions read, with a `cancel` audit entry in the provider's home hromada and
 * in every hromada with a visit on the tour.
 */
import type { Actor } from '../../domain/actor';
import type { Tour } from '../../domain/entities/tour';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { localToUtc } from '../../domain/time';
import type { Change } from '../../ports/entity-repository';
import { auditChange } from '../audit';
import { staleVersion, unplanned } from './take-off-tour';
import { requireHromada, type TourWritePorts } from './tour-ports';

export interface CancelTourInput {
  /** The tour's version the provider last saw. */
  version: number;
  reason?: string;
}

export async function cancelTour(
  ports: TourWritePorts,
  providerId: string,
  tourId: string,
  input: CancelTourInput,
  actor: Actor,
): Promise<Tour> {
  const tour = await ports.entities.tours.get(tourId);
  if (!tour || tour.providerId !== providerId) throw new NotFoundError('Tour', tourId);
  if (tour.cancelled)
    throw new ConflictError(`tour ${tourId} is cancelled`, tour.version, {
      code: 'tour-cancelled',
      reason: 'Тур уже скасовано.',
    });
  const first = tour.days[0];
  // started once the first day's working hours began (Kyiv time), not only from the next day on
  if (first && localToUtc(first.date, first.start).getTime() <= ports.clock.now().getTime())
    throw new ConflictError(`tour ${tourId} has started`, tour.version, {
      code: 'tour-started',
      reason: 'Тур уже почався: скасувати можна лише тур, який ще не почався.',
    });
  if (tour.version !== input.version) throw staleVersion('Tour', tourId, tour.version, input.version);
  const home = await requireHromada(ports, tour.hromadaId);
  const at = ports.clock.now().toISOString();
  const cancelled: Tour = {
    ...tour,
    cancelled: { at, by: actor, ...(input.reason ? { reason: input.reason } : {}) },
    version: tour.version + 1,
    updatedAt: at,
  };
  const changes: Change[] = [
    { op: 'update', entity: 'Tour', item: cancelled, expectedVersion: tour.version },
    auditChange(ports, home, actor, 'cancel', 'Tour', tour.id, ['cancelled']),
  ];
  for (const stop of tour.days.flatMap((d) => d.stops)) {
    const visit = await ports.entities.tours.visit(stop.hromadaId, stop.visitId);
    if (visit?.planned?.tourId !== tour.id) continue;
    const item = unplanned(visit, at);
    changes.push({ op: 'update', entity: 'TourVisit', item, expectedVersion: visit.version });
  }
  for (const hromadaId of tour.hromadaIds) {
    if (hromadaId === home.id) continue;
    const hromada = await ports.entities.hromady.get(hromadaId);
    if (hromada) changes.push(auditChange(ports, hromada, actor, 'cancel', 'Tour', tour.id, ['planned']));
  }
  await ports.entities.commit(changes);
  return cancelled;
}
