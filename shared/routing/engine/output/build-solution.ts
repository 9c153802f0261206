/** Builds VROOM-shaped output: routes with a self-consistent schedule, summary, unassigned reasons. */
import type { VroomRoute, VroomSolution, VroomStep, VroomUnassigned } from '../../vroom-format';
import { evaluateLenient, evaluateRoute, sched } from '../evaluate';
import { KIND_BREAK, KIND_JOB, KIND_PICKUP, kindName } from '../kinds';
import type { Model } from '../model';
import { diagnose } from './diagnose-unassigned';
import { markViolations } from './mark-violations';
import { taskInfo } from './task-info';

/** Totals of one route, summed into the summary. */
interface RouteTotals {
  cost: number;
  setup: number;
  service: number;
  waiting: number;
  priority: number;
  delivery: number[];
  pickup: number[];
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
    if (nTasks === 0) continue; // idle vehicles (even with done steps) get no route
    const { route, totals } = buildRoute(m, v, seq, assigned);
    routes.push(route);
    totCost += totals.cost;
    totSetup += totals.setup;
    totService += totals.service;
    totDur += route.duration;
    totWait += totals.waiting;
    totPrio += totals.priority;
    totDist += route.distance ?? 0;
    for (let d = 0; d < D; d++) {
      sumDel[d] += totals.delivery[d];
      sumPick[d] += totals.pickup[d];
    }
  }
  const unassigned = listUnassigned(m, assigned);
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

/** One vehicle's route: done steps echoed, start, the tasks and breaks on the schedule, end. */
function buildRoute(
  m: Model,
  v: number,
  seq: number[],
  assigned: Uint8Array,
): { route: VroomRoute; totals: RouteTotals } {
  const D = m.D;
  const locked = m.vLocked[v]!.length;
  let c = evaluateRoute(m, v, seq, seq.length, locked);
  if (c === Number.POSITIVE_INFINITY) {
    // should not happen; evaluate leniently so the output is at least well-formed
    c = evaluateLenient(m, v, seq, seq.length);
  }
  const s = sched;
  const n = seq.length;
  const veh = m.problem.vehicles[v]!;
  const loadAt = (p: number): number[] => Array.from(s.LOAD.subarray(p * D, p * D + D));
  const steps: VroomStep[] = doneSteps(m, v, loadAt(0));
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
  const totals: RouteTotals = {
    cost: c,
    setup: 0,
    service: 0,
    waiting: 0,
    priority: 0,
    delivery: new Array(D).fill(0),
    pickup: new Array(D).fill(0),
  };
  for (let p = 1; p <= n; p++) steps.push(taskStep(m, seq[p - 1]!, p, loadAt(p), totals, assigned));
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
    delivery: totals.delivery,
    pickup: totals.pickup,
    setup: totals.setup,
    service: totals.service,
    duration: s.travel,
    waiting_time: totals.waiting,
    priority: totals.priority,
    distance: s.distance,
    steps,
  };
  if (veh.description !== undefined) route.description = veh.description;
  if (m.vOnboard[v]! > 0 || m.vLocked[v]!.length > 0) markViolations(m, v, route);
  return { route, totals };
}

/** The vehicle's done steps, echoed first with `done: true`. */
function doneSteps(m: Model, v: number, startLoad: number[]): VroomStep[] {
  const steps: VroomStep[] = [];
  for (const d of m.vDone[v]!) {
    const st: VroomStep = {
      type: d.ref.type,
      id: d.ref.id,
      arrival: d.departure ?? 0,
      duration: 0,
      setup: 0,
      service: 0,
      waiting_time: 0,
      load: startLoad.slice(),
      distance: 0,
      done: true,
    };
    if (d.locationIndex !== undefined) st.location_index = d.locationIndex;
    if (d.departure !== undefined) st.departure = d.departure;
    steps.push(st);
  }
  return steps;
}

/** The step at position p of the last evaluated route (node x); adds it to the route's totals. */
function taskStep(
  m: Model,
  x: number,
  p: number,
  load: number[],
  totals: RouteTotals,
  assigned: Uint8Array,
): VroomStep {
  const D = m.D;
  const s = sched;
  const k = m.kind[x]!;
  const info = taskInfo(m, x);
  const st: VroomStep = {
    type: kindName(k),
    id: m.extId[x]!,
    arrival: s.A[p]!,
    duration: s.TT[p]!,
    setup: s.SU[p]!,
    service: m.service[x]!,
    waiting_time: s.W[p]!,
    load,
    distance: s.DI[p]!,
    departure: s.Dp[p]!,
  };
  if (k !== KIND_BREAK) {
    st.location_index = m.loc[x]!;
    if (info.location) st.location = info.location;
    const r = m.req[x]!;
    assigned[r] = 1;
    if (m.rNode0[r] === x) totals.priority += m.rPriority[r]!;
    for (let d = 0; d < D; d++) {
      const sl = m.startLoad[x * D + d]!;
      const dl = m.dLoad[x * D + d]!;
      if (k === KIND_JOB) {
        totals.delivery[d]! += sl;
        totals.pickup[d]! += sl + dl;
      } else if (k === KIND_PICKUP) totals.pickup[d]! += dl;
      else totals.delivery[d]! += -dl;
    }
  }
  if (info.description !== undefined) st.description = info.description;
  totals.setup += s.SU[p]!;
  totals.service += m.service[x]!;
  totals.waiting += s.W[p]!;
  return st;
}

/** Every request no route serves, each task with the diagnosed reason. */
function listUnassigned(m: Model, assigned: Uint8Array): VroomUnassigned[] {
  const unassigned: VroomUnassigned[] = [];
  for (let r = 0; r < m.R; r++) {
    if (assigned[r]) continue;
    const { code, reason } = diagnose(m, r);
    for (const x of [m.rNode0[r]!, m.rNode1[r]!]) {
      if (x < 0) continue;
      const info = taskInfo(m, x);
      const u: VroomUnassigned = {
        id: m.extId[x]!,
        type: kindName(m.kind[x]!) as 'job' | 'pickup' | 'delivery',
        location_index: m.loc[x]!,
        reason_code: code,
        reason,
      };
      if (info.location) u.location = info.location;
      if (info.description !== undefined) u.description = info.description;
      unassigned.push(u);
    }
  }
  return unassigned;
}
