import type { ZonePolygons } from '../routing/geometry/zone-map';
import type { LatLon, TravelProfile, TravelSource } from './travel-times';

/** A route's line for the map: [longitude, latitude] positions, as GeoJSON has them. */
export interface RouteLine {
  coordinates: Array<[number, number]>;
  /** Where it came from: the road network (`ors`) or straight lines between the stops (`offline`). */
  source: TravelSource;
  /** Metres along the line, when the service said. */
  distanceM?: number;
}

export interface RouteLineOptions {
  /** The hromada's choice; where none is configured, straight lines. */
  source?: TravelSource;
  /** Danger zones the road must not pass through (openrouteservice `avoid_polygons`). */
  avoid?: ZonePolygons;
}

/** The road a route drives through its stops in order (openrouteservice Directions), for the map. */
export interface RouteGeometry {
  line(points: LatLon[], profile: TravelProfile, options?: RouteLineOptions): Promise<RouteLine>;
}
