/** Builds VROOM-shaped output (routes with a self-consistent schedule, summary, unassigned reasons). */
import type {
  TimeWindow,
  UnassignedReasonCode,
  ViolationCause,
  VroomRoute,
  VroomSolution,
  VroomStep,
  VroomUnassigned,
} from '../vroom-format';
import { evaluateLenient, evaluateRoute, sched } from './evaluate';
import { KIND_BREAK, KIND_DELIVERY, KIND_JOB, KIND_PICKUP, type Model } from './model';

const typeOf = (k: number): 'job' | 'pickup' | 'delivery' | 'break' =>
  k === KIND_JOB ? 'job' : k === KIND_PICKUP ? 'pickup' : k === KIND_DELIVERY ? 'delivery' : 'break';

interface TaskInfo {
  description?: string;
  location?: [number, number];
}

function taskInfo(m: Model, n: number): TaskInfo {
  const p = m.problem;
  const k = m.kind[n]!;
  const id = m.extId[n]!;
  if (k === KIND_JOB) return p.jobs?.find((j) => j.id === id) ?? {};
  if (k === KIND_PICKUP) return p.shipments?.find((s) => s.pickup.id === id)?.pickup ?? {};
  if (k === KIND_DELIVERY) return p.shipments?.find((s) => s.delivery.id === id)?.delivery ?? {};
  const v = m.breakVehicle[n]!;
  return p.vehicles[v]?.breaks?.find((b) => b.id === id) ?? {};
}

function fmt(a: ArrayLike<number>): string {
  return `[${Array.from(a).join(', ')}]`;
}

