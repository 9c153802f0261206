/**
 * Solomon VRPTW text format (also Gehring & Homberger): a `VEHICLE / NUMBER CAPACITY` block, then
 * `CUST NO. XCOORD. YCOORD. DEMAND READY TIME DUE DATE SERVICE TIME`, row 0 = depot.
 * Jobs with delivery [demand]; job id = CUST NO.; matrix index = row order (depot = 0).
 */
import type { VroomJob, VroomProblem } from '../vroom-format';
import {
  allNumeric,
  applyObjective,
  depotFleet,
  euclideanMatrix,
  FormatError,
  numbersOf,
  type ReaderOptions,
} from './common';

export function readSolomon(text: string, opts?: ReaderOptions): VroomProblem {
  const lines = text.split(/\r?\n/);
  let fleet: number | undefined;
  let capacity: number | undefined;
  const rows: number[][] = [];
  let inVehicle = false;
  for (const line of lines) {
    const upper = line.trim().toUpperCase();
    if (upper.startsWith('VEHICLE')) {
      inVehicle = true;
      continue;
    }
    if (upper.startsWith('CUSTOMER')) {
      inVehicle = false;
      continue;
    }
    const nums = numbersOf(line);
    if (!allNumeric(nums)) continue;
    if (inVehicle && nums.length === 2 && fleet === undefined) {
      [fleet, capacity] = nums as [number, number];
      continue;
    }
    if (nums.length === 7) rows.push(nums);
  }
  if (fleet === undefined || capacity === undefined)
    throw new FormatError('solomon: no VEHICLE NUMBER CAPACITY');
  if (rows.length < 2) throw new FormatError('solomon: no customer rows');
  const depot = rows[0]!;
  if (depot[0] !== 0) throw new FormatError(`solomon: first row must be the depot 0, got ${depot[0]}`);
  const points = rows.map((r) => [r[1]!, r[2]!] as [number, number]);
  const jobs: VroomJob[] = rows.slice(1).map((r, k) => ({
    id: r[0]!,
    location: points[k + 1]!,
    location_index: k + 1,
    delivery: [r[3]!],
    service: r[6]!,
    time_windows: [[r[4]!, r[5]!]],
  }));
  const vehicles = depotFleet(fleet, capacity, points[0]!, [depot[4]!, depot[5]!]);
  return applyObjective({ vehicles, jobs, matrices: { car: euclideanMatrix(points) } }, opts);
}
