import type { ServiceRequest } from '../../../domain/entities/service-request';
import { INDEX } from '../table-schema';
import { indexKeys, inHromada } from './layout';

/** Pattern 6: a resident's trips by date (queried newest first). */
export const tripsByResident = {
  index: INDEX.tripsByResident,
  pk: (hromadaId: string, residentId: string) => `RESIDENT#${hromadaId}#${residentId}`,
  /** CN1: the sort keys (`<date>#<id>`) of the dates from `from` to `to`, inclusive. */
  dates: (from: string, to: string) => ({ ':from': `${from}#`, ':to': `${to}#\uffff` }),
} as const;

/** Pattern 5: the requests of one service date. */
export const requestsByDay = {
  index: INDEX.requestsByDay,
  pk: (hromadaId: string, date: string) => `DAY#${hromadaId}#${date}`,
} as const;

/** A trip: in the hromada's partition, and in both of the day's and the resident's listings. */
export const serviceRequestLayout = inHromada<ServiceRequest>('ServiceRequest', 'REQUEST', (r) => ({
  ...indexKeys(tripsByResident.index, tripsByResident.pk(r.hromadaId, r.residentId), `${r.date}#${r.id}`),
  ...indexKeys(requestsByDay.index, requestsByDay.pk(r.hromadaId, r.date), `REQUEST#${r.id}`),
}));
