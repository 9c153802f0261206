import type { LatLon, MatrixOptions, TravelMatrix, TravelTimes } from '../../ports/travel-times';
import { avoidZones } from '../../routing/geometry/zone-detours';

export interface OfflineEstimate {
  /** Road distance ÷ straight-line distance. Rural Ukrainian roads wind: 1.3–1.4 is typical. */
  detourFactor: number;
  /** Average speed on the road network, km/h (village roads, some gravel). */
  speedKmh: number;
  /** Fixed time to start and stop a leg (parking, ramp, getting out), seconds. */
  legOverheadS: number;
}

export const RURAL_CAR: OfflineEstimate = { detourFactor: 1.35, speedKmh: 45, legOverheadS: 60 };
export const RURAL_VAN: OfflineEstimate = { detourFactor: 1.35, speedKmh: 40, legOverheadS: 90 };

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres. */
export function haversineMetres(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Travel times with no network: straight-line distance × a detour factor at an average speed.
 * The default of the one-machine platform, and the fallback for cells a routing service could not
 * answer. Symmetric, deterministic, and it satisfies the triangle inequality up to the overhead.
 */
export class OfflineTravelTimes implements TravelTimes {
  constructor(
    private readonly profiles: Record<'driving-car' | 'driving-hgv', OfflineEstimate> = {
      'driving-car': RURAL_CAR,
      'driving-hgv': RURAL_VAN,
    },
  ) {}

  /** With zones to avoid, a leg through one costs its estimate over the shortest way around. */
  async matrix(
    points: LatLon[],
    profile: 'driving-car' | 'driving-hgv',
    options: MatrixOptions = {},
  ): Promise<TravelMatrix> {
    const m = estimateMatrix(points, this.profiles[profile]);
    if (options.avoid?.length) avoidZones(m, points, options.avoid, 'always');
    return m;
  }
}

export function estimateMatrix(points: LatLon[], estimate: OfflineEstimate): TravelMatrix {
  const n = points.length;
  const durations = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const distances = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const metresPerSecond = (estimate.speedKmh * 1000) / 3600;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = haversineMetres(points[i]!, points[j]!) * estimate.detourFactor;
      const t = d < 1 ? 0 : Math.round(d / metresPerSecond + estimate.legOverheadS);
      distances[i]![j] = distances[j]![i] = Math.round(d);
      durations[i]![j] = durations[j]![i] = t;
    }
  }
  return { durations, distances };
}