export function diagnose(m: Model, r: number): { code: UnassignedReasonCode; reason: string } {
  const V = m.V;
  const D = m.D;
  const n0 = m.rNode0[r]!;
  const n1 = m.rNode1[r]!;
  const skills = m.rSkills[r]!;
  if (V === 0) return { code: 'no_vehicle', reason: 'no vehicles available' };
  const compat: number[] = [];
  for (let v = 0; v < V; v++) if (m.rCompat[r * V + v]) compat.push(v);
  if (compat.length === 0) {
    if (m.rLock[r]! >= 0) {
      const lv = m.rLock[r]!;
      return {
        code: 'vehicle_lock',
        reason: `locked to vehicle ${m.vExtId[lv]} which lacks skills ${fmt(skills)} or is locked elsewhere`,
      };
    }
    return { code: 'skills', reason: `no vehicle has skills ${fmt(skills)}` };
  }
  // capacity
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
  if (!capOk)
    return {
      code: 'capacity',
      reason: `capacity: needs ${fmt(need)} but the largest vehicle has ${fmt(largest)}`,
    };
  // max ride time
  if (n1 >= 0 && Number.isFinite(m.maxRide[n0]!)) {
    let direct = Number.POSITIVE_INFINITY;
    for (const v of compat) {
      const du = m.dur[m.vProfile[v]!]!;
      const l0 = m.loc[n0]!;
      const l1 = m.loc[n1]!;
      const t = du[l0 * m.L + l1]! + (l0 !== l1 ? m.setup[n1]! : 0);
      if (t < direct) direct = t;
    }
    if (direct > m.maxRide[n0]! + 1e-9)
      return {
        code: 'max_ride_time',
        reason: `max ride time ${m.maxRide[n0]} cannot be met: direct trip takes ${direct}`,
      };
  }
  // alone in a vehicle
  let aloneOk = false;
  const buf: number[] = [];
  let why: UnassignedReasonCode = 'time_window';
  let whyText = '';
  for (const v of compat) {
    buf.length = 0;
    for (const x of m.vLocked[v]!) buf.push(x);
    buf.push(n0);
    if (n1 >= 0) buf.push(n1);
    const c = evaluateRoute(m, v, buf, buf.length, m.vLocked[v]!.length);
    if (c < Number.POSITIVE_INFINITY) {
      aloneOk = true;
      break;
    }
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
  const tw0 = m.tw[2 * m.twOff[n0]!]!;
  const tw1 = m.tw[2 * (m.twOff[n0 + 1]! - 1) + 1]!;
  if (!aloneOk) {
    if (whyText) return { code: why, reason: whyText };
    const who = skills.length ? `no vehicle with skills ${fmt(skills)}` : 'no vehicle';
    return {
      code: 'time_window',
      reason: `${who} can serve it between ${tw0} and ${tw1} within its shift`,
    };
  }
  if (!m.rMandatory[r])
    return {
      code: 'not_worth_it',
      reason: `optional: serving it costs more than its penalty ${m.rPenalty[r]}`,
    };
  const who = skills.length ? `no vehicle with skills ${fmt(skills)}` : 'no vehicle';
  if (!Number.isFinite(tw1)) return { code: 'time_window', reason: `${who} has room for it in its shift` };
  return { code: 'time_window', reason: `${who} is free between ${tw0} and ${tw1}` };
}

export function buildSolution(
  m: Model,
  seqs: number[][],
  stats: { iterations: number; seed: number; progress: Array<[number, number]> },
  solvingMs: number,
): VroomSolution {
  const D = m.D;
  const routes: VroomRoute[] = [];
  const assigned = new Uint8Array(m.R);
  const sumDel = new Array(D).fill(0);
  const sumPick = new Array(D).fill(0);
  let totCost = 0;
  let totSetup = 0;
  let totService = 0;
  let totDur = 0;
  let totWait = 0;
  let totPrio = 0;
  let totDist = 0;
  for (let v = 0; v < m.V; v++) {
    const seq = seqs[v] ?? [];
    let nTasks = 0;
    for (const x of seq) if (m.kind[x] !== KIND_BREAK) nTasks++;
    const done = m.vDone[v]!;
    if (nTasks === 0) continue; // idle vehicles (even with done steps) get no route
    const locked = m.vLocked[v]!.length;
    let c = evaluateRoute(m, v, seq, seq.length, locked);
    if (c === Number.POSITIVE_INFINITY) {
      // should not happen; evaluate leniently so the output is at least well-formed
      c = evaluateLenient(m, v, seq, seq.length);
    }
    const s = sched;
    const n = seq.length;
    const veh = m.problem.vehicles[v]!;
    const steps: VroomStep[] = [];
    const loadAt = (p: number): number[] => Array.from(s.LOAD.subarray(p * D, p * D + D));
    for (const d of done) {
      const st: VroomStep = {
        type: d.ref.type,
        id: d.ref.id,
        arrival: d.departure ?? 0,
        duration: 0,
        setup: 0,
        service: 0,
        waiting_time: 0,
        load: loadAt(0),
        distance: 0,
        done: true,
      };
      if (d.locationIndex !== undefined) st.location_index = d.locationIndex;
      if (d.departure !== undefined) st.departure = d.departure;
      steps.push(st);
    }
    if (m.vHasStart[v]) {
      const st: VroomStep = {
        type: 'start',
        arrival: s.Dp[0]!,
        duration: 0,
        setup: 0,
        service: 0,
        waiting_time: 0,
        load: loadAt(0),
        distance: 0,
        location_index: m.vStart[v]!,
        departure: s.Dp[0]!,
      };
      if (veh.start) st.location = veh.start;
      steps.push(st);
    }
    let rSetup = 0;
    let rService = 0;
    let rWait = 0;
    let rPrio = 0;
    const rDel = new Array(D).fill(0);
    const rPick = new Array(D).fill(0);
    for (let p = 1; p <= n; p++) {
      const x = seq[p - 1]!;
      const k = m.kind[x]!;
      const info = taskInfo(m, x);
      const st: VroomStep = {
        type: typeOf(k),
        id: m.extId[x]!,
        arrival: s.A[p]!,
        duration: s.TT[p]!,
        setup: s.SU[p]!,
        service: m.service[x]!,
        waiting_time: s.W[p]!,
        load: loadAt(p),
        distance: s.DI[p]!,
        departure: s.Dp[p]!,
      };
      if (k !== KIND_BREAK) {
        st.location_index = m.loc[x]!;
        if (info.location) st.location = info.location;
        const r = m.req[x]!;
        assigned[r] = 1;
        if (m.rNode0[r] === x) rPrio += m.rPriority[r]!;
        for (let d = 0; d < D; d++) {
          const sl = m.startLoad[x * D + d]!;
          const dl = m.dLoad[x * D + d]!;
          if (k === KIND_JOB) {
            rDel[d] += sl;
            rPick[d] += sl + dl;
          } else if (k === KIND_PICKUP) rPick[d] += dl;
          else rDel[d] += -dl;
        }
      }
      if (info.description !== undefined) st.description = info.description;
      rSetup += s.SU[p]!;
      rService += m.service[x]!;
      rWait += s.W[p]!;
      steps.push(st);
    }
    if (m.vHasEnd[v]) {
      const st: VroomStep = {
        type: 'end',
        arrival: s.A[n + 1]!,
        duration: s.TT[n + 1]!,
        setup: 0,
        service: 0,
        waiting_time: 0,
        load: loadAt(n),
        distance: s.DI[n + 1]!,
        location_index: m.vEnd[v]!,
        departure: s.A[n + 1]!,
      };
      if (veh.end) st.location = veh.end;
      steps.push(st);
    }
    const route: VroomRoute = {
      vehicle: veh.id,
      cost: c,
      delivery: rDel,
      pickup: rPick,
      setup: rSetup,
      service: rService,
      duration: s.travel,
      waiting_time: rWait,
      priority: rPrio,
      distance: s.distance,
      steps,
    };
    if (veh.description !== undefined) route.description = veh.description;
    if (m.vOnboard[v]! > 0 || m.vLocked[v]!.length > 0) markViolations(m, v, route);
    routes.push(route);
    totCost += c;
    totSetup += rSetup;
    totService += rService;
    totDur += s.travel;
    totWait += rWait;
    totPrio += rPrio;
    totDist += s.distance;
    for (let d = 0; d < D; d++) {
      sumDel[d] += rDel[d];
      sumPick[d] += rPick[d];
    }
  }
  const unassigned: VroomUnassigned[] = [];
  for (let r = 0; r < m.R; r++) {
    if (assigned[r]) continue;
    const { code, reason } = diagnose(m, r);
    for (const x of [m.rNode0[r]!, m.rNode1[r]!]) {
      if (x < 0) continue;
      const info = taskInfo(m, x);
      const u: VroomUnassigned = {
        id: m.extId[x]!,
        type: typeOf(m.kind[x]!) as 'job' | 'pickup' | 'delivery',
        location_index: m.loc[x]!,
        reason_code: code,
        reason,
      };
      if (info.location) u.location = info.location;
      if (info.description !== undefined) u.description = info.description;
      unassigned.push(u);
    }
  }
  return {
    code: 0,
    summary: {
      cost: totCost,
      routes: routes.length,
      unassigned: unassigned.length,
      delivery: sumDel,
      pickup: sumPick,
      setup: totSetup,
      service: totService,
      duration: totDur,
      waiting_time: totWait,
      priority: totPrio,
      distance: totDist,
      computing_times: { loading: 0, solving: solvingMs, routing: 0 },
    },
    unassigned,
    routes,
    stats,
  };
}

const TOL = 1e-6;

/**
 * A vehicle under way may have had limits lifted: to deliver passengers on board, or to take a
 * break its frozen head made late (model.ts, relaxLostOnboard, relaxLateBreaks). Measure its route
 * against the problem as given and list what it breaks, on each step and on the route (VROOM's
 * `violations` shape).
 */
function markViolations(m: Model, v: number, route: VroomRoute): void {
  const p = m.problem;
  const veh = p.vehicles[v]!;
  const causes = new Map<ViolationCause, number | undefined>();
  const add = (st: VroomStep | undefined, cause: ViolationCause, duration?: number): void => {
    if (st) {
      st.violations ??= [];
      st.violations.push(duration === undefined ? { cause } : { cause, duration });
    }
    const prev = causes.get(cause);
    causes.set(cause, duration === undefined ? prev : Math.max(prev ?? 0, duration));
  };
  const windowsOf = (st: VroomStep): TimeWindow[] | undefined => {
    if (st.type === 'job') return p.jobs?.find((j) => j.id === st.id)?.time_windows;
    if (st.type === 'pickup') return p.shipments?.find((s) => s.pickup.id === st.id)?.pickup.time_windows;
    if (st.type === 'delivery')
      return p.shipments?.find((s) => s.delivery.id === st.id)?.delivery.time_windows;
    if (st.type === 'break') return veh.breaks?.find((b) => b.id === st.id)?.time_windows;
    return undefined;
  };
  const pickupDeparture = new Map<number, number>();
  for (const d of veh.done_steps ?? [])
    if (d.type === 'pickup' && d.departure !== undefined) pickupDeparture.set(d.id, d.departure);
  const shiftEnd = veh.time_window?.[1] ?? Number.POSITIVE_INFINITY;
  let start: VroomStep | undefined;
  let end: VroomStep | undefined;
  let tasks = 0;
  let lastLeave = 0;
  for (const st of route.steps) {
    if (st.done) continue;
    lastLeave = st.departure ?? st.arrival;
    if (st.type === 'start') start = st;
    if (st.type === 'end') end = st;
    if (st.type === 'job' || st.type === 'pickup' || st.type === 'delivery') tasks++;
    const serviceStart = st.arrival + st.waiting_time;
    const w = windowsOf(st);
    if (w && w.length > 0 && !w.some(([a, b]) => a - TOL <= serviceStart && serviceStart <= b + TOL)) {
      const later = w.filter(([a]) => a > serviceStart).map(([a]) => a - serviceStart);
      if (later.length > 0 && w.every(([, b]) => b > serviceStart)) add(st, 'lead_time', Math.min(...later));
      else add(st, 'delay', serviceStart - Math.max(...w.map(([, b]) => b).filter((b) => b < serviceStart)));
    }
    const leaves = st.type === 'end' ? st.arrival : serviceStart + st.setup + st.service;
    if (leaves > shiftEnd + TOL && st.type !== 'start') add(st, 'delay', leaves - shiftEnd);
    if (st.type === 'pickup' && st.id !== undefined && st.departure !== undefined)
      pickupDeparture.set(st.id, st.departure);
    if (st.type === 'delivery') {
      const sh = p.shipments?.find((s) => s.delivery.id === st.id);
      const dep = sh ? pickupDeparture.get(sh.pickup.id) : undefined;
      if (sh?.max_ride_time !== undefined && dep !== undefined && serviceStart - dep > sh.max_ride_time + TOL)
        add(st, 'max_ride_time', serviceStart - dep - sh.max_ride_time);
    }
  }
  if (veh.max_tasks !== undefined && tasks > veh.max_tasks) add(undefined, 'max_tasks');
  if (veh.max_travel_time !== undefined && route.duration > veh.max_travel_time + TOL)
    add(undefined, 'max_travel_time', route.duration - veh.max_travel_time);
  if (veh.max_distance !== undefined && route.distance > veh.max_distance + TOL)
    add(undefined, 'max_distance');
  if (veh.max_duration !== undefined && start) {
    const d = (end ? end.arrival : lastLeave) - (start.departure ?? start.arrival);
    if (d > veh.max_duration + TOL) add(undefined, 'max_duration', d - veh.max_duration);
  }
  if (causes.size > 0)
    route.violations = [...causes].map(([cause, duration]) =>
      duration === undefined ? { cause } : { cause, duration },
    );
}
