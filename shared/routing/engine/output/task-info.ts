/** What the output repeats from the problem about a node: its description and coordinates. */

import { KIND_DELIVERY, KIND_JOB, KIND_PICKUP } from '../kinds';
import type { Model } from '../model';

export interface TaskInfo {
  description?: string;
  location?: [number, number];
}

export function taskInfo(m: Model, n: number): TaskInfo {
  const p = m.problem;
  const k = m.kind[n]!;
  const id = m.extId[n]!;
  if (k === KIND_JOB) return p.jobs?.find((j) => j.id === id) ?? {};
  if (k === KIND_PICKUP) return p.shipments?.find((s) => s.pickup.id === id)?.pickup ?? {};
  if (k === KIND_DELIVERY) return p.shipments?.find((s) => s.delivery.id === id)?.delivery ?? {};
  const v = m.breakVehicle[n]!;
  return p.vehicles[v]?.breaks?.find((b) => b.id === id) ?? {};
}

export function fmt(a: ArrayLike<number>): string {
  return `[${Array.from(a).join(', ')}]`;
}
