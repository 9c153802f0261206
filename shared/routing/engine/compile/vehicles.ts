/**
 * Compile section 4: the vehicles: shift, capacity, cost class, route limits, breaks (break nodes are
 * added to the node table here), done steps, locked steps, and classes of interchangeable vehicles.
 */
import type { VroomJob, VroomShipment, VroomVehicle } from '../../vroom-format';
import { KIND_BREAK } from '../kinds';
import { type DoneInfo, taskKey } from '../model';
import type { DoneIndex } from './done-steps';
import { type CompiledMatrices, costMatrix } from './matrices';
import type { NodeTable } from './nodes';
import type { RequestTable } from './requests';
import { checkAmount, checkTws, fail, isNum } from './validate';

export class VehicleTable {
  readonly V: number;
  readonly vStart: Int32Array;
  readonly vEnd: Int32Array;
  readonly vHasStart: Uint8Array;
  readonly vHasEnd: Uint8Array;
  readonly vTwA: Float64Array;
  readonly vTwB: Float64Array;
  readonly vCap: Float64Array;
  readonly vInitLoad: Float64Array;
  /** Shipments on board at the start (pickup done, delivery not). */
  readonly vOnboard: Int32Array;
  readonly vProfile: Int32Array;
  readonly vCostClass: Int32Array;
  readonly vFixed: Float64Array;
  readonly vMaxTasks: Float64Array;
  readonly vMaxTT: Float64Array;
  readonly vMaxDist: Float64Array;
  readonly vMaxDur: Float64Array;
  readonly vBreaks: number[][] = [];
  readonly vLocked: number[][] = [];
  readonly vDone: DoneInfo[][] = [];
  readonly vSkills: number[][] = [];
  readonly vClass: Int32Array;
  readonly vExactOK: Uint8Array;
  /** Travel cost matrix per cost class. */
  readonly costMat: Float64Array[] = [];
  readonly costKeys: string[] = [];
  /** Per vehicle: what makes two empty vehicles interchangeable. */
  readonly classKeys: string[] = [];

  constructor(V: number, D: number) {
    this.V = V;
    this.vStart = new Int32Array(V);
    this.vEnd = new Int32Array(V);
    this.vHasStart = new Uint8Array(V);
    this.vHasEnd = new Uint8Array(V);
    this.vTwA = new Float64Array(V);
    this.vTwB = new Float64Array(V);
    this.vCap = new Float64Array(V * D);
    this.vInitLoad = new Float64Array(V * D);
    this.vOnboard = new Int32Array(V);
    this.vProfile = new Int32Array(V);
    this.vCostClass = new Int32Array(V);
    this.vFixed = new Float64Array(V);
    this.vMaxTasks = new Float64Array(V);
    this.vMaxTT = new Float64Array(V);
    this.vMaxDist = new Float64Array(V);
    this.vMaxDur = new Float64Array(V);
    this.vClass = new Int32Array(V);
    this.vExactOK = new Uint8Array(V);
  }
}

export interface VehicleInputs {
  vehicles: VroomVehicle[];
  jobs: VroomJob[];
  shipments: VroomShipment[];
  mx: CompiledMatrices;
  nodes: NodeTable;
  rq: RequestTable;
  done: DoneIndex;
}

export function compileVehicles(inp: VehicleInputs): VehicleTable {
  const { vehicles, nodes, rq } = inp;
  const D = nodes.D;
  const vt = new VehicleTable(vehicles.length, D);
  for (const [vi, a] of rq.onboardAmt) {
    vt.vOnboard[vi]!++;
    for (let d = 0; d < D; d++) vt.vInitLoad[vi * D + d]! += a[d] ?? 0;
  }
  for (let vi = 0; vi < vt.V; vi++) {
    const v = vehicles[vi]!;
    const what = `vehicle ${v.id}`;
    const prof = inp.mx.profiles.indexOf(v.profile ?? 'car');
    vt.vProfile[vi] = prof;
    compileShift(inp, vt, vi, what);
    compileCapacity(v, vt, vi, D, what);
    compileCosts(v, inp.mx, vt, vi, prof, what);
    compileLimits(v, vt, vi, what);
    vt.vSkills.push(v.skills ?? []);
    compileBreaks(inp, vt, vi, what);
    vt.vExactOK[vi] = vt.vBreaks[vi]!.length === 0 && !Number.isFinite(vt.vMaxDur[vi]!) ? 1 : 0;
    vt.vDone.push(compileDoneSteps(inp, vi, what));
    vt.classKeys.push(
      JSON.stringify([
        vt.vStart[vi],
        vt.vEnd[vi],
        vt.vTwA[vi],
        vt.vTwB[vi],
        Array.from(vt.vCap.subarray(vi * D, vi * D + D)),
        vt.vCostClass[vi],
        vt.vFixed[vi],
        v.skills ?? [],
        vt.vMaxTasks[vi],
        vt.vMaxTT[vi],
        vt.vMaxDist[vi],
        vt.vMaxDur[vi],
      ]),
    );
  }
  assignVehicleClasses(vehicles, vt);
  return vt;
}

