import type { EntityName } from '../../domain/registry';
import { type EntityOf, parseStored } from '../../domain/stored-entities';
import type { TourStores } from '../../ports/stores';
import {
  agreementsByProvider,
  toursByProvider,
  tourVisitsByHromada,
  tourVisitsByProvider,
} from './entities/tours';
import { hromadaPk } from './keys';
import type { QueryInput, TableReads } from './table-reads';
import { type IndexName, TABLE_SCHEMA } from './table-schema';

/** The regional tours' reads (docs/data-model.md, RT1–RT7) on the single table. */
export function dynamoDbTourStores(reads: TableReads): TourStores {
  const get = <E extends EntityName>(entity: E, scope: string, id: string) =>
    reads.getEntity(entity, scope, id);
  /** Every page of a query, each item parsed as its entity. */
  const all = <E extends EntityName>(entity: E, input: QueryInput): Promise<EntityOf<E>[]> =>
    reads.queryAll(input, (i) => parseStored(entity, i));
  const byIndex = (index: IndexName, pk: string, range?: [string, string]) => {
    const names = TABLE_SCHEMA.indexes[index];
    return {
      IndexName: index,
      KeyConditionExpression: `${names.partitionKey} = :pk${range ? ` AND ${names.sortKey} BETWEEN :from AND :to` : ''}`,
      ExpressionAttributeValues: { ':pk': pk, ...(range ? { ':from': range[0], ':to': range[1] } : {}) },
    };
  };
  return {
    agreement: (hromadaId, providerId) => get('ServiceAgreement', hromadaId, providerId),
    agreementsOf: (hromadaId) =>
      all('ServiceAgreement', {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': hromadaPk(hromadaId), ':prefix': 'AGREEMENT#' },
      }),
    agreementsOfProvider: (providerId) =>
      all('ServiceAgreement', byIndex(agreementsByProvider.index, agreementsByProvider.pk(providerId))),
    visit: (hromadaId, id) => get('TourVisit', hromadaId, id),
    visitsOf: (hromadaId, from, to) =>
      all(
        'TourVisit',
        byIndex(tourVisitsByHromada.index, tourVisitsByHromada.pk(hromadaId), [from, `${to}#~`]),
      ),
    visitsOfProvider: (providerId, from, to) =>
      all(
        'TourVisit',
        byIndex(tourVisitsByProvider.index, tourVisitsByProvider.pk(providerId), [from, `${to}#~`]),
      ),
    get: (id) => get('Tour', '-', id),
    ofProvider: (providerId) => all('Tour', byIndex(toursByProvider.index, toursByProvider.pk(providerId))),
    job: (id) => get('TourJob', '-', id),
    jobGuard: (providerId) => get('TourJobGuard', '-', providerId),
  };
}
