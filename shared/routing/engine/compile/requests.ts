/**
 * Compile section 3: the requests (the unit of assignment): a job, a shipment (pickup + delivery),
 * or the delivery of a passenger already on board; then which vehicles may serve each one.
 */
import type { VroomJob, VroomShipment, VroomShipmentStep, VroomVehicle } from '../../vroom-format';
import { KIND_BREAK, KIND_DELIVERY, KIND_JOB, KIND_PICKUP } from '../kinds';
import { MANDATORY_PENALTY, taskKey } from '../model';
import type { DoneIndex } from './done-steps';
import type { NodeTable } from './nodes';
import { checkAmount, checkPriority, fail, isNum } from './validate';

export class RequestTable {
  readonly rNode0: number[] = [];
  readonly rNode1: number[] = [];
  readonly rPenalty: number[] = [];
  readonly rMandatory: number[] = [];
  readonly rPriority: number[] = [];
  readonly rSimple: number[] = [];
  readonly rLock: number[] = [];
  readonly rSkills: number[][] = [];
  /** External id -> node (-1 when done). */
  readonly jobNode = new Map<number, number>();
  readonly pickupNode = new Map<number, number>();
  readonly deliveryNode = new Map<number, number>();
  /** Passengers on board: [vehicle index, amount]. */
  readonly onboardAmt: Array<[number, number[]]> = [];

  get size(): number {
    return this.rNode0.length;
  }
}

/** [penalty, mandatory]: no penalty means mandatory, priced by priority. */
function penaltyOf(what: string, pen: number | undefined, prio: number): [number, number] {
  if (pen === undefined) return [MANDATORY_PENALTY * (1 + prio / 100), 1];
  if (!isNum(pen) || pen < 0) fail(`${what}: penalty must be a non-negative number`);
  return [pen, 0];
}

function lockOf(done: DoneIndex, what: string, vid: number | undefined): number {
  if (vid === undefined) return -1;
  const i = done.vehicleIdx.get(vid);
  if (i === undefined) fail(`${what}: locked to unknown vehicle ${vid}`);
  return i;
}

export function addJobs(jobs: VroomJob[], nodes: NodeTable, rq: RequestTable, done: DoneIndex): void {
  for (const j of jobs) {
    if (!j || !isNum(j.id)) fail('job without numeric id');
    const what = `job ${j.id}`;
    if (rq.jobNode.has(j.id)) fail(`duplicate job id ${j.id}`);
    if (done.doneTasks.has(taskKey('job', j.id))) {
      rq.jobNode.set(j.id, -1);
      continue;
    }
    const n = nodes.add(KIND_JOB, j.id, what, j);
    rq.jobNode.set(j.id, n);
    const del = nodes.pad(checkAmount(what, j.delivery));
    const pic = nodes.pad(checkAmount(what, j.pickup));
    nodes.startLoad[n] = del;
    nodes.dLoad[n] = pic.map((x, i) => x - (del[i] as number));
    const prio = checkPriority(what, j.priority);
    const [pen, mand] = penaltyOf(what, j.penalty, prio);
    nodes.req[n] = rq.rNode0.length;
    // an exclusive visit is checked by the full evaluator (not simple): the caches know no riders
    nodes.exclusive[n] = j.exclusive ? 1 : 0;
    rq.rNode0.push(n);
    rq.rNode1.push(-1);
    rq.rPenalty.push(pen);
    rq.rMandatory.push(mand);
    rq.rPriority.push(prio);
    rq.rSimple.push(j.exclusive ? 0 : 1);
    rq.rLock.push(lockOf(done, what, j.vehicle));
    rq.rSkills.push(j.skills ?? []);
  }
}

