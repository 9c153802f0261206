import type { ServiceAgreement } from '../../../domain/entities/service-agreement';
import type { Tour } from '../../../domain/entities/tour';
import type { TourJob, TourJobGuard } from '../../../domain/entities/tour-job';
import type { TourVisit } from '../../../domain/entities/tour-visit';
import { INDEX } from '../table-schema';
import type { EntityLayout } from './layout';
import { indexKeys, inHromada } from './layout';

/** RT2: a provider's agreements (one per hromada it serves). */
export const agreementsByProvider = {
  index: INDEX.agreementsByProvider,
  pk: (providerId: string) => `AGREEMENTS#${providerId}`,
} as const;

/** RT4: a hromada's tour visits by date. */
export const tourVisitsByHromada = {
  index: INDEX.tourVisitsByHromada,
  pk: (hromadaId: string) => `TOURVISITS#${hromadaId}`,
  sk: (v: Pick<TourVisit, 'date' | 'id'>) => `${v.date}#${v.id}`,
} as const;

/** RT5: a provider's visits across hromady by date. */
export const tourVisitsByProvider = {
  index: INDEX.tourVisitsByProvider,
  pk: (providerId: string) => `TOURVISITS#P#${providerId}`,
  sk: (v: Pick<TourVisit, 'date' | 'hromadaId' | 'id'>) => `${v.date}#${v.hromadaId}#${v.id}`,
} as const;

/** RT7: a provider's tours by first date. */
export const toursByProvider = {
  index: INDEX.toursByProvider,
  pk: (providerId: string) => `TOURS#${providerId}`,
} as const;

/** A hromada's agreement with a provider: `AGREEMENT#<provider>` in the hromada's partition (RT1). */
export const serviceAgreementLayout = inHromada<ServiceAgreement>('ServiceAgreement', 'AGREEMENT', (a) =>
  indexKeys(agreementsByProvider.index, agreementsByProvider.pk(a.providerId), a.hromadaId),
);

/** A tour visit: the hromada's own partition, listed for the hromada and for the provider. */
export const tourVisitLayout = inHromada<TourVisit>('TourVisit', 'TOURVISIT', (v) => ({
  ...indexKeys(tourVisitsByHromada.index, tourVisitsByHromada.pk(v.hromadaId), tourVisitsByHromada.sk(v)),
  ...indexKeys(tourVisitsByProvider.index, tourVisitsByProvider.pk(v.providerId), tourVisitsByProvider.sk(v)),
}));

/** A tour: its own partition `TOUR#<id>` (it spans hromady), listed per provider (RT6, RT7). */
const tourKey = (_scope: string, id: string) => ({ pk: `TOUR#${id}`, sk: 'TOUR' });
export const tourLayout: EntityLayout<Tour> = {
  entity: 'Tour',
  key: tourKey,
  skPrefix: 'TOUR',
  keysOf: (t) => ({
    ...tourKey(t.hromadaId, t.id),
    ...indexKeys(toursByProvider.index, toursByProvider.pk(t.providerId), `${t.days[0]?.date ?? ''}#${t.id}`),
  }),
};

/** A tour job: its own partition `TOURJOB#<id>` (RT9, RT10), read by id only. */
const tourJobKey = (_scope: string, id: string) => ({ pk: `TOURJOB#${id}`, sk: 'TOURJOB' });
export const tourJobLayout: EntityLayout<TourJob> = {
  entity: 'TourJob',
  key: tourJobKey,
  skPrefix: 'TOURJOB',
  keysOf: (j) => tourJobKey(j.hromadaId, j.id),
};

/** A provider's tour-job guard: `TOURJOBS#<provider>` / `GUARD` (RT9), id = the provider's id. */
const tourJobGuardKey = (_scope: string, providerId: string) => ({
  pk: `TOURJOBS#${providerId}`,
  sk: 'GUARD',
});
export const tourJobGuardLayout: EntityLayout<TourJobGuard> = {
  entity: 'TourJobGuard',
  key: tourJobGuardKey,
  skPrefix: 'GUARD',
  keysOf: (g) => tourJobGuardKey(g.hromadaId, g.id),
};
