/**
 * A planned route's road for the console's map, fetched when the map shows it: the depot, the
 * stops in order and the depot again, through the route geometry port (openrouteservice Directions
 * around the day's danger zones, cached; straight lines offline). A confidential stop the reader
 * may not see in clear is drawn at its settlement's point, as every read of it is masked
 * (confidential/disclose.ts, audited the same way): the line leaks no address.
 */

import { NotFoundError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import type { Viewer } from '../../domain/viewer';
import type { Ports } from '../../ports/ports';
import type { LatLon } from '../../ports/travel-times';
import { type DisclosePorts, disclose } from '../confidential/disclose';
import { requireHromada } from '../registry';
import { zonesOfDay } from '../zones/zones-of-day';
import { getPlan } from './read-plan';

export interface RouteLineView {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: Array<[number, number]> };
  properties: {
    vehicleId: string;
    date: string;
    planVersion: number;
    /** `ors`: the road; `offline`: straight lines between the stops. */
    source: 'ors' | 'offline';
    distanceM?: number;
    /** Some stops are drawn at their settlement's point (confidential, not for this reader). */
    masked: boolean;
  };
}

export async function routeLine(
  ports: DisclosePorts & Pick<Ports, 'routeLines'>,
  viewer: Viewer,
  hromadaId: string,
  date: string,
  vehicleId: string,
): Promise<RouteLineView> {
  const hromada = await requireHromada(ports, hromadaId);
  const plan = await getPlan(ports, hromadaId, date);
  const route = plan.routes.find((r) => r.vehicleId === vehicleId);
  if (!route) throw new NotFoundError('Route', vehicleId);
  const vehicle = await ports.entities.registry.get(registryKinds.vehicles, hromadaId, vehicleId);
  const depot =
    vehicle && (await ports.entities.registry.get(registryKinds.depots, hromadaId, vehicle.depotId));
  const ids = new Set(route.stops.map((s) => s.requestId));
  const stored = (await ports.entities.requests.forDay(hromadaId, date)).filter((r) => ids.has(r.id));
  const { requests } = await disclose(ports, viewer, hromadaId, { residents: [], requests: stored });
  const byId = new Map(requests.map((r) => [r.id, r]));
  const home: LatLon[] = depot ? [depot.location] : [];
  const stops: LatLon[] = route.stops.flatMap((s) => {
    const r = byId.get(s.requestId);
    const place = s.kind === 'dropoff' ? r?.dropoff : r?.pickup;
    return place ? [place.location] : [];
  });
  const avoid = await zonesOfDay(ports, hromadaId, date);
  const line = await ports.routeLines.line([...home, ...stops, ...home], vehicle?.profile ?? 'driving-car', {
    ...(hromada.rules.travelTimes ? { source: hromada.rules.travelTimes } : {}),
    ...(avoid.length > 0 ? { avoid } : {}),
  });
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: line.coordinates },
    properties: {
      vehicleId,
      date,
      planVersion: plan.version,
      source: line.source,
      ...(line.distanceM !== undefined ? { distanceM: line.distanceM } : {}),
      masked: requests.some((r, i) => r !== stored[i]),
    },
  };
}
