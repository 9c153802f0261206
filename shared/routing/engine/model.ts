/**
 * Compiles a VroomProblem into flat typed arrays used by the search.
 *
 * Nodes: every plannable task end (job, shipment pickup, shipment delivery) and every break.
 * Requests: the unit of assignment (a job, a shipment = pickup + delivery, or the delivery of a
 * shipment already on board). Location index `dummy` (= number of real locations) has zero travel
 * to and from everything; it stands for "no start" / "no end".
 */
import type { StepRef, TaskType, VroomProblem, VroomShipmentStep } from '../vroom-format';
import { RoutingInputError } from './errors';
import { evaluateLenient, evaluateRoute, sched } from './evaluate';

export const KIND_JOB = 0;
export const KIND_PICKUP = 1;
export const KIND_DELIVERY = 2;
export const KIND_BREAK = 3;

export const MANDATORY_PENALTY = 1e9;
const MAX_LOCATIONS = 3000;
const MAX_NODES = 6000;
const MAX_VEHICLES = 2000;

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

function fail(msg: string): never {
  throw new RoutingInputError(msg);
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function checkAmount(what: string, a: number[] | undefined): number[] {
  if (a === undefined) return [];
  if (!Array.isArray(a)) fail(`${what}: amount must be an array`);
  for (const x of a) if (!isNum(x) || x < 0) fail(`${what}: amounts must be non-negative numbers`);
  return a;
}

function checkTws(what: string, tws: [number, number][] | undefined): [number, number][] {
  if (tws === undefined || tws.length === 0) return [[0, Number.POSITIVE_INFINITY]];
  if (!Array.isArray(tws)) fail(`${what}: time_windows must be an array`);
  const out = tws.map((w) => {
    if (!Array.isArray(w) || w.length !== 2 || !isNum(w[0]) || !isNum(w[1]))
      fail(`${what}: time window must be [start, end] numbers`);
    if (w[0] < 0 || w[1] < 0) fail(`${what}: negative time in time window [${w[0]}, ${w[1]}]`);
    if (w[0] > w[1]) fail(`${what}: time window start ${w[0]} is after end ${w[1]}`);
    return [w[0], w[1]] as [number, number];
  });
  out.sort((a, b) => a[0] - b[0]);
  return out;
}

export const taskKey = (type: TaskType | 'break', id: number, vehicle = -1): string =>
  type === 'break' ? `break:${vehicle}:${id}` : `${type}:${id}`;

export function compile(problem: VroomProblem): Model {
  if (!problem || typeof problem !== 'object') fail('problem must be an object');
  const vehicles = problem.vehicles;
  if (!Array.isArray(vehicles)) fail('vehicles must be an array');
  const jobs = problem.jobs ?? [];
  const shipments = problem.shipments ?? [];
  if (!Array.isArray(jobs)) fail('jobs must be an array');
  if (!Array.isArray(shipments)) fail('shipments must be an array');
  if (vehicles.length > MAX_VEHICLES)
    fail(`problem too large: ${vehicles.length} vehicles (max ${MAX_VEHICLES})`);
  if (jobs.length + 2 * shipments.length > MAX_NODES)
    fail(`problem too large: ${jobs.length + 2 * shipments.length} tasks (max ${MAX_NODES})`);
  const matrices = problem.matrices;
  if (!matrices || typeof matrices !== 'object') fail('matrices missing');

  // ---- profiles and matrices
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
  const readMatrix = (name: string, mat: number[][] | undefined, n: number): Float64Array | null => {
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
  };
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
  const L = nLoc + 1;
  const dummy = nLoc;
  const checkLoc = (what: string, i: unknown): number => {
    if (typeof i !== 'number' || !Number.isInteger(i)) fail(`${what}: location_index must be an integer`);
    if (i < 0 || i >= nLoc) fail(`${what}: location_index ${i} out of range (matrix has ${nLoc} locations)`);
    return i;
  };

  // ---- dimensions
  let D = 0;
  for (const v of vehicles) D = Math.max(D, v.capacity?.length ?? 0);
  for (const j of jobs) D = Math.max(D, j.delivery?.length ?? 0, j.pickup?.length ?? 0);
  for (const s of shipments) D = Math.max(D, s.amount?.length ?? 0);
  for (const v of vehicles) for (const b of v.breaks ?? []) D = Math.max(D, b.max_load?.length ?? 0);

  // ---- done steps
  const doneTasks = new Set<string>();
  const doneDep = new Map<string, number | undefined>();
  const vehicleIdx = new Map<number, number>();
  vehicles.forEach((v, i) => {
    if (!isNum(v.id)) fail(`vehicle #${i}: id must be a number`);
    if (vehicleIdx.has(v.id)) fail(`duplicate vehicle id ${v.id}`);
    vehicleIdx.set(v.id, i);
  });
  const pickupOwner = new Map<number, number>();
  const onboardAmt: Array<[number, number[]]> = [];
  vehicles.forEach((v, vi) => {
    for (const s of v.done_steps ?? []) {
      const k = taskKey(s.type, s.id, vi);
      if (doneTasks.has(k)) fail(`done step ${s.type} ${s.id} appears twice`);
      doneTasks.add(k);
      doneDep.set(k, s.departure);
      if (s.type === 'pickup') pickupOwner.set(s.id, vi);
    }
  });

  // ---- nodes
  const kind: number[] = [];
  const extId: number[] = [];
  const loc: number[] = [];
  const setup: number[] = [];
  const service: number[] = [];
  const twList: [number, number][][] = [];
  const startLoad: number[][] = [];
  const dLoad: number[][] = [];
  const breakMaxLoad: number[][] = [];
  const req: number[] = [];
  const partner: number[] = [];
  const maxRide: number[] = [];
  const exclusive: number[] = [];
  const onboardDep: number[] = [];
  const breakVehicle: number[] = [];
  const rNode0: number[] = [];
  const rNode1: number[] = [];
  const rPenalty: number[] = [];
  const rMandatory: number[] = [];
  const rPriority: number[] = [];
  const rSimple: number[] = [];
  const rLock: number[] = [];
  const rSkills: number[][] = [];
  const jobNode = new Map<number, number>();
  const pickupNode = new Map<number, number>();
  const deliveryNode = new Map<number, number>();
  const zero = (): number[] => new Array(D).fill(0);
  const pad = (a: number[]): number[] => {
    const o = zero();
    for (let i = 0; i < a.length; i++) o[i] = a[i] as number;
    return o;
  };
  const neg = (a: number[]): number[] => a.map((x) => -x);

  const addNode = (
    k: number,
    id: number,
    what: string,
    t: { location_index: number; setup?: number; service?: number; time_windows?: [number, number][] } | null,
  ): number => {
    const n = kind.length;
    kind.push(k);
    extId.push(id);
    if (t) {
      loc.push(checkLoc(what, t.location_index));
      const su = t.setup ?? 0;
      const sv = t.service ?? 0;
      if (!isNum(su) || su < 0) fail(`${what}: setup must be a non-negative number`);
      if (!isNum(sv) || sv < 0) fail(`${what}: service must be a non-negative number`);
      setup.push(su);
      service.push(sv);
      twList.push(checkTws(what, t.time_windows));
    } else {
      loc.push(dummy);
      setup.push(0);
      service.push(0);
      twList.push([[0, Number.POSITIVE_INFINITY]]);
    }
    startLoad.push(zero());
    dLoad.push(zero());
    breakMaxLoad.push(new Array(D).fill(Number.POSITIVE_INFINITY));
    req.push(-1);
    partner.push(-1);
    maxRide.push(Number.POSITIVE_INFINITY);
    exclusive.push(0);
    onboardDep.push(Number.NaN);
    breakVehicle.push(-1);
    return n;
  };
  const lockOf = (what: string, vid: number | undefined): number => {
    if (vid === undefined) return -1;
    const i = vehicleIdx.get(vid);
    if (i === undefined) fail(`${what}: locked to unknown vehicle ${vid}`);
    return i;
  };
  const checkPriority = (what: string, p: number | undefined): number => {
    if (p === undefined) return 0;
    if (!isNum(p) || p < 0 || p > 100) fail(`${what}: priority must be in 0..100`);
    return p;
  };
  const penaltyOf = (what: string, pen: number | undefined, prio: number): [number, number] => {
    if (pen === undefined) return [MANDATORY_PENALTY * (1 + prio / 100), 1];
    if (!isNum(pen) || pen < 0) fail(`${what}: penalty must be a non-negative number`);
    return [pen, 0];
  };

  for (const j of jobs) {
    if (!j || !isNum(j.id)) fail('job without numeric id');
    const what = `job ${j.id}`;
    if (jobNode.has(j.id)) fail(`duplicate job id ${j.id}`);
    if (doneTasks.has(taskKey('job', j.id))) {
      jobNode.set(j.id, -1);
      continue;
    }
    const n = addNode(KIND_JOB, j.id, what, j);
    jobNode.set(j.id, n);
    const del = pad(checkAmount(what, j.delivery));
    const pic = pad(checkAmount(what, j.pickup));
    startLoad[n] = del;
    dLoad[n] = pic.map((x, i) => x - (del[i] as number));
    const prio = checkPriority(what, j.priority);
    const [pen, mand] = penaltyOf(what, j.penalty, prio);
    req[n] = rNode0.length;
    rNode0.push(n);
    rNode1.push(-1);
    rPenalty.push(pen);
    rMandatory.push(mand);
    rPriority.push(prio);
    rSimple.push(1);
    rLock.push(lockOf(what, j.vehicle));
    rSkills.push(j.skills ?? []);
  }
  for (const s of shipments) {
    if (!s?.pickup || !s.delivery) fail('shipment needs pickup and delivery');
    const p: VroomShipmentStep = s.pickup;
    const d: VroomShipmentStep = s.delivery;
    if (!isNum(p.id) || !isNum(d.id)) fail('shipment steps need numeric ids');
    const what = `shipment ${p.id}`;
    if (pickupNode.has(p.id)) fail(`duplicate pickup id ${p.id}`);
    if (deliveryNode.has(d.id)) fail(`duplicate delivery id ${d.id}`);
    const amt = pad(checkAmount(what, s.amount));
    const prio = checkPriority(what, s.priority);
    const [pen, mand] = penaltyOf(what, s.penalty, prio);
    const mr = s.max_ride_time ?? Number.POSITIVE_INFINITY;
    if (s.max_ride_time !== undefined && (!isNum(mr) || mr < 0))
      fail(`${what}: max_ride_time must be a non-negative number`);
    const pDone = doneTasks.has(taskKey('pickup', p.id));
    const dDone = doneTasks.has(taskKey('delivery', d.id));
    if (dDone && !pDone) fail(`${what}: delivery ${d.id} is done but its pickup is not`);
    // validate even when done
    checkLoc(`pickup ${p.id}`, p.location_index);
    checkLoc(`delivery ${d.id}`, d.location_index);
    if (pDone && dDone) {
      pickupNode.set(p.id, -1);
      deliveryNode.set(d.id, -1);
      continue;
    }
    const r = rNode0.length;
    let lock = lockOf(what, s.vehicle);
    if (pDone) {
      pickupNode.set(p.id, -1);
      const owner = pickupOwner.get(p.id) as number;
      if (lock >= 0 && lock !== owner)
        fail(`${what}: on board vehicle ${vehicles[owner]?.id} but locked to another`);
      lock = owner;
      const dn = addNode(KIND_DELIVERY, d.id, `delivery ${d.id}`, d);
      deliveryNode.set(d.id, dn);
      onboardAmt.push([owner, amt]);
      dLoad[dn] = neg(amt);
      maxRide[dn] = mr;
      const dep = doneDep.get(taskKey('pickup', p.id));
      onboardDep[dn] = dep ?? Number.NaN;
      req[dn] = r;
      rNode0.push(dn);
      rNode1.push(-1);
      rSimple.push(Number.isFinite(mr) ? 0 : 1);
    } else {
      const pn = addNode(KIND_PICKUP, p.id, `pickup ${p.id}`, p);
      const dn = addNode(KIND_DELIVERY, d.id, `delivery ${d.id}`, d);
      pickupNode.set(p.id, pn);
      deliveryNode.set(d.id, dn);
      dLoad[pn] = amt;
      dLoad[dn] = neg(amt);
      partner[pn] = dn;
      partner[dn] = pn;
      maxRide[pn] = mr;
      maxRide[dn] = mr;
      exclusive[pn] = s.exclusive ? 1 : 0;
      exclusive[dn] = s.exclusive ? 1 : 0;
      req[pn] = r;
      req[dn] = r;
      rNode0.push(pn);
      rNode1.push(dn);
      rSimple.push(Number.isFinite(mr) || s.exclusive ? 0 : 1);
    }
    // a passenger already on board is always delivered
    rPenalty.push(pDone ? MANDATORY_PENALTY * 100 : pen);
    rMandatory.push(pDone ? 1 : mand);
    rPriority.push(prio);
    rLock.push(lock);
    rSkills.push(s.skills ?? []);
  }

  // ---- vehicles
  const V = vehicles.length;
  const vStart = new Int32Array(V);
  const vEnd = new Int32Array(V);
  const vHasStart = new Uint8Array(V);
  const vHasEnd = new Uint8Array(V);
  const vTwA = new Float64Array(V);
  const vTwB = new Float64Array(V);
  const vCap = new Float64Array(V * D);
  const vInitLoad = new Float64Array(V * D);
  const vOnboard = new Int32Array(V);
  for (const [vi, a] of onboardAmt) {
    vOnboard[vi]!++;
    for (let d = 0; d < D; d++) vInitLoad[vi * D + d]! += a[d] ?? 0;
  }
  const vProfile = new Int32Array(V);
  const vCostClass = new Int32Array(V);
  const vFixed = new Float64Array(V);
  const vMaxTasks = new Float64Array(V);
  const vMaxTT = new Float64Array(V);
  const vMaxDist = new Float64Array(V);
  const vMaxDur = new Float64Array(V);
  const vBreaks: number[][] = [];
  const vLocked: number[][] = [];
  const vDone: DoneInfo[][] = [];
  const vSkills: number[][] = [];
  const vClass = new Int32Array(V);
  const vExactOK = new Uint8Array(V);
  const costKeys: string[] = [];
  const costMat: Float64Array[] = [];
  const classKeys: string[] = [];
  for (let vi = 0; vi < V; vi++) {
    const v = vehicles[vi]!;
    const what = `vehicle ${v.id}`;
    const prof = profiles.indexOf(v.profile ?? 'car');
    vProfile[vi] = prof;
    vHasStart[vi] = v.start_index !== undefined ? 1 : 0;
    vHasEnd[vi] = v.end_index !== undefined ? 1 : 0;
    vStart[vi] = v.start_index !== undefined ? checkLoc(`${what} start`, v.start_index) : dummy;
    vEnd[vi] = v.end_index !== undefined ? checkLoc(`${what} end`, v.end_index) : dummy;
    const tw = v.time_window;
    if (tw !== undefined) {
      if (!Array.isArray(tw) || tw.length !== 2 || !isNum(tw[0]) || !isNum(tw[1]))
        fail(`${what}: time_window must be [start, end]`);
      if (tw[0] < 0 || tw[1] < 0) fail(`${what}: negative time in time_window`);
      if (tw[0] > tw[1]) fail(`${what}: time_window start after end`);
    }
    vTwA[vi] = tw ? tw[0] : 0;
    vTwB[vi] = tw ? tw[1] : Number.POSITIVE_INFINITY;
    const cap = v.capacity;
    for (let d = 0; d < D; d++) {
      if (cap === undefined) vCap[vi * D + d] = Number.POSITIVE_INFINITY;
      else {
        const c = cap[d] ?? 0;
        if (!isNum(c) || c < 0) fail(`${what}: capacity must be non-negative numbers`);
        vCap[vi * D + d] = c;
      }
    }
    const costs = v.costs ?? {};
    const fixed = costs.fixed ?? 0;
    const ph = costs.per_hour ?? 3600;
    const pk = costs.per_km ?? 0;
    if (!isNum(fixed) || !isNum(ph) || !isNum(pk) || fixed < 0 || ph < 0 || pk < 0)
      fail(`${what}: costs must be non-negative numbers`);
    if (pk > 0 && !hasDist[prof] && !customCost[prof]) fail(`${what}: costs.per_km needs a distances matrix`);
    vFixed[vi] = fixed;
    const ck = customCost[prof] ? `${prof}|custom` : `${prof}|${ph}|${pk}`;
    let cc = costKeys.indexOf(ck);
    if (cc < 0) {
      cc = costKeys.length;
      costKeys.push(ck);
      const cm = customCost[prof];
      if (cm) costMat.push(cm);
      else {
        const du = dur[prof]!;
        const di = dist[prof]!;
        const m = new Float64Array(L * L);
        const a = ph / 3600;
        const b = pk / 1000;
        for (let i = 0; i < L * L; i++) m[i] = a * du[i]! + b * di[i]!;
        costMat.push(m);
      }
    }
    vCostClass[vi] = cc;
    const posOr = (x: number | undefined, name: string): number => {
      if (x === undefined) return Number.POSITIVE_INFINITY;
      if (!isNum(x) || x < 0) fail(`${what}: ${name} must be a non-negative number`);
      return x;
    };
    vMaxTasks[vi] = posOr(v.max_tasks, 'max_tasks');
    vMaxTT[vi] = posOr(v.max_travel_time, 'max_travel_time');
    vMaxDist[vi] = posOr(v.max_distance, 'max_distance');
    vMaxDur[vi] = posOr(v.max_duration, 'max_duration');
    vSkills.push(v.skills ?? []);
    // breaks
    const bl: number[] = [];
    const seenB = new Set<number>();
    for (const b of v.breaks ?? []) {
      if (!isNum(b.id)) fail(`${what}: break without id`);
      if (seenB.has(b.id)) fail(`${what}: duplicate break id ${b.id}`);
      seenB.add(b.id);
      if (doneTasks.has(taskKey('break', b.id, vi))) continue;
      const n = addNode(KIND_BREAK, b.id, `${what} break ${b.id}`, null);
      const sv = b.service ?? 0;
      if (!isNum(sv) || sv < 0) fail(`${what} break ${b.id}: service must be non-negative`);
      service[n] = sv;
      twList[n] = checkTws(`${what} break ${b.id}`, b.time_windows);
      if (b.max_load) breakMaxLoad[n] = pad(checkAmount(`${what} break ${b.id}`, b.max_load));
      breakVehicle[n] = vi;
      bl.push(n);
    }
    bl.sort((a, b) => twList[a]![0]![0] - twList[b]![0]![0]);
    vBreaks.push(bl);
    vExactOK[vi] = bl.length === 0 && !Number.isFinite(vMaxDur[vi]!) ? 1 : 0;
    // done steps
    const done: DoneInfo[] = [];
    for (const s of v.done_steps ?? []) {
      let li: number | undefined;
      if (s.type === 'job') {
        const j = jobs.find((x) => x.id === s.id);
        if (!j) fail(`${what}: done step refers to unknown job ${s.id}`);
        li = j.location_index;
      } else if (s.type === 'pickup' || s.type === 'delivery') {
        const sh = shipments.find((x) => (s.type === 'pickup' ? x.pickup.id : x.delivery.id) === s.id);
        if (!sh) fail(`${what}: done step refers to unknown ${s.type} ${s.id}`);
        li = s.type === 'pickup' ? sh.pickup.location_index : sh.delivery.location_index;
        if (s.type === 'delivery' && pickupOwner.get(sh.pickup.id) !== vi)
          fail(`${what}: delivery ${s.id} done but its pickup was not done by this vehicle`);
      } else if (s.type !== 'break') fail(`${what}: bad done step type ${String(s.type)}`);
      done.push({ ref: { type: s.type, id: s.id }, departure: s.departure, locationIndex: li });
    }
    vDone.push(done);
    classKeys.push(
      JSON.stringify([
        vStart[vi],
        vEnd[vi],
        vTwA[vi],
        vTwB[vi],
        Array.from(vCap.subarray(vi * D, vi * D + D)),
        cc,
        fixed,
        v.skills ?? [],
        vMaxTasks[vi],
        vMaxTT[vi],
        vMaxDist[vi],
        vMaxDur[vi],
      ]),
    );
  }
  // vehicle classes: identical empty vehicles (no breaks, no locks, no done steps)
  const classMap = new Map<string, number>();
  for (let vi = 0; vi < V; vi++) {
    const v = vehicles[vi]!;
    const special = vBreaks[vi]!.length > 0 || (v.locked_steps?.length ?? 0) > 0 || vDone[vi]!.length > 0;
    if (special) {
      vClass[vi] = -1 - vi;
      continue;
    }
    const k = classKeys[vi]!;
    let c = classMap.get(k);
    if (c === undefined) {
      c = classMap.size;
      classMap.set(k, c);
    }
    vClass[vi] = c;
  }

  const N = kind.length;
  const twOff = new Int32Array(N + 1);
  let tot = 0;
  for (let i = 0; i < N; i++) {
    twOff[i] = tot;
    tot += twList[i]!.length;
  }
  twOff[N] = tot;
  const tw = new Float64Array(tot * 2);
  for (let i = 0; i < N; i++) {
    const l = twList[i]!;
    for (let k = 0; k < l.length; k++) {
      tw[(twOff[i]! + k) * 2] = l[k]![0];
      tw[(twOff[i]! + k) * 2 + 1] = l[k]![1];
    }
  }
  const flat = (a: number[][]): Float64Array => {
    const o = new Float64Array(a.length * D);
    for (let i = 0; i < a.length; i++) for (let d = 0; d < D; d++) o[i * D + d] = a[i]![d] ?? 0;
    return o;
  };

  // locked steps
  for (let vi = 0; vi < V; vi++) {
    const v = vehicles[vi]!;
    const lk: number[] = [];
    for (const s of v.locked_steps ?? []) {
      let n: number | undefined;
      if (s.type === 'job') n = jobNode.get(s.id);
      else if (s.type === 'pickup') n = pickupNode.get(s.id);
      else if (s.type === 'delivery') n = deliveryNode.get(s.id);
      else if (s.type === 'break') n = vBreaks[vi]!.find((b) => extId[b] === s.id);
      if (n === undefined) fail(`vehicle ${v.id}: locked step refers to unknown ${s.type} ${s.id}`);
      if (n < 0) fail(`vehicle ${v.id}: locked step ${s.type} ${s.id} is already done`);
      if (lk.includes(n)) fail(`vehicle ${v.id}: locked step ${s.type} ${s.id} repeated`);
      lk.push(n);
    }
    vLocked.push(lk);
  }
  // requests: compat
  const R = rNode0.length;
  const rCompat = new Uint8Array(R * V);
  const lockedBy = new Int32Array(R).fill(-1);
  for (let vi = 0; vi < V; vi++)
    for (const n of vLocked[vi]!) {
      if (kind[n] === KIND_BREAK) continue;
      const r = req[n]!;
      if (lockedBy[r]! >= 0 && lockedBy[r] !== vi) fail(`task locked on two vehicles`);
      lockedBy[r] = vi;
    }
  for (let vi = 0; vi < V; vi++)
    for (const n of vLocked[vi]!) {
      if (kind[n] === KIND_BREAK) continue;
      const r = req[n]!;
      const lk = rLock[r]!;
      if (lk >= 0 && lk !== vi)
        fail(`vehicle ${vehicles[vi]!.id}: locked step ${extId[n]} is locked to vehicle ${vehicles[lk]!.id}`);
      const vs = vSkills[vi]!;
      const miss = rSkills[r]!.filter((x) => !vs.includes(x));
      if (miss.length)
        fail(`vehicle ${vehicles[vi]!.id}: locked step ${extId[n]} needs skills [${miss.join(', ')}]`);
    }
  for (let r = 0; r < R; r++) {
    const sk = rSkills[r]!;
    for (let vi = 0; vi < V; vi++) {
      let ok = rLock[r]! < 0 || rLock[r] === vi;
      if (lockedBy[r]! >= 0 && lockedBy[r] !== vi) ok = false;
      if (ok && sk.length) {
        const vs = vSkills[vi]!;
        for (const s of sk) if (!vs.includes(s)) ok = false;
      }
      rCompat[r * V + vi] = ok ? 1 : 0;
    }
  }
  // initial load: nothing here (on-board amounts count via the delivery node's startLoad)
  const obj = problem.options?.objective ?? 'cost';
  if (obj !== 'cost' && obj !== 'vehicles-then-cost') fail(`unknown objective "${String(obj)}"`);

  const model: Model = {
    problem,
    nLoc,
    L,
    dummy,
    D,
    profiles,
    dur,
    dist,
    hasDist,
    costMat,
    N,
    kind: Uint8Array.from(kind),
    extId,
    loc: Int32Array.from(loc),
    setup: Float64Array.from(setup),
    service: Float64Array.from(service),
    twOff,
    tw,
    startLoad: flat(startLoad),
    dLoad: flat(dLoad),
    breakMaxLoad: flat(breakMaxLoad),
    req: Int32Array.from(req),
    partner: Int32Array.from(partner),
    maxRide: Float64Array.from(maxRide),
    exclusive: Uint8Array.from(exclusive),
    onboardDep: Float64Array.from(onboardDep),
    breakVehicle: Int32Array.from(breakVehicle),
    R,
    rNode0: Int32Array.from(rNode0),
    rNode1: Int32Array.from(rNode1),
    rPenalty: Float64Array.from(rPenalty),
    rMandatory: Uint8Array.from(rMandatory),
    rPriority: Float64Array.from(rPriority),
    rSimple: Uint8Array.from(rSimple),
    rCompat,
    rLock: Int32Array.from(rLock),
    rSkills,
    V,
    vExtId: vehicles.map((v) => v.id),
    vStart,
    vEnd,
    vHasStart,
    vHasEnd,
    vTwA,
    vTwB,
    vCap,
    vInitLoad,
    vOnboard,
    vProfile,
    vCostClass,
    vFixed,
    vMaxTasks,
    vMaxTT,
    vMaxDist,
    vMaxDur,
    vBreaks,
    vLocked,
    vDone,
    vClass,
    vExactOK,
    vSkills,
    jobNode,
    pickupNode,
    deliveryNode,
    doneTasks,
    objective: obj,
  };
  relaxLostOnboard(model);
  relaxLateBreaks(model);
  return model;
}

/**
 * A passenger already on board is always delivered: when even going there first cannot meet the
 * delivery's time window or ride time any more (the vehicle is late), those limits are replaced by a
 * deadline: the soonest possible drop-off plus one ride time (or window width) of slack.
 */
function relaxLostOnboard(m: Model): void {
  for (let r = 0; r < m.R; r++) {
    const d = m.rNode0[r]!;
    if (m.rNode1[r]! >= 0 || m.kind[d] !== KIND_DELIVERY || m.partner[d]! >= 0) continue;
    const v = m.rLock[r]!;
    if (v < 0) continue;
    // Going there right after the frozen head; a pickup in the head needs its delivery too, else the
    // test fails on precedence, not on this passenger's time (and would relax a window wrongly).
    const head = m.vLocked[v]!;
    const partners = head.filter((n) => m.kind[n] === KIND_PICKUP && !head.includes(m.partner[n]!));
    const after = [...head, d, ...partners.map((n) => m.partner[n]!)];
    const before = [...head, ...partners.map((n) => m.partner[n]!), d];
    if (
      evaluateRoute(m, v, after, after.length, head.length) < Number.POSITIVE_INFINITY ||
      evaluateRoute(m, v, before, before.length, head.length) < Number.POSITIVE_INFINITY
    ) {
      continue;
    }
    const buf = [...head, d];
    // slack for the new deadline: the ride time limit, else the width of the last window
    const k0 = m.twOff[d]!;
    const k1 = m.twOff[d + 1]! - 1;
    let slack = m.maxRide[d]!;
    if (!Number.isFinite(slack)) slack = m.tw[2 * k1 + 1]! - m.tw[2 * k1]!;
    if (!Number.isFinite(slack)) slack = 0;
    m.maxRide[d] = Number.POSITIVE_INFINITY;
    for (let k = k0; k <= k1; k++) {
      m.tw[2 * k] = 0;
      m.tw[2 * k + 1] = Number.POSITIVE_INFINITY;
    }
    evaluateLenient(m, v, buf, buf.length);
    const soonest = sched.B[buf.length]!;
    m.tw[2 * k0 + 1] = soonest + slack;
    for (let k = k0 + 1; k <= k1; k++) {
      m.tw[2 * k] = soonest + slack;
      m.tw[2 * k + 1] = soonest + slack;
    }
    m.rSimple[r] = 1;
  }
  for (let v = 0; v < m.V; v++) if (m.vOnboard[v]! > 0) relaxVehicleForOnboard(m, v);
}

/**
 * When the vehicle cannot deliver its passengers on board even right after its frozen head within
 * its own limits (shift end, max_travel_time, max_distance, max_duration, break windows), those
 * limits are lifted and the vehicle takes no task beyond the head and these deliveries: it finishes
 * the ride, and the output lists what was broken.
 */
function relaxVehicleForOnboard(m: Model, v: number): void {
  const head = m.vLocked[v]!;
  const onboard: number[] = [];
  for (let r = 0; r < m.R; r++) {
    const d = m.rNode0[r]!;
    if (m.rLock[r] === v && m.rNode1[r]! < 0 && m.kind[d] === KIND_DELIVERY && m.partner[d]! < 0)
      if (!head.includes(d)) onboard.push(d);
  }
  const partners = head
    .filter((n) => m.kind[n] === KIND_PICKUP && !head.includes(m.partner[n]!))
    .map((n) => m.partner[n]!);
  const breaks = m.vBreaks[v]!.filter((b) => !head.includes(b));
  const tails = [
    [...onboard, ...partners, ...breaks],
    [...partners, ...onboard, ...breaks],
    [...breaks, ...onboard, ...partners],
  ];
  const fits = (): boolean =>
    tails.some((t) => {
      const seq = [...head, ...t];
      return evaluateRoute(m, v, seq, seq.length, head.length) < Number.POSITIVE_INFINITY;
    });
  if (fits()) return;
  const INF = Number.POSITIVE_INFINITY;
  m.vTwB[v] = INF;
  m.vMaxTT[v] = INF;
  m.vMaxDist[v] = INF;
  m.vMaxDur[v] = INF;
  m.vExactOK[v] = 0;
  for (const b of breaks)
    for (let k = m.twOff[b]!; k < m.twOff[b + 1]!; k++) {
      m.tw[2 * k] = 0;
      m.tw[2 * k + 1] = INF;
    }
  let tasks = 0;
  for (const n of [...head, ...onboard, ...partners]) if (m.kind[n] !== KIND_BREAK) tasks++;
  m.vMaxTasks[v] = Math.max(tasks, 0);
}

/**
 * A frozen head (locked steps: the driver is already on the way) can make a break's window
 * unreachable. Such a break closes its window at the soonest it can start right after the head:
 * taken as soon as possible, and the output declares the delay.
 */
function relaxLateBreaks(m: Model): void {
  const INF = Number.POSITIVE_INFINITY;
  for (let v = 0; v < m.V; v++) {
    const head = m.vLocked[v]!;
    const breaks = m.vBreaks[v]!.filter((b) => !head.includes(b));
    if (head.length === 0 || breaks.length === 0) continue;
    const partners = head
      .filter((n) => m.kind[n] === KIND_PICKUP && !head.includes(m.partner[n]!))
      .map((n) => m.partner[n]!);
    const fits = () =>
      [
        [...head, ...breaks, ...partners],
        [...head, ...partners, ...breaks],
      ].some((seq) => evaluateRoute(m, v, seq, seq.length, head.length) < INF);
    if (fits()) continue;
    const saved = breaks.map((b) => m.tw.slice(2 * m.twOff[b]!, 2 * m.twOff[b + 1]!));
    for (const b of breaks)
      for (let k = m.twOff[b]!; k < m.twOff[b + 1]!; k++) {
        m.tw[2 * k] = 0;
        m.tw[2 * k + 1] = INF;
      }
    const buf = [...head, ...breaks, ...partners];
    if (!fits() || evaluateRoute(m, v, buf, buf.length, head.length) === INF) {
      // late breaks are not (all) of the trouble: leave the windows as they were
      for (const [i, b] of breaks.entries()) m.tw.set(saved[i]!, 2 * m.twOff[b]!);
      continue;
    }
    breaks.forEach((b, i) => {
      const soonest = sched.B[head.length + i + 1]!;
      const k0 = m.twOff[b]!;
      const opens = saved[i]![0] ?? 0;
      m.tw[2 * k0] = Math.min(opens, soonest);
      m.tw[2 * k0 + 1] = soonest;
      for (let k = k0 + 1; k < m.twOff[b + 1]!; k++) {
        m.tw[2 * k] = soonest;
        m.tw[2 * k + 1] = soonest;
      }
    });
  }
}
