/**
 * A resident's trips between two service dates, as the console shows a caller's upcoming and
 * recent trips: one read of the resident's listing (data-model.md CN1) instead of one read per
 * day, masked and audited like every read of requests (`disclose`).
 */
import type { ServiceRequest } from '../../domain/entities/service-request';
import { ValidationError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { addDays } from '../../domain/time';
import type { Viewer } from '../../domain/viewer';
import { getEntity } from '../registry';
import { type DisclosePorts, disclose } from './disclose';

/** The longest period one read covers (a quarter, as the reports). */
export const MAX_TRIP_DAYS = 92;

export interface TripPeriod {
  from: string;
  to: string;
}

export async function readResidentTrips(
  ports: DisclosePorts,
  viewer: Viewer,
  hromadaId: string,
  residentId: string,
  period: TripPeriod,
): Promise<ServiceRequest[]> {
  const { from, to } = period;
  if (from > to) {
    throw new ValidationError('from must not be after to', [{ path: 'to', message: 'before from' }]);
  }
  if (addDays(from, MAX_TRIP_DAYS - 1) < to) {
    throw new ValidationError(`at most ${MAX_TRIP_DAYS} days`, [
      { path: 'to', message: `more than ${MAX_TRIP_DAYS} days after from` },
    ]);
  }
  // a resident of another hromada (or none) is a 404, not an empty list
  await getEntity(ports, registryKinds.residents, hromadaId, residentId);
  const requests = await ports.entities.requests.byResidentBetween(hromadaId, residentId, from, to);
  return (await disclose(ports, viewer, hromadaId, { residents: [], requests })).requests;
}
