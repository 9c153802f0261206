import { describe, expect, it } from 'vitest';
import { solve } from '../../../../shared/routing/engine/index';
import type { VroomJob, VroomProblem } from '../../../../shared/routing/vroom-format';
import { euclid, expectFeasible, lcg, opts, permutations } from './helpers';

/** Best cost of one closed route from depot 0 through `jobs` (earliest-start schedule), or Infinity. */
function bestRoute(M: number[][], jobs: VroomJob[], shift: [number, number]): number {
  if (jobs.length === 0) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (const order of permutations(jobs)) {
    let t = shift[0];
    let at = 0;
    let cost = 0;
    let ok = true;
    for (const j of order) {
      const tt = M[at]![j.location_index]!;
      cost += tt;
      t += tt;
      const w = j.time_windows?.[0] ?? [0, Number.POSITIVE_INFINITY];
      if (t > w[1]) {
        ok = false;
        break;
      }
      t = Math.max(t, w[0]) + (j.service ?? 0);
      at = j.location_index;
    }
    cost += M[at]![0]!;
    t += M[at]![0]!;
    if (ok && t <= shift[1] && cost < best) best = cost;
  }
  return best;
}

function instance(seed: number, n: number, vehicles: number): VroomProblem {
  const rnd = lcg(seed);
  const pts: Array<[number, number]> = [[50, 50]];
  for (let i = 0; i < n; i++) pts.push([Math.floor(rnd() * 100), Math.floor(rnd() * 100)]);
  const M = euclid(pts);
  const jobs: VroomJob[] = [];
  for (let i = 1; i <= n; i++) {
    const a = Math.floor(rnd() * 150);
    jobs.push({
      id: i,
      location_index: i,
      service: 10,
      time_windows: [[a, a + 60 + Math.floor(rnd() * 120)]],
    });
  }
  return {
    vehicles: Array.from({ length: vehicles }, (_, k) => ({
      id: k + 1,
      start_index: 0,
      end_index: 0,
      time_window: [0, 600] as [number, number],
    })),
    jobs,
    matrices: { car: { durations: M } },
  };
}

describe('known optima by brute force', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`one vehicle, 6 jobs with time windows (seed ${seed})`, () => {
      const p = instance(seed, 6, 1);
      const M = p.matrices.car!.durations;
      const opt = bestRoute(M, p.jobs!, [0, 600]);
      const s = solve(p, opts({ maxIterations: 400 }));
      expectFeasible(p, s);
      if (opt === Number.POSITIVE_INFINITY) expect(s.unassigned.length).toBeGreaterThan(0);
      else {
        expect(s.unassigned).toEqual([]);
        expect(s.summary.cost).toBeCloseTo(opt, 6);
      }
    });
  }
  for (const seed of [11, 12, 13]) {
    it(`two vehicles, 7 jobs (seed ${seed})`, () => {
      const p = instance(seed, 7, 2);
      const M = p.matrices.car!.durations;
      const jobs = p.jobs!;
      let opt = Number.POSITIVE_INFINITY;
      for (let mask = 0; mask < 1 << jobs.length; mask++) {
        const a = jobs.filter((_, i) => mask & (1 << i));
        const b = jobs.filter((_, i) => !(mask & (1 << i)));
        const c = bestRoute(M, a, [0, 600]) + bestRoute(M, b, [0, 600]);
        if (c < opt) opt = c;
      }
      const s = solve(p, opts({ maxIterations: 600 }));
      expectFeasible(p, s);
      if (opt < Number.POSITIVE_INFINITY) {
        expect(s.unassigned).toEqual([]);
        expect(s.summary.cost).toBeCloseTo(opt, 6);
      }
    });
  }
});
