import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { EntityName } from '../../domain/registry';
import { type EntityOf, parseStored } from '../../domain/stored-entities';
import type { TourStores } from '../../ports/stores';
import {
  agreementsByProvider,
  toursByProvider,
  tourVisitsByHromada,
  tourVisitsByProvider,
} from './entities/tours';
import { entityKey, hromadaPk, withoutKeys } from './keys';
import { type IndexName, TABLE_SCHEMA } from './table-schema';

type Item = Record<string, unknown>;

/** The regional tours' reads (docs/data-model.md, RT1–RT7) on the single table. */
export function dynamoDbTourStores(doc: DynamoDBDocumentClient, tableName: string): TourStores {
  const get = async <E extends EntityName>(entity: E, scope: string, id: string) => {
    const out = await doc.send(
      new GetCommand({ TableName: tableName, Key: entityKey(entity, scope, id), ConsistentRead: true }),
    );
    return out.Item ? parseStored(entity, withoutKeys(out.Item)) : undefined;
  };
  /** Every page of a query, each item parsed as its entity. */
  const all = async <E extends EntityName>(entity: E, input: Omit<QueryCommandInput, 'TableName'>) => {
    const items: EntityOf<E>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(
        new QueryCommand({ TableName: tableName, ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
      );
      items.push(...(out.Items ?? []).map((i: Item) => parseStored(entity, withoutKeys(i))));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  };
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
  };
}
