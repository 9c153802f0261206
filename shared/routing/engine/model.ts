/**
 * The compiled problem: flat typed arrays used by the search (built by `compile/`).
 *
 * Nodes: every plannable task end (job, shipment pickup, shipment delivery) and every break.
 * Requests: the unit of assignment (a job, a shipment = pickup + delivery, or the delivery of a
 * shipment already on board). Location index `dummy` (= number of real locations) has zero travel
 * to and from everything; it stands for "no start" / "no end".
 *
 * Legend of the short names (kept short: the hot loops read them): N nodes, R requests, V vehicles,
 * D capacity dimensions, L locations + 1 (row length of a matrix), tw/twOff time windows (pairs) and
 * their offsets per node, dLoad load change at a node, r* per request, v* per vehicle.
 */
import type { StepRef, TaskType, VroomProblem } from '../vroom-format';

export const MANDATORY_PENALTY = 1e9;

export interface DoneInfo {
  ref: StepRef;
  departure: number | undefined;
  locationIndex: number | undefined;
}

export interface Model {
  problem: VroomProblem;
  nLoc: number; // real locations
  L: number; // nLoc + 1 (dummy)
  dummy: number;
  D: number;
  profiles: string[];
  dur: Float64Array[];
  dist: Float64Array[];
  hasDist: boolean[];
  costMat: Float64Array[];
  // nodes
  N: number;
  kind: Uint8Array;
  extId: number[];
  loc: Int32Array;
  setup: Float64Array;
  service: Float64Array;
  twOff: Int32Array;
  tw: Float64Array;
  startLoad: Float64Array;
  dLoad: Float64Array;
  breakMaxLoad: Float64Array;
  req: Int32Array;
  partner: Int32Array;
  maxRide: Float64Array;
  exclusive: Uint8Array;
  onboardDep: Float64Array; // for on-board deliveries: departure from the done pickup, else NaN
  breakVehicle: Int32Array;
  // requests
  R: number;
  rNode0: Int32Array;
  rNode1: Int32Array;
  rPenalty: Float64Array;
  rMandatory: Uint8Array;
  rPriority: Float64Array;
  rSimple: Uint8Array;
  rCompat: Uint8Array; // R*V
  rLock: Int32Array; // vehicle index or -1
  rSkills: number[][];
  // vehicles
  V: number;
  vExtId: number[];
  vStart: Int32Array;
  vEnd: Int32Array;
  vHasStart: Uint8Array;
  vHasEnd: Uint8Array;
  vTwA: Float64Array;
  vTwB: Float64Array;
  vCap: Float64Array;
  vInitLoad: Float64Array;
  /** Shipments on board at the start (pickup done, delivery not). */
  vOnboard: Int32Array;
  vProfile: Int32Array;
  vCostClass: Int32Array;
  vFixed: Float64Array;
  vMaxTasks: Float64Array;
  vMaxTT: Float64Array;
  vMaxDist: Float64Array;
  vMaxDur: Float64Array;
  vBreaks: number[][];
  vLocked: number[][];
  vDone: DoneInfo[][];
  vClass: Int32Array;
  vExactOK: Uint8Array;
  vSkills: number[][];
  // lookup
  jobNode: Map<number, number>;
  pickupNode: Map<number, number>;
  deliveryNode: Map<number, number>;
  doneTasks: Set<string>;
  objective: 'cost' | 'vehicles-then-cost';
}

export const taskKey = (type: TaskType | 'break', id: number, vehicle = -1): string =>
  type === 'break' ? `break:${vehicle}:${id}` : `${type}:${id}`;
