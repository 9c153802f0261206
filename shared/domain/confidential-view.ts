/**
 * What of a confidential case a reader sees: one pure function per entity. A confidential case's
 * address, location and purpose are shown only to an admin, or to a dispatcher or brigade member of
 * a provider that serves it; everyone else sees the address `конфіденційно`, the settlement's point
 * as the location (a point rounded to 0.1°, ~10 km, when the settlement has none) and the purpose
 * `other`.
 *
 * "A provider that serves it": a provider of the hromada offering the request's service; for a
 * resident, one offering the mobile brigade (confidential cases are the brigade's casework).
 */
import type { GeoPoint } from './common';
import type { Provider, ServiceType } from './entities/provider';
import type { Resident } from './entities/resident';
import type { ServiceRequest } from './entities/service-request';
import type { Viewer } from './viewer';

/** The address a masked record shows. */
export const CONFIDENTIAL_ADDRESS = 'конфіденційно';

/** The service a confidential resident's case belongs to. */
export const RESIDENT_CASE_SERVICE: ServiceType = 'mobile-brigade';

/** The settlement points a masked location falls back to, by settlement id. */
export type SettlementPoints = ReadonlyMap<string, GeoPoint | null>;

/** The providers (ids) of a hromada that offer a service. */
export function providersServing(providers: readonly Provider[], service: ServiceType): Set<string> {
  return new Set(providers.filter((p) => p.services.includes(service)).map((p) => p.id));
}

/** Whether the viewer may read a confidential case that these providers serve. */
export function maySeeConfidential(viewer: Viewer, serving: ReadonlySet<string>): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'dispatcher' && viewer.role !== 'brigade') return false;
  return viewer.providerId !== undefined && serving.has(viewer.providerId);
}

/** The settlement's point, else the point itself rounded to 0.1° (about 10 km). */
function coarsePoint(point: GeoPoint, settlementId: string | undefined, points: SettlementPoints): GeoPoint {
  const known = settlementId !== undefined ? points.get(settlementId) : undefined;
  if (known) return known;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { lat: round(point.lat), lon: round(point.lon) };
}

/** A resident as a reader who may not see the case sees it (unchanged unless confidential). */
export function maskResident(resident: Resident, points: SettlementPoints): Resident {
  if (!resident.confidential) return resident;
  return {
    ...resident,
    address: CONFIDENTIAL_ADDRESS,
    location: resident.location && coarsePoint(resident.location, resident.settlementId, points),
  };
}

type Place = ServiceRequest['pickup'];

function maskPlace(place: Place, points: SettlementPoints): Place {
  return {
    ...place,
    address: CONFIDENTIAL_ADDRESS,
    location: coarsePoint(place.location, place.settlementId, points),
  };
}

/** A request as a reader who may not see the case sees it (unchanged unless confidential). */
export function maskRequest(request: ServiceRequest, points: SettlementPoints): ServiceRequest {
  if (!request.confidential) return request;
  return {
    ...request,
    pickup: maskPlace(request.pickup, points),
    ...(request.dropoff ? { dropoff: maskPlace(request.dropoff, points) } : {}),
    purpose: 'other',
  };
}

/** The fields of each entity a confidential read shows in clear (what the audit entry names). */
export const CONFIDENTIAL_FIELDS = {
  Resident: ['address', 'location'],
  ServiceRequest: ['pickup', 'dropoff', 'purpose'],
} as const;
