import type { RouteGeometry, RouteLine, RouteLineOptions } from '../../ports/route-geometry';
import type { LatLon, TravelProfile } from '../../ports/travel-times';
import { type RouteLineStore, routeLineKey } from './route-line-store';

/**
 * Road lines cached across reads, keyed by the coordinate sequence: the map asks once per route
 * version, a second look costs no request. A line that fell back to straight lines is not kept.
 */
export class CachedRouteGeometry implements RouteGeometry {
  constructor(
    private readonly service: RouteGeometry,
    private readonly store: RouteLineStore,
  ) {}

  async line(points: LatLon[], profile: TravelProfile, options: RouteLineOptions = {}): Promise<RouteLine> {
    const key = routeLineKey(points, profile, options.avoid);
    const known = await this.store.get(key);
    if (known) return known;
    const line = await this.service.line(points, profile, options);
    if (line.source === 'ors') await this.store.put(key, line);
    return line;
  }
}

/** The deployment's sources, as for travel times: the hromada's choice if it has it, else the default. */
export class RouteGeometryBySource implements RouteGeometry {
  constructor(
    private readonly sources: { offline: RouteGeometry; ors?: RouteGeometry },
    private readonly byDefault: 'offline' | 'ors',
  ) {}

  line(points: LatLon[], profile: TravelProfile, options: RouteLineOptions = {}): Promise<RouteLine> {
    const wanted = options.source ?? this.byDefault;
    const ors = this.sources.ors;
    return wanted === 'ors' && ors
      ? ors.line(points, profile, options)
      : this.sources.offline.line(points, profile);
  }
}
