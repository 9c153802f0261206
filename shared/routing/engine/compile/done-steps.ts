/** Compile: the index of the vehicles' ids and of what they have already done today (`done_steps`). */
import type { VroomVehicle } from '../../vroom-format';
import { taskKey } from '../model';
import { fail, isNum } from './validate';

export interface DoneIndex {
  /** Vehicle id -> index. */
  vehicleIdx: Map<number, number>;
  /** taskKey of every done step. */
  doneTasks: Set<string>;
  /** taskKey -> departure of the done step. */
  doneDep: Map<string, number | undefined>;
  /** Pickup id -> index of the vehicle that did it. */
  pickupOwner: Map<number, number>;
}

export function indexDoneSteps(vehicles: VroomVehicle[]): DoneIndex {
  const doneTasks = new Set<string>();
  const doneDep = new Map<string, number | undefined>();
  const vehicleIdx = new Map<number, number>();
  vehicles.forEach((v, i) => {
    if (!isNum(v.id)) fail(`vehicle #${i}: id must be a number`);
    if (vehicleIdx.has(v.id)) fail(`duplicate vehicle id ${v.id}`);
    vehicleIdx.set(v.id, i);
  });
  const pickupOwner = new Map<number, number>();
  vehicles.forEach((v, vi) => {
    for (const s of v.done_steps ?? []) {
      const k = taskKey(s.type, s.id, vi);
      if (doneTasks.has(k)) fail(`done step ${s.type} ${s.id} appears twice`);
      doneTasks.add(k);
      doneDep.set(k, s.departure);
      if (s.type === 'pickup') pickupOwner.set(s.id, vi);
    }
  });
  return { vehicleIdx, doneTasks, doneDep, pickupOwner };
}
