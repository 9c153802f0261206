/**
 * Calibrating the offline estimate (shared/adapters/offline-travel-times) against a recording of
 * openrouteservice's answers (ors-fixture.ts). Pure: no I/O, no clock.
 *
 * The estimate is distance = factor × great-circle, duration = distance ÷ speed + overhead. Both
 * are fitted by least squares on the relative error (est − obs) ÷ obs over every ordered pair the
 * service routed, so a 3 km leg weighs as much as a 60 km one:
 * - distance: factor = Σx ÷ Σx², x = great-circle ÷ observed distance;
 * - duration: a·g + overhead with a = factor ÷ speed, two normal equations; an overhead that comes
 *   out negative is clamped to 0 and the slope refitted alone.
 * The error is then measured with the estimator itself (estimateMatrix, its rounding included).
 */
import {
  estimateMatrix,
  haversineMetres,
  type OfflineEstimate,
} from '../../shared/adapters/offline-travel-times/offline-travel-times';
import type { LatLon } from '../../shared/ports/travel-times';

/** What the fitter needs of a recording: points and the observed [from][to] matrices. */
export interface Observed {
  points: LatLon[];
  durations: (number | null)[][];
  distances: (number | null)[][];
}

export interface ErrorFigures {
  /** Ordered pairs compared (routed, distinct points). */
  cells: number;
  /** Of |est − obs| ÷ obs. */
  median: number;
  p90: number;
  /** Mean of (est − obs) ÷ obs: above 0, the estimate is too long. */
  meanSigned: number;
}

export interface EstimateError {
  duration: ErrorFigures;
  distance: ErrorFigures;
}

interface Pair {
  /** Great-circle metres. */
  g: number;
  i: number;
  j: number;
}

/** Ordered pairs of distinct points (more than a metre apart). */
function pairs(points: LatLon[]): Pair[] {
  const out: Pair[] = [];
  points.forEach((a, i) => {
    points.forEach((b, j) => {
      if (i === j) return;
      const g = haversineMetres(a, b);
      if (g >= 1) out.push({ g, i, j });
    });
  });
  return out;
}

function observed(m: (number | null)[][], p: Pair): number | undefined {
  const v = m[p.i]?.[p.j];
  return typeof v === 'number' && v > 0 ? v : undefined;
}

/** The q-quantile with linear interpolation between order statistics (numpy's default). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function figures(signed: number[]): ErrorFigures {
  const abs = signed.map(Math.abs);
  return {
    cells: signed.length,
    median: quantile(abs, 0.5),
    p90: quantile(abs, 0.9),
    meanSigned: signed.length ? signed.reduce((s, x) => s + x, 0) / signed.length : Number.NaN,
  };
}

/** The estimate's relative error against the observations, per metric. */
export function estimateError(obs: Observed, estimate: OfflineEstimate): EstimateError {
  const est = estimateMatrix(obs.points, estimate);
  const dur: number[] = [];
  const dist: number[] = [];
  for (const p of pairs(obs.points)) {
    const t = observed(obs.durations, p);
    const d = observed(obs.distances, p);
    if (t !== undefined) dur.push((est.durations[p.i]![p.j]! - t) / t);
    if (d !== undefined) dist.push((est.distances[p.i]![p.j]! - d) / d);
  }
  return { duration: figures(dur), distance: figures(dist) };
}

/** Least-squares parameters, unrounded. */
export interface FittedEstimate extends OfflineEstimate {
  /** Pairs each fit used. */
  durationCells: number;
  distanceCells: number;
}

export function fitEstimate(obs: Observed): FittedEstimate {
  const ps = pairs(obs.points);
  // distance: minimise Σ (f·x − 1)², x = g ÷ D
  let sx = 0;
  let sxx = 0;
  let distanceCells = 0;
  for (const p of ps) {
    const d = observed(obs.distances, p);
    if (d === undefined) continue;
    const x = p.g / d;
    sx += x;
    sxx += x * x;
    distanceCells += 1;
  }
  if (distanceCells === 0) throw new Error('no routed distance to fit');
  const detourFactor = sx / sxx;
  // duration: minimise Σ (a·u + o·w − 1)², u = g ÷ T, w = 1 ÷ T
  let su = 0;
  let sw = 0;
  let suu = 0;
  let suw = 0;
  let sww = 0;
  let durationCells = 0;
  for (const p of ps) {
    const t = observed(obs.durations, p);
    if (t === undefined) continue;
    const u = p.g / t;
    const w = 1 / t;
    su += u;
    sw += w;
    suu += u * u;
    suw += u * w;
    sww += w * w;
    durationCells += 1;
  }
  if (durationCells === 0) throw new Error('no routed duration to fit');
  const det = suu * sww - suw * suw;
  let a = det > 0 ? (su * sww - sw * suw) / det : su / suu;
  let o = det > 0 ? (suu * sw - suw * su) / det : 0;
  if (o < 0) {
    o = 0;
    a = su / suu;
  }
  // a = seconds per great-circle metre = factor ÷ (m/s)
  const speedKmh = (3.6 * detourFactor) / a;
  return { detourFactor, speedKmh, legOverheadS: o, durationCells, distanceCells };
}

/** As a constant would be written in offline-travel-times.ts. */
export function roundEstimate(e: OfflineEstimate): OfflineEstimate {
  return {
    detourFactor: Math.round(e.detourFactor * 1000) / 1000,
    speedKmh: Math.round(e.speedKmh * 10) / 10,
    legOverheadS: Math.round(e.legOverheadS),
  };
}

export interface Calibration {
  current: OfflineEstimate;
  fitted: OfflineEstimate;
  before: EstimateError;
  after: EstimateError;
}

/** Fits, rounds, and measures the error before (current constants) and after (fitted). */
export function calibrate(obs: Observed, current: OfflineEstimate): Calibration {
  const fitted = roundEstimate(fitEstimate(obs));
  return { current, fitted, before: estimateError(obs, current), after: estimateError(obs, fitted) };
}
