import { describe, expect, it } from 'vitest';
import { demoSettlements } from '../../../scripts/lib/ors-fixture';
import { SYNTHETIC_TRUTH, syntheticRecording } from '../../../scripts/lib/synthetic-travel-fixture';
import {
  calibrate,
  estimateError,
  fitEstimate,
  type Observed,
  quantile,
} from '../../../scripts/lib/travel-calibration';
import {
  estimateMatrix,
  haversineMetres,
  RURAL_CAR,
} from '../../../shared/adapters/offline-travel-times/offline-travel-times';

/**
 * A, B, C, D on the meridian 0 at latitudes 0, 0.1, 0.2, 0.3. With factor 1, 36 km/h (10 m/s) and
 * no overhead the estimate is 11 120 m / 1 112 s between neighbours and 22 239 m / 2 224 s from A to
 * C. The observations are chosen so that each relative error (est − obs) ÷ obs is a round number;
 * D was not routed at all (null), so it takes no part.
 */
const tiny: Observed = {
  points: [0, 0.1, 0.2, 0.3].map((lat) => ({ lat, lon: 0 })),
  distances: [
    [0, 11120, 24710, null], // A→B 0, A→C −0.1
    [13900, 0, 8896, null], // B→A −0.2, B→C +0.25
    [14826, 5560, 0, null], // C→A +0.5, C→B +1
    [null, null, null, 0],
  ],
  durations: [
    [0, 1112, 1112, null], // A→B 0, A→C +1
    [1390, 0, 556, null], // B→A −0.2, B→C +1
    [4448, 1112, 0, null], // C→A −0.5, C→B 0
    [null, null, null, 0],
  ],
};
const unit = { detourFactor: 1, speedKmh: 36, legOverheadS: 0 };

describe('the error of the estimate against a recording', () => {
  it('is computed over the routed pairs of distinct points, on a hand-checked fixture', () => {
    const est = estimateMatrix(tiny.points, unit);
    expect([est.distances[0]![1], est.distances[0]![2], est.distances[1]![2]]).toEqual([11120, 22239, 11120]);
    expect([est.durations[0]![1], est.durations[0]![2]]).toEqual([1112, 2224]);

    const e = estimateError(tiny, unit);
    // distance |errors| 0, 0.1, 0.2, 0.25, 0.5, 1: median (0.2 + 0.25) / 2, p90 at rank 4.5 → 0.75
    expect(e.distance.cells).toBe(6);
    expect(e.distance.median).toBeCloseTo(0.225, 12);
    expect(e.distance.p90).toBeCloseTo(0.75, 12);
    expect(e.distance.meanSigned).toBeCloseTo(1.45 / 6, 12);
    // duration |errors| 0, 0, 0.2, 0.5, 1, 1: median 0.35, p90 1
    expect(e.duration.cells).toBe(6);
    expect(e.duration.median).toBeCloseTo(0.35, 12);
    expect(e.duration.p90).toBeCloseTo(1, 12);
    expect(e.duration.meanSigned).toBeCloseTo(1.3 / 6, 12);
  });

  it('takes quantiles by linear interpolation between order statistics', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.9)).toBeCloseTo(9, 12);
    expect(quantile([5], 0.9)).toBe(5);
  });
});

describe('fitting the estimate to a recording', () => {
  const points = demoSettlements();

  it('finds noiseless parameters exactly (to the recording’s whole metres and seconds)', () => {
    const obs = syntheticRecording(points, {
      truth: SYNTHETIC_TRUTH,
      seed: 1,
      distanceNoise: 0,
      durationNoise: 0,
    });
    const fit = fitEstimate(obs);
    expect(fit.detourFactor).toBeCloseTo(SYNTHETIC_TRUTH.detourFactor, 4);
    expect(fit.speedKmh).toBeCloseTo(SYNTHETIC_TRUTH.speedKmh, 1);
    expect(fit.legOverheadS).toBeCloseTo(SYNTHETIC_TRUTH.legOverheadS, 0);
    expect(fit.distanceCells).toBe(points.length * (points.length - 1));
  });

  it('recovers known parameters from a noisy synthetic recording (seeded), and cuts the error', () => {
    for (const seed of [1, 2, 3]) {
      const obs = syntheticRecording(points, {
        truth: SYNTHETIC_TRUTH,
        seed,
        distanceNoise: 0.08,
        durationNoise: 0.1,
      });
      const c = calibrate(obs, RURAL_CAR);
      expect(Math.abs(c.fitted.detourFactor / SYNTHETIC_TRUTH.detourFactor - 1)).toBeLessThan(0.02);
      expect(Math.abs(c.fitted.speedKmh / SYNTHETIC_TRUTH.speedKmh - 1)).toBeLessThan(0.04);
      expect(Math.abs(c.fitted.legOverheadS - SYNTHETIC_TRUTH.legOverheadS)).toBeLessThan(25);
      // fitted to data made with σ 8 % and 10 %: the median error is about 0.67 σ
      expect(c.after.distance.median).toBeLessThan(0.07);
      expect(c.after.duration.median).toBeLessThan(0.09);
      expect(c.after.distance.median).toBeLessThan(c.before.distance.median);
      expect(c.after.duration.median).toBeLessThan(c.before.duration.median);
    }
  });

  it('gives the same recording, and so the same fit, for the same seed', () => {
    const make = () =>
      syntheticRecording(points, {
        truth: SYNTHETIC_TRUTH,
        seed: 5,
        distanceNoise: 0.08,
        durationNoise: 0.1,
      });
    expect(make()).toEqual(make());
    expect(fitEstimate(make())).toEqual(fitEstimate(make()));
  });

  it('clamps a negative per-leg overhead to none and refits the speed alone', () => {
    // durations 300 s shorter than distance ÷ 50 km/h: the unconstrained fit would give −300 s
    const factor = 1.3;
    const n = points.length;
    const obs: Observed = { points, durations: [], distances: [] };
    for (let i = 0; i < n; i++) {
      obs.durations.push([]);
      obs.distances.push([]);
      for (let j = 0; j < n; j++) {
        const road = haversineMetres(points[i]!, points[j]!) * factor;
        obs.distances[i]!.push(road);
        obs.durations[i]!.push(i === j ? 0 : Math.max(60, road / (50 / 3.6) - 300));
      }
    }
    const fit = fitEstimate(obs);
    expect(fit.legOverheadS).toBe(0);
    expect(fit.detourFactor).toBeCloseTo(factor, 6);
    expect(fit.speedKmh).toBeGreaterThan(50);
  });
});
