import Openrouteservice from 'openrouteservice-js';
import type { LatLon, TravelMatrix, TravelTimes } from '../../ports/travel-times';
import { OfflineTravelTimes } from '../offline-travel-times/offline-travel-times';

export interface OrsSettings {
  /** https://api.openrouteservice.org, or a self-hosted openrouteservice (no key needed there). */
  host: string;
  apiKey?: string;
  /** Sources × destinations per request. The public API allows 3 500; self-hosted is configurable. */
  maxCellsPerRequest?: number;
  timeoutMs?: number;
  /** Attempts for rate limits (429) and server faults (5xx). */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface OrsMatrixResponse {
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

export class TravelTimesUnavailableError extends Error {}

/**
 * Road travel times from openrouteservice's matrix API (openrouteservice-js). Large matrices are
 * requested in blocks that fit the service's per-request limit; rate limits and server faults are
 * retried with backoff; cells the service cannot route (a point too far from any road) are filled
 * with the offline estimate and counted in `estimatedCells`.
 */
export class OrsTravelTimes implements TravelTimes {
  private readonly client: { calculate(args: Record<string, unknown>): Promise<OrsMatrixResponse> };
  private readonly fallback = new OfflineTravelTimes();
  private readonly sleep: (ms: number) => Promise<void>;
  estimatedCells = 0;

  constructor(private readonly settings: OrsSettings) {
    this.client = new Openrouteservice.Matrix({
      host: settings.host,
      api_key: settings.apiKey ?? '',
      timeout: settings.timeoutMs ?? 20_000,
    });
    this.sleep = settings.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async matrix(points: LatLon[], profile: 'driving-car' | 'driving-hgv'): Promise<TravelMatrix> {
    const n = points.length;
    const durations = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const distances = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    if (n < 2) return { durations, distances };
    const block = Math.max(1, Math.floor(Math.sqrt(this.settings.maxCellsPerRequest ?? 3500)));
    const estimate = await this.fallback.matrix(points, profile);
    for (let s0 = 0; s0 < n; s0 += block) {
      for (let d0 = 0; d0 < n; d0 += block) {
        const sources = range(s0, Math.min(n, s0 + block));
        const targets = range(d0, Math.min(n, d0 + block));
        const used = [...new Set([...sources, ...targets])];
        const local = new Map(used.map((p, i) => [p, i]));
        const res = await this.request({
          locations: used.map((p) => [points[p]!.lon, points[p]!.lat]),
          profile,
          sources: sources.map((p) => local.get(p)!),
          destinations: targets.map((p) => local.get(p)!),
          metrics: ['duration', 'distance'],
          units: 'm',
        });
        sources.forEach((from, i) => {
          targets.forEach((to, j) => {
            const t = res.durations?.[i]?.[j];
            const d = res.distances?.[i]?.[j];
            if (typeof t === 'number' && typeof d === 'number') {
              durations[from]![to] = t;
              distances[from]![to] = d;
            } else {
              this.estimatedCells += 1;
              durations[from]![to] = estimate.durations[from]![to]!;
              distances[from]![to] = estimate.distances[from]![to]!;
            }
          });
        });
      }
    }
    return { durations, distances };
  }

  private async request(args: Record<string, unknown>): Promise<OrsMatrixResponse> {
    const attempts = this.settings.attempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.client.calculate(args);
      } catch (error) {
        const status = (error as { status?: number }).status;
        const retryable = status === undefined || status === 429 || status >= 500;
        if (!retryable || attempt >= attempts) {
          throw new TravelTimesUnavailableError(
            `openrouteservice matrix failed${status ? ` with HTTP ${status}` : ''}: ${(error as Error).message}`,
          );
        }
        await this.sleep(500 * 2 ** (attempt - 1));
      }
    }
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
