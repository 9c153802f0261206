export interface LatLon {
  lat: number;
  lon: number;
}

export interface TravelMatrix {
  /** Seconds, [from][to]. */
  durations: number[][];
  /** Metres, [from][to]. */
  distances: number[][];
}

export interface TravelTimes {
  matrix(points: LatLon[], profile: 'driving-car' | 'driving-hgv'): Promise<TravelMatrix>;
}
