/**
 * Compile section 1: the travel matrices of the profiles the vehicles use, flattened to L x L
 * (L = locations + 1: the last row and column are the dummy location, zero to and from everything).
 */
import type { VroomProblem } from '../../vroom-format';
import { fail, isNum, MAX_LOCATIONS } from './validate';

export interface CompiledMatrices {
  profiles: string[];
  /** Real locations. */
  nLoc: number;
  L: number;
  dummy: number;
  dur: Float64Array[];
  dist: Float64Array[];
  hasDist: boolean[];
  /** A profile's own `costs` matrix, if given. */
  customCost: (Float64Array | null)[];
  /** Checks a location_index against the matrices. */
  checkLoc: (what: string, i: unknown) => number;
}

function readMatrix(name: string, mat: number[][] | undefined, n: number): Float64Array | null {
  if (mat === undefined) return null;
  if (!Array.isArray(mat) || mat.length !== n) fail(`matrix ${name} is not square (${n} rows expected)`);
  const L = n + 1;
  const out = new Float64Array(L * L);
  for (let i = 0; i < n; i++) {
    const row = mat[i];
    if (!Array.isArray(row) || row.length !== n)
      fail(`matrix ${name} is not square: row ${i} has wrong length`);
    for (let j = 0; j < n; j++) {
      const x = row[j];
      if (!isNum(x)) fail(`matrix ${name}[${i}][${j}] is not a finite number`);
      if (x < 0) fail(`matrix ${name}[${i}][${j}] is negative`);
      out[i * L + j] = x;
    }
  }
  return out;
}

export function compileMatrices(problem: VroomProblem): CompiledMatrices {
  const vehicles = problem.vehicles;
  const matrices = problem.matrices;
  const profiles: string[] = [];
  for (const v of vehicles) {
    const p = v.profile ?? 'car';
    if (!matrices[p]) fail(`vehicle ${v.id}: unknown profile "${p}" (no matrix)`);
    if (!profiles.includes(p)) profiles.push(p);
  }
  if (profiles.length === 0) {
    const keys = Object.keys(matrices);
    profiles.push(keys.includes('car') ? 'car' : (keys[0] ?? 'car'));
  }
  let nLoc = -1;
  const dur: Float64Array[] = [];
  const dist: Float64Array[] = [];
  const hasDist: boolean[] = [];
  const customCost: (Float64Array | null)[] = [];
  for (const p of profiles) {
    const m = matrices[p];
    if (!m) fail(`no matrix for profile "${p}"`);
    const d = m.durations;
    if (!Array.isArray(d)) fail(`matrix ${p}: durations missing`);
    if (nLoc < 0) nLoc = d.length;
    else if (d.length !== nLoc) fail(`matrix ${p}: size ${d.length} differs from ${nLoc}`);
    if (nLoc > MAX_LOCATIONS) fail(`problem too large: ${nLoc} locations (max ${MAX_LOCATIONS})`);
    dur.push(readMatrix(`${p}.durations`, d, nLoc) as Float64Array);
    const di = readMatrix(`${p}.distances`, m.distances, nLoc);
    hasDist.push(di !== null);
    dist.push(di ?? new Float64Array((nLoc + 1) * (nLoc + 1)));
    customCost.push(readMatrix(`${p}.costs`, m.costs, nLoc));
  }
  if (nLoc < 0) nLoc = 0;
  const locations = nLoc;
  const checkLoc = (what: string, i: unknown): number => {
    if (typeof i !== 'number' || !Number.isInteger(i)) fail(`${what}: location_index must be an integer`);
    if (i < 0 || i >= locations)
      fail(`${what}: location_index ${i} out of range (matrix has ${locations} locations)`);
    return i;
  };
  return { profiles, nLoc, L: nLoc + 1, dummy: nLoc, dur, dist, hasDist, customCost, checkLoc };
}

/** The travel cost matrix of a (profile, per_hour, per_km) class: per_hour x duration + per_km x distance. */
export function costMatrix(
  mx: CompiledMatrices,
  profile: number,
  perHour: number,
  perKm: number,
): Float64Array {
  const du = mx.dur[profile]!;
  const di = mx.dist[profile]!;
  const L = mx.L;
  const m = new Float64Array(L * L);
  const a = perHour / 3600;
  const b = perKm / 1000;
  for (let i = 0; i < L * L; i++) m[i] = a * du[i]! + b * di[i]!;
  return m;
}
