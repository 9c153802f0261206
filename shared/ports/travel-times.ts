import type { ZonePolygons } from '../routing/geometry/zone-map';

export interface LatLon {
  lat: number;
  lon: number;
}

/** openrouteservice's routing profiles: cars, and heavier vans that say so. */
export const travelProfiles = ['driving-car', 'driving-hgv'] as const;
export type TravelProfile = (typeof travelProfiles)[number];

/** Where travel times come from: the offline estimate, or openrouteservice (cloud or self-hosted). */
export type TravelSource = 'offline' | 'ors';

/** How a matrix was made, for the plan's record and for the dispatcher. */
export interface TravelStats {
  source: TravelSource;
  /** Cells filled with the offline estimate because the service could not give them. */
  estimatedCells: number;
  /** Requests made to the service (0: everything came from the cache, or offline). */
  calls: number;
  /** Cells read from the cache. */
  cachedCells: number;
}

export interface TravelMatrix {
  /** Seconds, [from][to]. */
  durations: number[][];
  /** Metres, [from][to]. */
  distances: number[][];
  /** Absent: the offline estimate, nothing asked of anyone. */
  stats?: TravelStats;
}

export interface MatrixOptions {
  /**
   * The hromada's choice (a rule); the deployment decides what is available: asking for `ors`
   * where none is configured gets the offline estimate.
   */
  source?: TravelSource;
  /**
   * Danger zones and closed roads (GeoJSON MultiPolygon coordinates) no leg may pass through:
   * openrouteservice gets them as `options.avoid_polygons`; the offline estimate goes around them.
   */
  avoid?: ZonePolygons;
}

export interface TravelTimes {
  matrix(points: LatLon[], profile: TravelProfile, options?: MatrixOptions): Promise<TravelMatrix>;
}
