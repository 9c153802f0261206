/** Why a request is left unassigned: the first reason found, from the cheapest check to the dearest. */
import type { UnassignedReasonCode } from '../../vroom-format';
import { evaluateRoute } from '../evaluate';
import type { Model } from '../model';
import { fmt } from './task-info';

type Reason = { code: UnassignedReasonCode; reason: string };

export function diagnose(m: Model, r: number): Reason {
  const V = m.V;
  if (V === 0) return { code: 'no_vehicle', reason: 'no vehicles available' };
  const compat: number[] = [];
  for (let v = 0; v < V; v++) if (m.rCompat[r * V + v]) compat.push(v);
  return (
    skillsReason(m, r, compat) ??
    capacityReason(m, r, compat) ??
    rideTimeReason(m, r, compat) ??
    aloneReason(m, r, compat) ??
    crowdedReason(m, r)
  );
}

/** No vehicle may take it at all (skills, or a lock to a vehicle that cannot). */
function skillsReason(m: Model, r: number, compat: number[]): Reason | undefined {
  if (compat.length > 0) return undefined;
  const skills = m.rSkills[r]!;
  if (m.rLock[r]! >= 0) {
    const lv = m.rLock[r]!;
    return {
      code: 'vehicle_lock',
      reason: `locked to vehicle ${m.vExtId[lv]} which lacks skills ${fmt(skills)} or is locked elsewhere`,
    };
  }
  return { code: 'skills', reason: `no vehicle has skills ${fmt(skills)}` };
}

function capacityReason(m: Model, r: number, compat: number[]): Reason | undefined {
  const D = m.D;
  const n0 = m.rNode0[r]!;
  const n1 = m.rNode1[r]!;
  const need = new Array(D).fill(0);
  for (let d = 0; d < D; d++) {
    const x =
      n1 >= 0
        ? m.dLoad[n0 * D + d]!
        : Math.max(m.startLoad[n0 * D + d]!, m.startLoad[n0 * D + d]! + m.dLoad[n0 * D + d]!);
    need[d] = x;
  }
  let capOk = false;
  const largest = new Array(D).fill(0);
  for (const v of compat) {
    let ok = true;
    for (let d = 0; d < D; d++) {
      const c = m.vCap[v * D + d]!;
      if (c > largest[d]) largest[d] = c;
      if (need[d] > c + 1e-9) ok = false;
    }
    if (ok) capOk = true;
  }
  if (capOk) return undefined;
  return {
    code: 'capacity',
    reason: `capacity: needs ${fmt(need)} but the largest vehicle has ${fmt(largest)}`,
  };
}

/** Even the direct trip breaks the ride time limit. */
function rideTimeReason(m: Model, r: number, compat: number[]): Reason | undefined {
  const n0 = m.rNode0[r]!;
  const n1 = m.rNode1[r]!;
  if (n1 < 0 || !Number.isFinite(m.maxRide[n0]!)) return undefined;
  let direct = Number.POSITIVE_INFINITY;
  for (const v of compat) {
    const du = m.dur[m.vProfile[v]!]!;
    const l0 = m.loc[n0]!;
    const l1 = m.loc[n1]!;
    const t = du[l0 * m.L + l1]! + (l0 !== l1 ? m.setup[n1]! : 0);
    if (t < direct) direct = t;
  }
  if (direct <= m.maxRide[n0]! + 1e-9) return undefined;
  return {
    code: 'max_ride_time',
    reason: `max ride time ${m.maxRide[n0]} cannot be met: direct trip takes ${direct}`,
  };
}

/** No vehicle can serve it even alone (after its locked head): which limit stands in the way. */
function aloneReason(m: Model, r: number, compat: number[]): Reason | undefined {
  const n0 = m.rNode0[r]!;
  const n1 = m.rNode1[r]!;
  const buf: number[] = [];
  let why: UnassignedReasonCode = 'time_window';
  let whyText = '';
  for (const v of compat) {
    buf.length = 0;
    for (const x of m.vLocked[v]!) buf.push(x);
    buf.push(n0);
    if (n1 >= 0) buf.push(n1);
    const c = evaluateRoute(m, v, buf, buf.length, m.vLocked[v]!.length);
    if (c < Number.POSITIVE_INFINITY) return undefined;
    const du = m.dur[m.vProfile[v]!]!;
    const di = m.dist[m.vProfile[v]!]!;
    const L = m.L;
    const s = m.vStart[v]!;
    const e = m.vEnd[v]!;
    const l0 = m.loc[n0]!;
    const l1 = n1 >= 0 ? m.loc[n1]! : l0;
    const tt = du[s * L + l0]! + du[l0 * L + l1]! + du[l1 * L + e]!;
    const dd = di[s * L + l0]! + di[l0 * L + l1]! + di[l1 * L + e]!;
    if (m.vMaxTasks[v]! < (n1 >= 0 ? 2 : 1)) {
      why = 'max_tasks';
      whyText = `vehicle ${m.vExtId[v]} max_tasks ${m.vMaxTasks[v]} is too small`;
    } else if (tt > m.vMaxTT[v]! + 1e-9) {
      why = 'max_travel_time';
      whyText = `max_travel_time ${m.vMaxTT[v]} cannot be met: the trip takes ${tt}`;
    } else if (dd > m.vMaxDist[v]! + 1e-9) {
      why = 'max_distance';
      whyText = `max_distance ${m.vMaxDist[v]} cannot be met: the trip is ${dd} long`;
    } else if (
      tt + m.service[n0]! + (n1 >= 0 ? m.service[n1]! : 0) > m.vMaxDur[v]! + 1e-9 &&
      why === 'time_window' &&
      !whyText
    ) {
      why = 'max_duration';
      whyText = `max_duration ${m.vMaxDur[v]} cannot be met: the trip takes at least ${tt}`;
    } else if (n1 >= 0 && m.exclusive[n0] && !whyText) {
      why = 'exclusive';
      whyText = 'exclusive ride cannot be scheduled';
    }
  }
  if (whyText) return { code: why, reason: whyText };
  const [tw0, tw1] = windowSpan(m, n0);
  return {
    code: 'time_window',
    reason: `${whoText(m, r)} can serve it between ${tw0} and ${tw1} within its shift`,
  };
}

/** It fits alone, so the others took the room (or it is optional and not worth its cost). */
function crowdedReason(m: Model, r: number): Reason {
  if (!m.rMandatory[r])
    return {
      code: 'not_worth_it',
      reason: `optional: serving it costs more than its penalty ${m.rPenalty[r]}`,
    };
  const [tw0, tw1] = windowSpan(m, m.rNode0[r]!);
  const who = whoText(m, r);
  if (!Number.isFinite(tw1)) return { code: 'time_window', reason: `${who} has room for it in its shift` };
  return { code: 'time_window', reason: `${who} is free between ${tw0} and ${tw1}` };
}

/** Opening of the first and closing of the last time window of node n. */
function windowSpan(m: Model, n: number): [number, number] {
  return [m.tw[2 * m.twOff[n]!]!, m.tw[2 * (m.twOff[n + 1]! - 1) + 1]!];
}

function whoText(m: Model, r: number): string {
  const skills = m.rSkills[r]!;
  return skills.length ? `no vehicle with skills ${fmt(skills)}` : 'no vehicle';
}
