import { createHash } from 'node:crypto';
import type { RouteLine } from '../../ports/route-geometry';
import type { LatLon, TravelProfile } from '../../ports/travel-times';
import type { ZonePolygons } from '../../routing/geometry/zone-map';

/** Where road lines are kept (DynamoDB with a TTL; in memory for tests), by `routeLineKey`. */
export interface RouteLineStore {
  get(key: string): Promise<RouteLine | undefined>;
  put(key: string, line: RouteLine): Promise<void>;
}

/**
 * A line's key: SHA-256 of the profile, the zones avoided and the coordinate sequence (5 decimals,
 * ~1 m), so the same stops in the same order with the same zones are one key.
 */
export function routeLineKey(points: LatLon[], profile: TravelProfile, avoid?: ZonePolygons): string {
  const seq = points.map((p) => `${p.lat.toFixed(5)},${p.lon.toFixed(5)}`).join(';');
  return createHash('sha256')
    .update(`${profile}|${avoid?.length ? JSON.stringify(avoid) : ''}|${seq}`)
    .digest('hex');
}

export class MemoryRouteLineStore implements RouteLineStore {
  readonly lines = new Map<string, RouteLine>();
  async get(key: string) {
    return this.lines.get(key);
  }
  async put(key: string, line: RouteLine) {
    this.lines.set(key, line);
  }
}
