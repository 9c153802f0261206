import Openrouteservice from 'openrouteservice-js';
import type {
  LatLon,
  MatrixOptions,
  TravelMatrix,
  TravelProfile,
  TravelTimes,
} from '../../ports/travel-times';
import { aroundZones } from '../../routing/geometry/zone-detours';
import { type Detour, ZoneMap, type ZonePolygons } from '../../routing/geometry/zone-map';
import { OfflineTravelTimes } from '../offline-travel-times/offline-travel-times';
import { TokenBucket } from './token-bucket';

export interface OrsSettings {
  /** https://api.openrouteservice.org, or a self-hosted openrouteservice (no key needed there). */
  host: string;
  /** The key, or how to read it on first use (a secret read once per container, in AWS). */
  apiKey?: string | (() => Promise<string>);
  /** Sources × destinations per request. The public API allows 3 500; self-hosted is configurable. */
  maxCellsPerRequest?: number;
  /** The plan's quota: matrix requests per minute (the public API's free plan: 40). */
  requestsPerMinute?: number;
  timeoutMs?: number;
  /** Attempts for rate limits (429) and server faults (5xx). */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds, for the rate limit (tests). */
  now?: () => number;
}

interface OrsMatrixResponse {
  durations?: (number | null)[][];
  distances?: (number | null)[][];
  metadata?: { engine?: OrsEngine };
}

/** Which openrouteservice answered (its response's `metadata.engine`), for recordings. */
export interface OrsEngine {
  version?: string;
  build_date?: string;
  graph_date?: string;
}

type OrsClient = { calculate(args: Record<string, unknown>): Promise<OrsMatrixResponse> };

/** Some cells of a matrix: rows `sources`, columns `destinations` (indexes into the points). */
export interface MatrixRectangle {
  sources: number[];
  destinations: number[];
}

/** A rectangle's answer: [source][destination] in the rectangle's order. */
export interface RectangleAnswer {
  durations: number[][];
  distances: number[][];
  estimatedCells: number;
  /** Which cells are estimates ([source][destination] in the rectangle's order): not to be cached. */
  estimated: Array<[number, number]>;
  calls: number;
  /** The engine of the first answer that named it (absent when none did). */
  engine?: OrsEngine;
}

export class TravelTimesUnavailableError extends Error {}

/**
 * Road travel times from openrouteservice's matrix API (openrouteservice-js). Large matrices are
 * requested in blocks that fit the service's per-request limit, at most `requestsPerMinute` of
 * them (a token bucket per instance, so per container); rate limits and server faults are retried
 * with backoff. Cells the service cannot route (a point too far from any road), and blocks still
 * failing after the last attempt, are filled with the offline estimate and counted in
 * `estimatedCells`. A bad request (4xx other than 429) is a fault of ours: it throws.
 */
export class OrsTravelTimes implements TravelTimes {
  private client: Promise<OrsClient> | undefined;
  private readonly fallback = new OfflineTravelTimes();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly bucket: TokenBucket;
  /** Every estimated cell since the instance was made (the plan gets its own count in `stats`). */
  estimatedCells = 0;

  constructor(private readonly settings: OrsSettings) {
    this.sleep = settings.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.bucket = new TokenBucket(settings.requestsPerMinute ?? 40, settings.now ?? Date.now, this.sleep);
  }

  async matrix(points: LatLon[], profile: TravelProfile, options: MatrixOptions = {}): Promise<TravelMatrix> {
    const all = points.map((_, i) => i);
    const answer =
      points.length < 2
        ? { ...(await this.fallback.matrix(points, profile)), estimatedCells: 0, estimated: [], calls: 0 }
        : await this.rectangle(points, { sources: all, destinations: all }, profile, options.avoid);
    return {
      durations: answer.durations,
      distances: answer.distances,
      stats: { source: 'ors', estimatedCells: answer.estimatedCells, calls: answer.calls, cachedCells: 0 },
    };
  }

  /** Only the cells asked for (the cache asks for those it lacks), in blocks within the limit. */
  async rectangle(
    points: LatLon[],
    { sources, destinations }: MatrixRectangle,
    profile: TravelProfile,
    avoid?: ZonePolygons,
  ): Promise<RectangleAnswer> {
    const rows = () => sources.map(() => new Array<number>(destinations.length).fill(0));
    const out: RectangleAnswer = {
      durations: rows(),
      distances: rows(),
      estimatedCells: 0,
      estimated: [],
      calls: 0,
    };
    const [sBlock, dBlock] = blockShape(
      sources.length,
      destinations.length,
      this.settings.maxCellsPerRequest,
    );
    let estimate: TravelMatrix | undefined;
    for (let s0 = 0; s0 < sources.length; s0 += sBlock) {
      for (let d0 = 0; d0 < destinations.length; d0 += dBlock) {
        const si = range(s0, Math.min(sources.length, s0 + sBlock));
        const di = range(d0, Math.min(destinations.length, d0 + dBlock));
        const res = await this.block(
          points,
          si.map((i) => sources[i]!),
          di.map((j) => destinations[j]!),
          profile,
          avoid,
        );
        out.calls += res.calls;
        if (!out.engine && res.body?.metadata?.engine) out.engine = res.body.metadata.engine;
        for (const [a, i] of si.entries()) {
          for (const [b, j] of di.entries()) {
            const t = res.body?.durations?.[a]?.[b];
            const d = res.body?.distances?.[a]?.[b];
            if (typeof t === 'number' && typeof d === 'number') {
              out.durations[i]![j] = t;
              out.distances[i]![j] = d;
            } else {
              estimate ??= await this.fallback.matrix(points, profile, avoid ? { avoid } : {});
              out.estimatedCells += 1;
              out.estimated.push([i, j]);
              out.durations[i]![j] = estimate.durations[sources[i]!]![destinations[j]!]!;
              out.distances[i]![j] = estimate.distances[sources[i]!]![destinations[j]!]!;
            }
          }
        }
      }
    }
    if (avoid?.length) this.aroundZones(out, points, { sources, destinations }, avoid);
    this.estimatedCells += out.estimatedCells;
    return out;
  }

