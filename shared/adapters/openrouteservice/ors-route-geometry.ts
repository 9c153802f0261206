import Openrouteservice from 'openrouteservice-js';
import type { RouteGeometry, RouteLine, RouteLineOptions } from '../../ports/route-geometry';
import type { LatLon, TravelProfile } from '../../ports/travel-times';
import { StraightRouteGeometry } from '../route-geometry/straight-route-geometry';
import type { OrsSettings } from './ors-travel-times';
import { TokenBucket } from './token-bucket';

/** Waypoints per Directions request (the public API's limit). */
const MAX_WAYPOINTS = 50;

interface OrsDirectionsGeoJson {
  features?: Array<{
    geometry?: { coordinates?: Array<[number, number]> };
    properties?: { summary?: { distance?: number } };
  }>;
}

type OrsDirections = { calculate(args: Record<string, unknown>): Promise<OrsDirectionsGeoJson> };

/**
 * The road through a route's stops in order, from openrouteservice's Directions
 * (POST /v2/directions/{profile}/geojson), avoiding the danger zones (`options.avoid_polygons`).
 * Longer routes are asked in legs of 50 waypoints sharing their ends. Rate limits and server faults
 * are retried with backoff; a route the service cannot give is drawn as straight lines
 * (`source: offline`) rather than failing the map.
 */
export class OrsRouteGeometry implements RouteGeometry {
  private client: Promise<OrsDirections> | undefined;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly bucket: TokenBucket;
  private readonly straight = new StraightRouteGeometry();

  constructor(private readonly settings: OrsSettings) {
    this.sleep = settings.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.bucket = new TokenBucket(settings.requestsPerMinute ?? 40, settings.now ?? Date.now, this.sleep);
  }

  async line(points: LatLon[], profile: TravelProfile, options: RouteLineOptions = {}): Promise<RouteLine> {
    const distinct = points.filter(
      (p, i) => i === 0 || p.lat !== points[i - 1]!.lat || p.lon !== points[i - 1]!.lon,
    );
    if (distinct.length < 2) return this.straight.line(points);
    const coordinates: Array<[number, number]> = [];
    let distanceM = 0;
    for (let from = 0; from < distinct.length - 1; from += MAX_WAYPOINTS - 1) {
      const leg = distinct.slice(from, from + MAX_WAYPOINTS);
      const body = await this.request({
        profile,
        format: 'geojson',
        coordinates: leg.map((p) => [p.lon, p.lat]),
        ...(options.avoid?.length
          ? { options: { avoid_polygons: { type: 'MultiPolygon', coordinates: options.avoid } } }
          : {}),
      });
      const feature = body?.features?.[0];
      const line = feature?.geometry?.coordinates;
      if (!line || line.length === 0) return this.straight.line(points);
      coordinates.push(...(coordinates.length > 0 ? line.slice(1) : line));
      distanceM += feature?.properties?.summary?.distance ?? 0;
    }
    return { coordinates, source: 'ors', distanceM: Math.round(distanceM) };
  }

  /** One request; undefined: it failed for good (no route, or still failing after the last attempt). */
  private async request(args: Record<string, unknown>): Promise<OrsDirectionsGeoJson | undefined> {
    const attempts = this.settings.attempts ?? 4;
    const client = await this.connect();
    for (let attempt = 1; ; attempt++) {
      await this.bucket.take();
      try {
        return await client.calculate(args);
      } catch (error) {
        const status = (error as { status?: number }).status;
        const retryable = status === undefined || status === 429 || status >= 500;
        if (!retryable || attempt >= attempts) return undefined;
        await this.sleep(500 * 2 ** (attempt - 1));
      }
    }
  }

  private connect(): Promise<OrsDirections> {
    this.client ??= (async () => {
      const key = this.settings.apiKey;
      const apiKey = typeof key === 'function' ? await key() : (key ?? '');
      return new Openrouteservice.Directions({
        host: this.settings.host,
        api_key: apiKey,
        timeout: this.settings.timeoutMs ?? 20_000,
      }) as unknown as OrsDirections;
    })().catch((error: unknown) => {
      this.client = undefined;
      throw error;
    });
    return this.client;
  }
}