export function addShipments(
  shipments: VroomShipment[],
  vehicles: VroomVehicle[],
  nodes: NodeTable,
  rq: RequestTable,
  done: DoneIndex,
): void {
  const neg = (a: number[]): number[] => a.map((x) => -x);
  for (const s of shipments) {
    if (!s?.pickup || !s.delivery) fail('shipment needs pickup and delivery');
    const p: VroomShipmentStep = s.pickup;
    const d: VroomShipmentStep = s.delivery;
    if (!isNum(p.id) || !isNum(d.id)) fail('shipment steps need numeric ids');
    const what = `shipment ${p.id}`;
    if (rq.pickupNode.has(p.id)) fail(`duplicate pickup id ${p.id}`);
    if (rq.deliveryNode.has(d.id)) fail(`duplicate delivery id ${d.id}`);
    const amt = nodes.pad(checkAmount(what, s.amount));
    const prio = checkPriority(what, s.priority);
    const [pen, mand] = penaltyOf(what, s.penalty, prio);
    const mr = s.max_ride_time ?? Number.POSITIVE_INFINITY;
    if (s.max_ride_time !== undefined && (!isNum(mr) || mr < 0))
      fail(`${what}: max_ride_time must be a non-negative number`);
    const pDone = done.doneTasks.has(taskKey('pickup', p.id));
    const dDone = done.doneTasks.has(taskKey('delivery', d.id));
    if (dDone && !pDone) fail(`${what}: delivery ${d.id} is done but its pickup is not`);
    // validate even when done
    nodes.checkLoc(`pickup ${p.id}`, p.location_index);
    nodes.checkLoc(`delivery ${d.id}`, d.location_index);
    if (pDone && dDone) {
      rq.pickupNode.set(p.id, -1);
      rq.deliveryNode.set(d.id, -1);
      continue;
    }
    const r = rq.rNode0.length;
    let lock = lockOf(done, what, s.vehicle);
    if (pDone) {
      // on board: only the delivery is left, on the vehicle that picked up
      rq.pickupNode.set(p.id, -1);
      const owner = done.pickupOwner.get(p.id) as number;
      if (lock >= 0 && lock !== owner)
        fail(`${what}: on board vehicle ${vehicles[owner]?.id} but locked to another`);
      lock = owner;
      const dn = nodes.add(KIND_DELIVERY, d.id, `delivery ${d.id}`, d);
      rq.deliveryNode.set(d.id, dn);
      rq.onboardAmt.push([owner, amt]);
      nodes.dLoad[dn] = neg(amt);
      nodes.maxRide[dn] = mr;
      // an exclusive rider on board: nothing else is served before the drop-off (evaluate.ts)
      nodes.exclusive[dn] = s.exclusive ? 1 : 0;
      const dep = done.doneDep.get(taskKey('pickup', p.id));
      nodes.onboardDep[dn] = dep ?? Number.NaN;
      nodes.req[dn] = r;
      rq.rNode0.push(dn);
      rq.rNode1.push(-1);
      rq.rSimple.push(Number.isFinite(mr) || s.exclusive ? 0 : 1);
    } else {
      const pn = nodes.add(KIND_PICKUP, p.id, `pickup ${p.id}`, p);
      const dn = nodes.add(KIND_DELIVERY, d.id, `delivery ${d.id}`, d);
      rq.pickupNode.set(p.id, pn);
      rq.deliveryNode.set(d.id, dn);
      nodes.dLoad[pn] = amt;
      nodes.dLoad[dn] = neg(amt);
      nodes.partner[pn] = dn;
      nodes.partner[dn] = pn;
      nodes.maxRide[pn] = mr;
      nodes.maxRide[dn] = mr;
      nodes.exclusive[pn] = s.exclusive ? 1 : 0;
      nodes.exclusive[dn] = s.exclusive ? 1 : 0;
      nodes.req[pn] = r;
      nodes.req[dn] = r;
      rq.rNode0.push(pn);
      rq.rNode1.push(dn);
      rq.rSimple.push(Number.isFinite(mr) || s.exclusive ? 0 : 1);
    }
    // a passenger already on board is always delivered
    rq.rPenalty.push(pDone ? MANDATORY_PENALTY * 100 : pen);
    rq.rMandatory.push(pDone ? 1 : mand);
    rq.rPriority.push(prio);
    rq.rLock.push(lock);
    rq.rSkills.push(s.skills ?? []);
  }
}

/**
 * rCompat[r * V + v] = 1 when vehicle v may serve request r: its lock (`vehicle`), the vehicle whose
 * locked steps hold it, and skills.
 */
export function compatibility(
  vehicles: VroomVehicle[],
  nodes: NodeTable,
  rq: RequestTable,
  vLocked: number[][],
  vSkills: number[][],
): Uint8Array {
  const R = rq.size;
  const V = vehicles.length;
  const { kind, req, extId } = nodes;
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
      const lk = rq.rLock[r]!;
      if (lk >= 0 && lk !== vi)
        fail(`vehicle ${vehicles[vi]!.id}: locked step ${extId[n]} is locked to vehicle ${vehicles[lk]!.id}`);
      const vs = vSkills[vi]!;
      const miss = rq.rSkills[r]!.filter((x) => !vs.includes(x));
      if (miss.length)
        fail(`vehicle ${vehicles[vi]!.id}: locked step ${extId[n]} needs skills [${miss.join(', ')}]`);
    }
  for (let r = 0; r < R; r++) {
    const sk = rq.rSkills[r]!;
    for (let vi = 0; vi < V; vi++) {
      let ok = rq.rLock[r]! < 0 || rq.rLock[r] === vi;
      if (lockedBy[r]! >= 0 && lockedBy[r] !== vi) ok = false;
      if (ok && sk.length) {
        const vs = vSkills[vi]!;
        for (const s of sk) if (!vs.includes(s)) ok = false;
      }
      rCompat[r * V + vi] = ok ? 1 : 0;
    }
  }
  return rCompat;
}
