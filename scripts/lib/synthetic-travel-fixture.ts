/**
 * A recording made up from known parameters, to check the fitter recovers them: for every ordered
 * pair, distance = great-circle × factor × (1 + εd) and duration = distance ÷ speed + overhead,
 * times (1 + εt), with εd, εt normal (seeded, so the same seed gives the same matrices).
 */
import {
  haversineMetres,
  type OfflineEstimate,
} from '../../shared/adapters/offline-travel-times/offline-travel-times';
import type { LatLon } from '../../shared/ports/travel-times';
import type { Observed } from './travel-calibration';

/** The truth `calibrate:travel --synthetic` uses: unlike the constants, so that the fit has to move. */
export const SYNTHETIC_TRUTH: OfflineEstimate = { detourFactor: 1.28, speedKmh: 56, legOverheadS: 120 };

export interface SyntheticOptions {
  truth: OfflineEstimate;
  seed: number;
  /** Standard deviation of the relative noise on distances and on durations. */
  distanceNoise: number;
  durationNoise: number;
}

/** mulberry32: a small seeded generator of uniforms in [0, 1). */
function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Box–Muller, clamped to ±3σ so that no cell goes negative. */
function normals(seed: number): () => number {
  const u = uniforms(seed);
  return () => {
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    return Math.max(-3, Math.min(3, z));
  };
}

export function syntheticRecording(points: LatLon[], options: SyntheticOptions): Observed {
  const { truth } = options;
  const noise = normals(options.seed);
  const mps = (truth.speedKmh * 1000) / 3600;
  const n = points.length;
  const durations = Array.from({ length: n }, () => new Array<number | null>(n).fill(0));
  const distances = Array.from({ length: n }, () => new Array<number | null>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const road = haversineMetres(points[i]!, points[j]!) * truth.detourFactor;
      const d = road * (1 + options.distanceNoise * noise());
      const t = (road / mps + truth.legOverheadS) * (1 + options.durationNoise * noise());
      distances[i]![j] = Math.round(d);
      durations[i]![j] = Math.round(t);
    }
  }
  return { points, durations, distances };
}