  /**
   * A service that ignores `avoid_polygons` (an older openrouteservice: its matrix long had no
   * avoidables) would route through a zone: any leg shorter than the way around the zones is
   * stretched over it (zone-detours.ts) and counted as estimated. It is cached like a routed cell.
   */
  private aroundZones(
    out: RectangleAnswer,
    points: LatLon[],
    rect: MatrixRectangle,
    avoid: ZonePolygons,
  ): void {
    const detours = new Map<string, Detour>();
    for (const d of new ZoneMap(avoid).detours(points)) detours.set(`${d.from},${d.to}`, d);
    if (detours.size === 0) return;
    const done = new Set(out.estimated.map(([a, b]) => `${a},${b}`));
    rect.sources.forEach((i, a) => {
      rect.destinations.forEach((j, b) => {
        const detour = detours.get(`${i},${j}`);
        if (!detour || done.has(`${a},${b}`)) return;
        const cell = aroundZones(out.durations[a]![b]!, out.distances[a]![b]!, detour, 'when-short');
        if (!cell) return;
        out.durations[a]![b] = cell.duration;
        out.distances[a]![b] = cell.distance;
        out.estimatedCells += 1;
      });
    });
  }

  /** One request (a block of sources × destinations); undefined body: it failed for good. */
  private async block(
    points: LatLon[],
    sources: number[],
    targets: number[],
    profile: TravelProfile,
    avoid?: ZonePolygons,
  ): Promise<{ body?: OrsMatrixResponse; calls: number }> {
    const used = [...new Set([...sources, ...targets])];
    const local = new Map(used.map((p, i) => [p, i]));
    return this.request({
      locations: used.map((p) => [points[p]!.lon, points[p]!.lat]),
      profile,
      sources: sources.map((p) => local.get(p)!),
      destinations: targets.map((p) => local.get(p)!),
      metrics: ['duration', 'distance'],
      units: 'm',
      ...(avoid?.length ? { options: { avoid_polygons: { type: 'MultiPolygon', coordinates: avoid } } } : {}),
    });
  }

  private async request(args: Record<string, unknown>): Promise<{ body?: OrsMatrixResponse; calls: number }> {
    const attempts = this.settings.attempts ?? 4;
    const client = await this.connect();
    for (let attempt = 1; ; attempt++) {
      await this.bucket.take();
      try {
        return { body: await client.calculate(args), calls: attempt };
      } catch (error) {
        const status = (error as { status?: number }).status;
        const retryable = status === undefined || status === 429 || status >= 500;
        if (!retryable) {
          throw new TravelTimesUnavailableError(
            `openrouteservice matrix failed with HTTP ${status}: ${(error as Error).message}`,
          );
        }
        // still failing after the last attempt: the caller fills the block with the estimate
        if (attempt >= attempts) return { calls: attempt };
        await this.sleep(500 * 2 ** (attempt - 1));
      }
    }
  }

  /** The client, made on first use: the key may be a secret read then. */
  private connect(): Promise<OrsClient> {
    this.client ??= (async () => {
      const key = this.settings.apiKey;
      const apiKey = typeof key === 'function' ? await key() : (key ?? '');
      return new Openrouteservice.Matrix({
        host: this.settings.host,
        api_key: apiKey,
        timeout: this.settings.timeoutMs ?? 20_000,
      });
    })().catch((error: unknown) => {
      this.client = undefined; // a failed secret read is tried again on the next plan
      throw error;
    });
    return this.client;
  }
}

/**
 * Rows × columns of one request: square blocks for a large matrix, whole rows or columns for a
 * thin one (one new address against all the others).
 */
export function blockShape(rows: number, cols: number, maxCells = 3500): [number, number] {
  const side = Math.max(1, Math.floor(Math.sqrt(maxCells)));
  if (rows <= side) return [rows, Math.max(1, Math.floor(maxCells / rows))];
  if (cols <= side) return [Math.max(1, Math.floor(maxCells / cols)), cols];
  return [side, side];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
