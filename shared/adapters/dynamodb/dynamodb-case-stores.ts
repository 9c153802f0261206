import type { CaseBooking } from '../../domain/entities/case-stop';
import { parseStored } from '../../domain/stored-entities';
import type { CaseBookingStore, CaseStopStore } from '../../ports/stores';
import { caseBookingKey, caseStopBookings, caseStopsByDate } from './keys';
import type { TableReads } from './table-reads';
import { TABLE_SCHEMA } from './table-schema';

/** Mobile-case stops by date (MC patterns) on the single table. */
export function dynamoDbCaseStopStore(reads: TableReads): CaseStopStore {
  return {
    get: (hromadaId, id) => reads.getEntity('CaseStop', hromadaId, id),
    between: (hromadaId, from, to) => {
      const names = TABLE_SCHEMA.indexes[caseStopsByDate.index];
      return reads.queryAll(
        {
          IndexName: caseStopsByDate.index,
          KeyConditionExpression: `${names.partitionKey} = :pk AND ${names.sortKey} BETWEEN :from AND :to`,
          ExpressionAttributeValues: {
            ':pk': caseStopsByDate.pk(hromadaId),
            ':from': from,
            ':to': `${to}#~`,
          },
        },
        (i) => parseStored('CaseStop', i),
      );
    },
  };
}

/** A mobile-case stop's bookings (one item per resident and per slot), by slot. */
export function dynamoDbCaseBookingStore(reads: TableReads): CaseBookingStore {
  return {
    forStop: async (hromadaId, stopId) => {
      const items = await reads.queryAll(
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': caseStopBookings(hromadaId, stopId), ':prefix': 'RESIDENT#' },
          ConsistentRead: true,
        },
        (i) => i as unknown as CaseBooking,
      );
      return items.sort((a, b) => a.slot - b.slot);
    },
    get: async (hromadaId, stopId, residentId) =>
      (await reads.getItem(caseBookingKey(hromadaId, stopId, residentId))) as CaseBooking | undefined,
  };
}
