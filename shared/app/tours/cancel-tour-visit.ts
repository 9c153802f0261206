/**
 * A hromada cancels one of its tour visits (pattern RT12): the visit is marked cancelled (never
 * planned again) and, when it is on a tour, the tour's stop for it leaves the day and is listed
 * unassigned, «візит скасувала громада», so the provider's view and the hromada's agree. One
 * transaction at the versions read: the visit, the tour, a `cancel` audit entry in the hromada and
 * an `update` entry for the tour in the provider's home hromada.
 */
import type { Actor } from '../../domain/actor';
import type { TourVisit } from '../../domain/entities/tour-visit';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { localDate } from '../../domain/time';
import type { Change } from '../../ports/entity-repository';
import { auditChange } from '../audit';
import { CANCELLED_BY_HROMADA, staleVersion, takeOffTour, unplanned } from './take-off-tour';
import { requireHromada, type TourWritePorts } from './tour-ports';

export interface CancelTourVisitInput {
  /** The visit's version the dispatcher last saw. */
  version: number;
  reason?: string;
}

export async function cancelTourVisit(
  ports: TourWritePorts,
  hromadaId: string,
  visitId: string,
  input: CancelTourVisitInput,
  actor: Actor,
): Promise<TourVisit> {
  const hromada = await requireHromada(ports, hromadaId);
  const visit = await ports.entities.tours.visit(hromadaId, visitId);
  if (!visit) throw new NotFoundError('TourVisit', visitId);
  if (visit.cancelled)
    throw new ConflictError(`tour visit ${visitId} is cancelled`, visit.version, {
      code: 'tour-visit-cancelled',
      reason: 'Візит уже скасовано.',
    });
  if (visit.date < localDate(ports.clock.now()))
    throw new ConflictError(`tour visit ${visitId} is past`, visit.version, {
      code: 'tour-visit-past',
      reason: 'Дата візиту минула: скасувати можна лише майбутній візит.',
    });
  if (visit.version !== input.version) throw staleVersion('TourVisit', visitId, visit.version, input.version);
  const at = ports.clock.now().toISOString();
  const cancelled = { at, by: actor, ...(input.reason ? { reason: input.reason } : {}) };
  const item = unplanned(visit, at, { cancelled });
  const changes: Change[] = [
    { op: 'update', entity: 'TourVisit', item, expectedVersion: visit.version },
    auditChange(ports, hromada, actor, 'cancel', 'TourVisit', visit.id, [
      'cancelled',
      ...(visit.planned ? ['planned'] : []),
    ]),
  ];
  const tour = visit.planned ? await ports.entities.tours.get(visit.planned.tourId) : undefined;
  if (tour && !tour.cancelled) {
    const updated = takeOffTour(tour, [visit], CANCELLED_BY_HROMADA, at);
    changes.push({ op: 'update', entity: 'Tour', item: updated, expectedVersion: tour.version });
    const home = tour.hromadaId === hromada.id ? hromada : await requireHromada(ports, tour.hromadaId);
    changes.push(auditChange(ports, home, actor, 'update', 'Tour', tour.id, ['days', 'unassigned']));
  }
  await ports.entities.commit(changes);
  return item;
}
