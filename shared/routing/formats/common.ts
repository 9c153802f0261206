import type { VroomMatrix, VroomProblem, VroomVehicle } from '../vroom-format';

/** How a benchmark instance is to be optimised. */
export type BenchmarkObjective = 'distance' | 'vehicles-then-distance';

export interface ReaderOptions {
  /** Default 'distance'. 'vehicles-then-distance' sets `options.objective = 'vehicles-then-cost'`. */
  objective?: BenchmarkObjective;
  /** Optional fixed cost per used vehicle (VROOM-style emulation of the hierarchical objective). */
  fixedCost?: number;
}

export class FormatError extends Error {
  override name = 'FormatError';
}

/** Whitespace-separated numbers of a line (empty array for blank lines). */
export function numbersOf(line: string): number[] {
  const t = line.trim();
  if (t === '') return [];
  return t.split(/\s+/).map(Number);
}

export function allNumeric(values: number[]): boolean {
  return values.length > 0 && values.every((v) => Number.isFinite(v));
}

/** Euclidean matrix in double precision; durations = distances (same values, separate arrays). */
export function euclideanMatrix(points: Array<[number, number]>): VroomMatrix {
  const n = points.length;
  const dist: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    const [xi, yi] = points[i]!;
    for (let j = 0; j < n; j++) {
      const [xj, yj] = points[j]!;
      row[j] = Math.sqrt((xi - xj) * (xi - xj) + (yi - yj) * (yi - yj));
    }
    dist.push(row);
  }
  return { durations: dist, distances: dist.map((r) => r.slice()) };
}

export function applyObjective(problem: VroomProblem, opts: ReaderOptions | undefined): VroomProblem {
  const objective = opts?.objective ?? 'distance';
  problem.options = {
    ...problem.options,
    objective: objective === 'distance' ? 'cost' : 'vehicles-then-cost',
  };
  if (opts?.fixedCost !== undefined) {
    for (const v of problem.vehicles) v.costs = { ...v.costs, fixed: opts.fixedCost };
  }
  return problem;
}

/** A homogeneous fleet based at node 0 (Solomon, Li & Lim): `fleet` vehicles, one capacity, depot shift. */
export function depotFleet(
  fleet: number,
  capacity: number,
  depotPoint: [number, number],
  shift: [number, number],
): VroomVehicle[] {
  return Array.from({ length: fleet }, (_, i) => ({
    id: i + 1,
    start_index: 0,
    end_index: 0,
    start: depotPoint,
    end: depotPoint,
    capacity: [capacity],
    time_window: shift,
  }));
}