/** Start, end and working hours. */
function compileShift(inp: VehicleInputs, vt: VehicleTable, vi: number, what: string): void {
  const v = inp.vehicles[vi]!;
  const { checkLoc, dummy } = inp.mx;
  vt.vHasStart[vi] = v.start_index !== undefined ? 1 : 0;
  vt.vHasEnd[vi] = v.end_index !== undefined ? 1 : 0;
  vt.vStart[vi] = v.start_index !== undefined ? checkLoc(`${what} start`, v.start_index) : dummy;
  vt.vEnd[vi] = v.end_index !== undefined ? checkLoc(`${what} end`, v.end_index) : dummy;
  const tw = v.time_window;
  if (tw !== undefined) {
    if (!Array.isArray(tw) || tw.length !== 2 || !isNum(tw[0]) || !isNum(tw[1]))
      fail(`${what}: time_window must be [start, end]`);
    if (tw[0] < 0 || tw[1] < 0) fail(`${what}: negative time in time_window`);
    if (tw[0] > tw[1]) fail(`${what}: time_window start after end`);
  }
  vt.vTwA[vi] = tw ? tw[0] : 0;
  vt.vTwB[vi] = tw ? tw[1] : Number.POSITIVE_INFINITY;
}

function compileCapacity(v: VroomVehicle, vt: VehicleTable, vi: number, D: number, what: string): void {
  const cap = v.capacity;
  for (let d = 0; d < D; d++) {
    if (cap === undefined) vt.vCap[vi * D + d] = Number.POSITIVE_INFINITY;
    else {
      const c = cap[d] ?? 0;
      if (!isNum(c) || c < 0) fail(`${what}: capacity must be non-negative numbers`);
      vt.vCap[vi * D + d] = c;
    }
  }
}

/** Fixed cost and the cost class: vehicles with the same (profile, per_hour, per_km) share a matrix. */
function compileCosts(
  v: VroomVehicle,
  mx: CompiledMatrices,
  vt: VehicleTable,
  vi: number,
  prof: number,
  what: string,
): void {
  const costs = v.costs ?? {};
  const fixed = costs.fixed ?? 0;
  const ph = costs.per_hour ?? 3600;
  const pk = costs.per_km ?? 0;
  if (!isNum(fixed) || !isNum(ph) || !isNum(pk) || fixed < 0 || ph < 0 || pk < 0)
    fail(`${what}: costs must be non-negative numbers`);
  if (pk > 0 && !mx.hasDist[prof] && !mx.customCost[prof])
    fail(`${what}: costs.per_km needs a distances matrix`);
  vt.vFixed[vi] = fixed;
  const custom = mx.customCost[prof];
  const ck = custom ? `${prof}|custom` : `${prof}|${ph}|${pk}`;
  let cc = vt.costKeys.indexOf(ck);
  if (cc < 0) {
    cc = vt.costKeys.length;
    vt.costKeys.push(ck);
    vt.costMat.push(custom ?? costMatrix(mx, prof, ph, pk));
  }
  vt.vCostClass[vi] = cc;
}

/** max_tasks, max_travel_time, max_distance, max_duration (absent: no limit). */
function compileLimits(v: VroomVehicle, vt: VehicleTable, vi: number, what: string): void {
  const posOr = (x: number | undefined, name: string): number => {
    if (x === undefined) return Number.POSITIVE_INFINITY;
    if (!isNum(x) || x < 0) fail(`${what}: ${name} must be a non-negative number`);
    return x;
  };
  vt.vMaxTasks[vi] = posOr(v.max_tasks, 'max_tasks');
  vt.vMaxTT[vi] = posOr(v.max_travel_time, 'max_travel_time');
  vt.vMaxDist[vi] = posOr(v.max_distance, 'max_distance');
  vt.vMaxDur[vi] = posOr(v.max_duration, 'max_duration');
}

