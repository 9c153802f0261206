import { expect } from 'vitest';
import { checkSolution } from '../../../../shared/routing/checker/index';
import type {
  SolveOptions,
  VroomProblem,
  VroomShipment,
  VroomSolution,
  VroomVehicle,
} from '../../../../shared/routing/vroom-format';

export const opts = (extra: Partial<SolveOptions> = {}): SolveOptions => ({
  timeLimitMs: 1e12,
  now: () => 0,
  maxIterations: 200,
  seed: 1,
  ...extra,
});

/** Points on a plane → Euclidean matrix (rounded to integers to keep numbers readable). */
export function euclid(pts: Array<[number, number]>): number[][] {
  return pts.map(([x, y]) => pts.map(([a, b]) => Math.round(Math.hypot(x - a, y - b))));
}

/** Matrix of |i - j| * k (points on a line). */
export function lineMatrix(n: number, k = 10): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Math.abs(i - j) * k));
}

export function expectFeasible(p: VroomProblem, s: VroomSolution): void {
  const r = checkSolution(p, s);
  expect(r.violations).toEqual([]);
}

export function taskIds(s: VroomSolution, vehicle?: number): string[] {
  const out: string[] = [];
  for (const r of s.routes) {
    if (vehicle !== undefined && r.vehicle !== vehicle) continue;
    for (const st of r.steps)
      if (st.id !== undefined && st.type !== 'break' && !st.done) out.push(`${st.type}:${st.id}`);
  }
  return out;
}

/** Deterministic PRNG for generating test instances. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function permutations<T>(a: T[]): T[][] {
  if (a.length <= 1) return [a.slice()];
  const out: T[][] = [];
  for (let i = 0; i < a.length; i++) {
    const rest = a.slice(0, i).concat(a.slice(i + 1));
    for (const p of permutations(rest)) out.push([a[i]!, ...p]);
  }
  return out;
}

// ---- builders for the small problems the engine tests spell out

/** Locations 0..4 on a line, 10 apart. */
export const LINE5 = lineMatrix(5);

/** The problem on the 5-point line (durations only), unless it brings its own matrices. */
export function onLine(
  p: Omit<VroomProblem, 'matrices'> & { matrices?: VroomProblem['matrices'] },
): VroomProblem {
  return { matrices: { car: { durations: LINE5 } }, ...p };
}

/** A vehicle that starts and ends at the depot (location 0). */
export function depotVehicle(id: number, extra: Partial<VroomVehicle> = {}): VroomVehicle {
  return { id, start_index: 0, end_index: 0, ...extra };
}

/** One seat from `from` to `to`; pickup and delivery share the id. */
export function ride(
  id: number,
  from: number,
  to: number,
  extra: Partial<VroomShipment> = {},
): VroomShipment {
  return {
    amount: [1],
    pickup: { id, location_index: from },
    delivery: { id, location_index: to },
    ...extra,
  };
}
