/**
 * Li & Lim PDPTW format. Line 1: `K Q speed`; then `id x y demand ready due service pickup delivery`;
 * task 0 = depot; a pickup has pickup index 0 and names its delivery; a delivery names its pickup.
 * Shipments; pickup id / delivery id = the task indices; matrix index = row order.
 */
import type { VroomProblem, VroomShipment, VroomShipmentStep } from '../vroom-format';
import {
  allNumeric,
  applyObjective,
  depotFleet,
  euclideanMatrix,
  FormatError,
  numbersOf,
  type ReaderOptions,
} from './common';

export function readLiLim(text: string, opts?: ReaderOptions): VroomProblem {
  const lines = text
    .split(/\r?\n/)
    .map(numbersOf)
    .filter((n) => n.length > 0);
  const header = lines[0];
  if (!header || header.length < 2 || !allNumeric(header)) throw new FormatError('lilim: bad header');
  const [fleet, capacity] = header as [number, number];
  const rows = lines.slice(1);
  for (const r of rows) {
    if (r.length !== 9 || !allNumeric(r)) throw new FormatError(`lilim: bad task line: ${r.join(' ')}`);
  }
  if (rows.length < 3) throw new FormatError('lilim: no tasks');
  if (rows[0]![0] !== 0) throw new FormatError('lilim: first task must be the depot 0');
  const indexOf = new Map<number, number>();
  rows.forEach((r, k) => {
    if (indexOf.has(r[0]!)) throw new FormatError(`lilim: duplicate task ${r[0]}`);
    indexOf.set(r[0]!, k);
  });
  const points = rows.map((r) => [r[1]!, r[2]!] as [number, number]);
  const step = (k: number): VroomShipmentStep => {
    const r = rows[k]!;
    return {
      id: r[0]!,
      location: points[k]!,
      location_index: k,
      service: r[6]!,
      time_windows: [[r[4]!, r[5]!]],
    };
  };
  const shipments: VroomShipment[] = [];
  const seenDeliveries = new Set<number>();
  for (let k = 1; k < rows.length; k++) {
    const r = rows[k]!;
    const [id, , , demand, , , , p, d] = r as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (p === 0 && d > 0) {
      const dk = indexOf.get(d);
      if (dk === undefined) throw new FormatError(`lilim: pickup ${id} names missing delivery ${d}`);
      const dr = rows[dk]!;
      if (dr[7] !== id) throw new FormatError(`lilim: delivery ${d} does not name pickup ${id}`);
      if (dr[3] !== -demand) throw new FormatError(`lilim: demand mismatch ${id}/${d}`);
      seenDeliveries.add(d);
      shipments.push({ amount: [demand], pickup: step(k), delivery: step(dk) });
    } else if (!(d === 0 && p > 0)) {
      throw new FormatError(`lilim: task ${id} is neither pickup nor delivery`);
    }
  }
  for (let k = 1; k < rows.length; k++) {
    const r = rows[k]!;
    if (r[8] === 0 && !seenDeliveries.has(r[0]!)) throw new FormatError(`lilim: orphan delivery ${r[0]}`);
  }
  const depot = rows[0]!;
  const vehicles = depotFleet(fleet, capacity, points[0]!, [depot[4]!, depot[5]!]);
  return applyObjective({ vehicles, shipments, matrices: { car: euclideanMatrix(points) } }, opts);
}
