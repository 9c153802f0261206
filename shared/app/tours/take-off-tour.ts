/**
 * Taking visits off a planned tour (a hromada cancelled one, or withdrew its consent): their stops
 * leave the tour's days and join its unassigned list with the reason, so the provider's view (the
 * whole tour) and the hromada's (its visits, and where each is) say the same. The other stops keep
 * their times: the brigade may only be early at the next one and wait. The visit itself loses
 * `planned` in the same transaction (the caller's).
 */
import type { Tour } from '../../domain/entities/tour';
import type { TourVisit } from '../../domain/entities/tour-visit';
import { ConflictError } from '../../domain/errors';

export const CANCELLED_BY_HROMADA = 'візит скасувала громада';
export const CONSENT_WITHDRAWN = 'громада відкликала згоду з цієї дати';

/** The tour without these visits' stops, each listed unassigned with the reason; one version on. */
export function takeOffTour(
  tour: Tour,
  visits: Pick<TourVisit, 'id' | 'hromadaId'>[],
  reason: string,
  at: string,
): Tour {
  const ids = new Set(visits.map((v) => v.id));
  return {
    ...tour,
    days: tour.days.map((d) => ({ ...d, stops: d.stops.filter((s) => !ids.has(s.visitId)) })),
    unassigned: [
      ...tour.unassigned.filter((u) => !ids.has(u.visitId)),
      ...visits.map((v) => ({ visitId: v.id, hromadaId: v.hromadaId, reason })),
    ],
    version: tour.version + 1,
    updatedAt: at,
  };
}

/** The visit as it is once off its tour: no `planned`, one version on. */
export function unplanned(visit: TourVisit, at: string, change: Partial<TourVisit> = {}): TourVisit {
  const { planned: _planned, ...rest } = visit;
  return { ...rest, ...change, version: visit.version + 1, updatedAt: at };
}

/** A write based on a version the reader no longer has: 409 with the current one and a reason. */
export function staleVersion(
  what: 'Tour' | 'TourVisit' | 'ServiceAgreement',
  id: string,
  current: number,
  had: number,
) {
  const names = {
    Tour: 'Тур змінився',
    TourVisit: 'Візит змінився',
    ServiceAgreement: 'Угода змінилася',
  } as const;
  return new ConflictError(`${what} ${id} is at version ${current}, not ${had}`, current, {
    code: 'stale-version',
    reason: `${names[what]} відтоді, як ви його відкрили (версія ${current}, у вас ${had}): оновіть і спробуйте ще раз.`,
  });
}
