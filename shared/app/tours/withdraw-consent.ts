/**
 * A hromada withdraws its consent to a provider from a date on (pattern RT13). From that date the
 * provider cannot plan the hromada's visits (agreementCovers) nor can new ones be booked; the
 * hromada's visits already planned on a tour from that date are taken off their tours
 * («громада відкликала згоду з цієї дати») and go back to unplanned. They are taken off, not
 * refused with a 409: the consent is the hromada's to withdraw, and a provider's plan must not keep
 * the hromada's residents on a tour it no longer agrees to. One transaction at the versions read:
 * the agreement, the visits, the tours, a `withdraw` audit entry in the hromada and an `update`
 * entry per tour in the provider's home hromada.
 */
import type { Actor } from '../../domain/actor';
import type { ServiceAgreement } from '../../domain/entities/service-agreement';
import type { TourVisit } from '../../domain/entities/tour-visit';
import { ConflictError, LimitError, NotFoundError, ValidationError } from '../../domain/errors';
import { localDate } from '../../domain/time';
import type { Change } from '../../ports/entity-repository';
import { auditChange } from '../audit';
import { CONSENT_WITHDRAWN, staleVersion, takeOffTour, unplanned } from './take-off-tour';
import { requireHromada, type TourWritePorts } from './tour-ports';

/**
 * One transaction: the agreement, its audit entry, the visits, their tours and audit entries, and
 * the Idempotency-Key's record a call with a key adds to it (answer-once.ts): 100 items less that one.
 */
const MAX_ITEMS = 100 - 1;

export interface WithdrawConsentInput {
  /** The agreement's version the admin last saw. */
  version: number;
  /** The first date without consent (local); absent: today. */
  from?: string;
  reason?: string;
}

export async function withdrawConsent(
  ports: TourWritePorts,
  hromadaId: string,
  providerId: string,
  input: WithdrawConsentInput,
  actor: Actor,
): Promise<ServiceAgreement> {
  const hromada = await requireHromada(ports, hromadaId);
  const agreement = await ports.entities.tours.agreement(hromadaId, providerId);
  if (!agreement) throw new NotFoundError('ServiceAgreement', providerId);
  if (agreement.withdrawn)
    throw new ConflictError(`consent to ${providerId} withdrawn`, agreement.version, {
      code: 'consent-withdrawn',
      reason: `Згоду вже відкликано з ${agreement.withdrawn.from}.`,
    });
  const today = localDate(ports.clock.now());
  const from = input.from ?? today;
  if (from < today)
    throw new ValidationError('withdrawal before today', [{ path: 'from', message: 'before today' }], {
      reason: 'Відкликати згоду можна від сьогодні або від майбутньої дати, не заднім числом.',
    });
  if (agreement.version !== input.version)
    throw staleVersion('ServiceAgreement', providerId, agreement.version, input.version);
  const at = ports.clock.now().toISOString();
  const withdrawn = { from, at, by: actor, ...(input.reason ? { reason: input.reason } : {}) };
  const item = { ...agreement, withdrawn, version: agreement.version + 1, updatedAt: at };
  const changes: Change[] = [
    { op: 'update', entity: 'ServiceAgreement', item, expectedVersion: agreement.version },
    auditChange(ports, hromada, actor, 'withdraw', 'ServiceAgreement', providerId, ['withdrawn']),
    ...(await offTheirTours(ports, hromada, providerId, from, at, actor)),
  ];
  if (changes.length > MAX_ITEMS)
    throw new LimitError(`${changes.length} items in one withdrawal`, {
      code: 'withdrawal-too-large',
      reason: 'Забагато запланованих візитів після цієї дати: спершу скасуйте частину візитів.',
    });
  await ports.entities.commit(changes);
  return item;
}

/** The hromada's visits planned from `from` on: off their tours, each tour once. */
async function offTheirTours(
  ports: TourWritePorts,
  hromada: { id: string; rules: { retentionDays: { audit: number } } },
  providerId: string,
  from: string,
  at: string,
  actor: Actor,
): Promise<Change[]> {
  const planned = (await ports.entities.tours.visitsOf(hromada.id, from, '9999-12-31')).filter(
    (v) => v.providerId === providerId && v.planned && !v.cancelled,
  );
  const byTour = new Map<string, TourVisit[]>();
  for (const v of planned) byTour.set(v.planned!.tourId, [...(byTour.get(v.planned!.tourId) ?? []), v]);
  const changes: Change[] = planned.map((v) => ({
    op: 'update',
    entity: 'TourVisit',
    item: unplanned(v, at),
    expectedVersion: v.version,
  }));
  for (const [tourId, visits] of byTour) {
    const tour = await ports.entities.tours.get(tourId);
    if (!tour || tour.cancelled) continue;
    const updated = takeOffTour(tour, visits, CONSENT_WITHDRAWN, at);
    changes.push({ op: 'update', entity: 'Tour', item: updated, expectedVersion: tour.version });
    const home = tour.hromadaId === hromada.id ? hromada : await requireHromada(ports, tour.hromadaId);
    changes.push(auditChange(ports, home, actor, 'update', 'Tour', tour.id, ['days', 'unassigned']));
  }
  return changes;
}