/** Break nodes of the vehicle not yet taken today, sorted by the opening of their first window. */
function compileBreaks(inp: VehicleInputs, vt: VehicleTable, vi: number, what: string): void {
  const v = inp.vehicles[vi]!;
  const nodes = inp.nodes;
  const bl: number[] = [];
  const seenB = new Set<number>();
  for (const b of v.breaks ?? []) {
    if (!isNum(b.id)) fail(`${what}: break without id`);
    if (seenB.has(b.id)) fail(`${what}: duplicate break id ${b.id}`);
    seenB.add(b.id);
    if (inp.done.doneTasks.has(taskKey('break', b.id, vi))) continue;
    const n = nodes.add(KIND_BREAK, b.id, `${what} break ${b.id}`, null);
    const sv = b.service ?? 0;
    if (!isNum(sv) || sv < 0) fail(`${what} break ${b.id}: service must be non-negative`);
    nodes.service[n] = sv;
    nodes.twList[n] = checkTws(`${what} break ${b.id}`, b.time_windows);
    if (b.max_load) nodes.breakMaxLoad[n] = nodes.pad(checkAmount(`${what} break ${b.id}`, b.max_load));
    nodes.breakVehicle[n] = vi;
    bl.push(n);
  }
  bl.sort((a, b) => nodes.twList[a]![0]![0] - nodes.twList[b]![0]![0]);
  vt.vBreaks.push(bl);
}

/** The vehicle's done steps as echoed in the output (with the location of each task). */
function compileDoneSteps(inp: VehicleInputs, vi: number, what: string): DoneInfo[] {
  const { jobs, shipments } = inp;
  const done: DoneInfo[] = [];
  for (const s of inp.vehicles[vi]!.done_steps ?? []) {
    let li: number | undefined;
    if (s.type === 'job') {
      const j = jobs.find((x) => x.id === s.id);
      if (!j) fail(`${what}: done step refers to unknown job ${s.id}`);
      li = j.location_index;
    } else if (s.type === 'pickup' || s.type === 'delivery') {
      const sh = shipments.find((x) => (s.type === 'pickup' ? x.pickup.id : x.delivery.id) === s.id);
      if (!sh) fail(`${what}: done step refers to unknown ${s.type} ${s.id}`);
      li = s.type === 'pickup' ? sh.pickup.location_index : sh.delivery.location_index;
      if (s.type === 'delivery' && inp.done.pickupOwner.get(sh.pickup.id) !== vi)
        fail(`${what}: delivery ${s.id} done but its pickup was not done by this vehicle`);
    } else if (s.type !== 'break') fail(`${what}: bad done step type ${String(s.type)}`);
    done.push({ ref: { type: s.type, id: s.id }, departure: s.departure, locationIndex: li });
  }
  return done;
}

/** Identical empty vehicles (no breaks, no locks, no done steps) share a class; others are alone. */
function assignVehicleClasses(vehicles: VroomVehicle[], vt: VehicleTable): void {
  const classMap = new Map<string, number>();
  for (let vi = 0; vi < vt.V; vi++) {
    const v = vehicles[vi]!;
    const special =
      vt.vBreaks[vi]!.length > 0 || (v.locked_steps?.length ?? 0) > 0 || vt.vDone[vi]!.length > 0;
    if (special) {
      vt.vClass[vi] = -1 - vi;
      continue;
    }
    const k = vt.classKeys[vi]!;
    let c = classMap.get(k);
    if (c === undefined) {
      c = classMap.size;
      classMap.set(k, c);
    }
    vt.vClass[vi] = c;
  }
}

/** Each vehicle's locked steps (its frozen head) as nodes. */
export function compileLockedSteps(
  vehicles: VroomVehicle[],
  nodes: NodeTable,
  rq: RequestTable,
  vt: VehicleTable,
): void {
  for (let vi = 0; vi < vt.V; vi++) {
    const v = vehicles[vi]!;
    const lk: number[] = [];
    for (const s of v.locked_steps ?? []) {
      let n: number | undefined;
      if (s.type === 'job') n = rq.jobNode.get(s.id);
      else if (s.type === 'pickup') n = rq.pickupNode.get(s.id);
      else if (s.type === 'delivery') n = rq.deliveryNode.get(s.id);
      else if (s.type === 'break') n = vt.vBreaks[vi]!.find((b) => nodes.extId[b] === s.id);
      if (n === undefined) fail(`vehicle ${v.id}: locked step refers to unknown ${s.type} ${s.id}`);
      if (n < 0) fail(`vehicle ${v.id}: locked step ${s.type} ${s.id} is already done`);
      if (lk.includes(n)) fail(`vehicle ${v.id}: locked step ${s.type} ${s.id} repeated`);
      lk.push(n);
    }
    vt.vLocked.push(lk);
  }
}
