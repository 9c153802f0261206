import type { CaseStop } from '../../../domain/entities/case-stop';
import { indexKeys, inHromada } from './layout';

/** MC1: a hromada's mobile-case stops by date (the calendar; one date: its day's stops). */
export const caseStopsByDate = {
  index: 'gsi1',
  pk: (hromadaId: string) => `CASESTOPS#${hromadaId}`,
  sk: (stop: Pick<CaseStop, 'date' | 'from' | 'id'>) => `${stop.date}#${stop.from}#${stop.id}`,
} as const;

/** A stop: in the hromada's partition (pattern 1, 2) and in the calendar (MC1). */
export const caseStopLayout = inHromada<CaseStop>('CaseStop', 'CASESTOP', (s) =>
  indexKeys(caseStopsByDate.index, caseStopsByDate.pk(s.hromadaId), caseStopsByDate.sk(s)),
);

/** MC2: one stop's bookings live in the stop's own partition. */
export const caseStopBookings = (hromadaId: string, stopId: string) => `CASESTOP#${hromadaId}#${stopId}`;

/** MC3: a booked slot: at most one item per slot (put with attribute_not_exists). */
export const caseSlotKey = (hromadaId: string, stopId: string, slot: number) => ({
  pk: caseStopBookings(hromadaId, stopId),
  sk: `SLOT#${String(slot).padStart(3, '0')}`,
});

/** MC3: a resident's booking at a stop: at most one per resident and stop. */
export const caseBookingKey = (hromadaId: string, stopId: string, residentId: string) => ({
  pk: caseStopBookings(hromadaId, stopId),
  sk: `RESIDENT#${residentId}`,
});
