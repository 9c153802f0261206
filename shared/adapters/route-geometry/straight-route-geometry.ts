import type { RouteGeometry, RouteLine } from '../../ports/route-geometry';
import type { LatLon } from '../../ports/travel-times';

/** The offline map line: straight from stop to stop (the default, and the fallback). */
export class StraightRouteGeometry implements RouteGeometry {
  async line(points: LatLon[]): Promise<RouteLine> {
    return { coordinates: points.map((p) => [p.lon, p.lat]), source: 'offline' };
  }
}
