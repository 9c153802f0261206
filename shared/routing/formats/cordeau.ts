/**
 * Cordeau (2006) DARP format. Header `K n T Q L`; then 2n+2 lines `id x y service load earliest latest`:
 * 0 = start depot, 1..n pickups, n+1..2n drop-offs, 2n+1 = end depot. Travel time = distance.
 * Shipments (pickup id i, delivery id n+i) with max_ride_time L; vehicles with capacity Q,
 * max_duration T, shift [start depot earliest, end depot latest].
 *
 * Also accepts jinete's rewrite (header's 2nd field = 2n, start depot latest = 1440, end depot line
 * possibly missing): n is taken from the node lines and the shift ends at the end depot's latest time
 * (T when the end depot line is missing).
 */
import type { VroomProblem, VroomShipment, VroomShipmentStep, VroomVehicle } from '../vroom-format';
import {
  allNumeric,
  applyObjective,
  euclideanMatrix,
  FormatError,
  numbersOf,
  type ReaderOptions,
} from './common';

export function readCordeau(text: string, opts?: ReaderOptions): VroomProblem {
  const lines = text
    .split(/\r?\n/)
    .map(numbersOf)
    .filter((n) => n.length > 0);
  const header = lines[0];
  if (header?.length !== 5 || !allNumeric(header)) throw new FormatError('cordeau: bad header');
  const [fleet, nField, maxDuration, capacity, maxRide] = header as [number, number, number, number, number];
  const nodes = lines.slice(1);
  for (const r of nodes) {
    if (r.length !== 7 || !allNumeric(r)) throw new FormatError(`cordeau: bad node line: ${r.join(' ')}`);
  }
  let n: number;
  let hasEndDepot: boolean;
  if (nodes.length === 2 * nField + 2) {
    n = nField;
    hasEndDepot = true;
  } else if (nodes.length === nField + 2 && nField % 2 === 0) {
    n = nField / 2; // jinete: header holds 2n
    hasEndDepot = true;
  } else if (nodes.length === nField + 1 && nField % 2 === 0) {
    n = nField / 2; // jinete without the end depot line
    hasEndDepot = false;
  } else if (nodes.length === 2 * nField + 1) {
    n = nField;
    hasEndDepot = false;
  } else {
    throw new FormatError(`cordeau: ${nodes.length} node lines do not match n=${nField}`);
  }
  nodes.forEach((r, k) => {
    if (r[0] !== k) throw new FormatError(`cordeau: node line ${k} has id ${r[0]}`);
  });
  const startDepot = nodes[0]!;
  const endDepot: number[] = hasEndDepot
    ? nodes[2 * n + 1]!
    : [2 * n + 1, startDepot[1]!, startDepot[2]!, 0, 0, 0, maxDuration];
  const all = hasEndDepot ? nodes : [...nodes, endDepot];
  const points = all.map((r) => [r[1]!, r[2]!] as [number, number]);
  const step = (k: number): VroomShipmentStep => {
    const r = all[k]!;
    return { id: k, location: points[k]!, location_index: k, service: r[3]!, time_windows: [[r[5]!, r[6]!]] };
  };
  const shipments: VroomShipment[] = [];
  for (let i = 1; i <= n; i++) {
    const load = all[i]![4]!;
    if (all[n + i]![4] !== -load) throw new FormatError(`cordeau: load mismatch ${i}/${n + i}`);
    shipments.push({ amount: [load], pickup: step(i), delivery: step(n + i), max_ride_time: maxRide });
  }
  const shiftStart = startDepot[5]!;
  // The start depot's latest time is a latest departure; the shift ends at the end depot's latest time.
  const shiftEnd = endDepot[6]!;
  const vehicles: VroomVehicle[] = [];
  for (let v = 1; v <= fleet; v++) {
    vehicles.push({
      id: v,
      start_index: 0,
      end_index: 2 * n + 1,
      start: points[0]!,
      end: points[2 * n + 1]!,
      capacity: [capacity],
      time_window: [shiftStart, shiftEnd],
      max_duration: maxDuration,
    });
  }
  return applyObjective({ vehicles, shipments, matrices: { car: euclideanMatrix(points) } }, opts);
}
