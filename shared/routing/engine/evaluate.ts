/**
 * Exact evaluation of one route (O(n), O(n²) with ride times): loads, precedence, exclusive rides
 * and visits, time windows (several per task), breaks, max tasks/travel/distance, and, when ride
 * times or max_duration matter, the earliest schedule that meets them (late pickups / late start
 * departure as needed: the least fixpoint of the difference constraints, exact for single time
 * windows).
 *
 * The only state is one scratch workspace, `sched` (the schedule of the last evaluation, read by the
 * callers right after a call). Hot-loop legend: m model, v vehicle, buf/len the route's nodes,
 * p position (0 = start, 1..len = nodes, len+1 = end), n node, k kind, d capacity dimension,
 * D dimensions, L matrix row length, s the workspace (A arrival, B service start, W waiting,
 * Dp departure, SU setup applied, LB lower bounds on service start), `lenient`: output fallback that
 * computes a schedule without rejecting anything.
 */
import { KIND_BREAK, KIND_DELIVERY, KIND_PICKUP } from './kinds';
import type { Model } from './model';

const EPS = 1e-7;

/** Schedule arrays of the last evaluation (positions 0 = start, 1..n = nodes, n+1 = end). */
export class Schedule {
  A = new Float64Array(16); // arrival
  B = new Float64Array(16); // service start (for start: departure)
  W = new Float64Array(16); // waiting
  Dp = new Float64Array(16); // departure
  SU = new Float64Array(16); // applied setup
  LOC = new Int32Array(16); // location of the position (last real location for breaks)
  TT = new Float64Array(16); // cumulated travel time at arrival
  DI = new Float64Array(16); // cumulated distance at arrival
  LOAD = new Float64Array(16); // load after the position (D per position)
  PPOS = new Int32Array(16); // pickup position of a delivery (-1 on board)
  LB = new Float64Array(16); // lower bounds on service start (ride time / duration pulls)
  /** Pickups seen in the current evaluation: seen[n] === seenStamp. */
  seen = new Int32Array(16);
  seenStamp = 0;
  travel = 0;
  distance = 0;
  cost = 0;
  nTasks = 0;
  ensure(n: number, D: number): void {
    if (this.A.length >= n + 2 && this.LOAD.length >= (n + 2) * Math.max(D, 1)) return;
    const s = Math.max(n + 2, this.A.length * 2);
    this.A = new Float64Array(s);
    this.B = new Float64Array(s);
    this.W = new Float64Array(s);
    this.Dp = new Float64Array(s);
    this.SU = new Float64Array(s);
    this.LOC = new Int32Array(s);
    this.TT = new Float64Array(s);
    this.DI = new Float64Array(s);
    this.PPOS = new Int32Array(s);
    this.LB = new Float64Array(s);
    this.LOAD = new Float64Array(s * Math.max(D, 1));
  }
}

/** The evaluation workspace (single-threaded engine: one is enough). */
export const sched = new Schedule();

/** Output fallback for routes that cannot be made feasible (e.g. an impossible locked head). */
export function evaluateLenient(m: Model, v: number, buf: ArrayLike<number>, len: number): number {
  return evaluateRoute(m, v, buf, len, len, true);
}

/** Earliest service start >= t inside a window of node n (Infinity if none). */
export function earliestStart(m: Model, n: number, t: number): number {
  const tw = m.tw;
  for (let k = m.twOff[n]!, e = m.twOff[n + 1]!; k < e; k++) {
    if (t <= tw[2 * k + 1]!) {
      const a = tw[2 * k]!;
      return Math.max(t, a);
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** Latest service start <= x inside a window of node n (-Infinity if none). */
export function latestStart(m: Model, n: number, x: number): number {
  const tw = m.tw;
  for (let k = m.twOff[n + 1]! - 1, s = m.twOff[n]!; k >= s; k--) {
    if (tw[2 * k]! <= x) {
      const b = tw[2 * k + 1]!;
      return Math.min(x, b);
    }
  }
  return Number.NEGATIVE_INFINITY;
}

/**
 * Evaluates vehicle v serving buf[0..len) (locked = number of leading positions exempt from time
 * window / capacity checks). Returns the route cost, or Infinity when infeasible. Fills `sched`.
 */
export function evaluateRoute(
  m: Model,
  v: number,
  buf: ArrayLike<number>,
  len: number,
  locked: number,
  lenient = false,
): number {
  const INF = Number.POSITIVE_INFINITY;
  const s = sched;
  s.ensure(len, m.D);
  const nTasks = checkLoads(m, v, buf, len, locked, lenient);
  if (nTasks < 0) return INF;
  const cost = travelAlong(m, v, buf, len, nTasks, lenient);
  if (cost === INF) return INF;
  // ---- schedule
  const { kind } = m;
  const { SU, LOC, A, B, W, Dp } = s;
  SU[0] = 0;
  for (let p = 1; p <= len; p++) {
    const n = buf[p - 1]!;
    SU[p] = kind[n] !== KIND_BREAK && LOC[p - 1] !== LOC[p] ? m.setup[n]! : 0;
  }
  SU[len + 1] = 0;
  A[0] = m.vTwA[v]!;
  B[0] = A[0]!;
  W[0] = 0;
  Dp[0] = A[0]!;
  if (!forward(m, v, buf, len, locked, 1, false, lenient) && !lenient) return INF;
  let needSlack = Number.isFinite(m.vMaxDur[v]!);
  let anyRide = false;
  for (let p = 1; p <= len; p++) {
    const n = buf[p - 1]!;
    if (kind[n] === KIND_DELIVERY && Number.isFinite(m.maxRide[n]!)) {
      anyRide = true;
      needSlack = true;
    }
  }
  if (needSlack && nTasks > 0 && !meetRideTimesAndDuration(m, v, buf, len, locked, anyRide, lenient))
    return INF;
  // leave the start as late as possible without changing anything else (no waiting at the first stop)
  if (nTasks > 0 && len > 0 && W[1]! > 0 && locked === 0) {
    const w = W[1]!;
    Dp[0] = Dp[0]! + w;
    A[0] = Dp[0]!;
    B[0] = Dp[0]!;
    A[1] = A[1]! + w;
    W[1] = 0;
  }
  return cost;
}

/**
 * Loads (capacity, break max_load, max_tasks), precedence, exclusive rides and exclusive visits (no
 * rider on board); fills LOAD and PPOS.
 * Returns the number of tasks, or -1 when infeasible.
 */
function checkLoads(
  m: Model,
  v: number,
  buf: ArrayLike<number>,
  len: number,
  locked: number,
  lenient: boolean,
): number {
  const D = m.D;
  const s = sched;
  if (s.seen.length < m.N) s.seen = new Int32Array(m.N * 2);
  s.seenStamp++;
  if (s.seenStamp > 2e9) {
    s.seen.fill(0);
    s.seenStamp = 1;
  }
  const stamp = s.seenStamp;
  const seen = s.seen;
  const { kind, partner, dLoad, startLoad, vCap } = m;
  const LOAD = s.LOAD;
  // ---- loads, precedence, exclusive
  let nTasks = 0;
  for (let d = 0; d < D; d++) LOAD[d] = m.vInitLoad[v * D + d]!;
  for (let p = 0; p < len; p++) {
    const n = buf[p]!;
    if (kind[n] !== KIND_BREAK) nTasks++;
    for (let d = 0; d < D; d++) LOAD[d]! += startLoad[n * D + d]!;
  }
  if (!lenient && nTasks > m.vMaxTasks[v]!) return -1;
  if (locked === 0) for (let d = 0; d < D; d++) if (!lenient && LOAD[d]! > vCap[v * D + d]! + EPS) return -1;
  let openPickups = 0;
  let onboard = m.vOnboard[v]!;
  for (let p = 1; p <= len; p++) {
    const n = buf[p - 1]!;
    const k = kind[n]!;
    const strict = p > locked;
    const o = p * D;
    if (k === KIND_BREAK) {
      for (let d = 0; d < D; d++) {
        LOAD[o + d] = LOAD[o - D + d]!;
        if (!lenient && strict && LOAD[o + d]! > m.breakMaxLoad[n * D + d]! + EPS) return -1;
      }
      s.PPOS[p] = -1;
      continue;
    }
    for (let d = 0; d < D; d++) {
      const l = LOAD[o - D + d]! + dLoad[n * D + d]!;
      LOAD[o + d] = l;
      if (!lenient && strict && l > vCap[v * D + d]! + EPS) return -1;
    }
    s.PPOS[p] = -1;
    if (k === KIND_PICKUP) {
      seen[n] = stamp;
      s.PPOS[p] = p; // remember own position
      openPickups++;
      if (m.exclusive[n] && strict) {
        if (!lenient && (p >= len || buf[p] !== partner[n] || openPickups > 1 || onboard > 0)) return -1;
        for (let d = 0; d < D; d++) if (!lenient && LOAD[o - D + d]! > EPS) return -1;
      }
    } else if (k === KIND_DELIVERY) {
      const pn = partner[n]!;
      if (pn >= 0) {
        if (!lenient && seen[pn] !== stamp) return -1;
        openPickups--;
      } else {
        onboard--;
        if (m.exclusive[n] === 1 && strict && !lenient && servedBefore(m, buf, locked, p)) return -1;
      }
    } else if (m.exclusive[n] === 1 && strict && !lenient && (openPickups > 0 || onboard > 0)) {
      return -1; // an exclusive visit: no rider on board on the way to it nor while there
    }
  }
  if (!lenient && openPickups !== 0) return -1;
  return nTasks;
}

/** Whether a task (not a break) is served at a free position before p: an exclusive rider on board sees it. */
function servedBefore(m: Model, buf: ArrayLike<number>, locked: number, p: number): boolean {
  for (let q = locked + 1; q < p; q++) if (m.kind[buf[q - 1]!] !== KIND_BREAK) return true;
  return false;
}

/** Travel time, distance and cost along the route (fills LOC, TT, DI); Infinity beyond max travel/distance. */
function travelAlong(
  m: Model,
  v: number,
  buf: ArrayLike<number>,
  len: number,
  nTasks: number,
  lenient: boolean,
): number {
  const INF = Number.POSITIVE_INFINITY;
  const s = sched;
  const { kind, loc } = m;
  const L = m.L;
  const prof = m.vProfile[v]!;
  const du = m.dur[prof]!;
  const di = m.dist[prof]!;
  const cm = m.costMat[m.vCostClass[v]!]!;
  const LOC = s.LOC;
  const TT = s.TT;
  const DI = s.DI;
  let last = m.vStart[v]!;
  LOC[0] = last;
  TT[0] = 0;
  DI[0] = 0;
  let travel = 0;
  let distance = 0;
  let cost = 0;
  for (let p = 1; p <= len + 1; p++) {
    const n = p <= len ? buf[p - 1]! : -1;
    const l = n < 0 ? m.vEnd[v]! : kind[n] === KIND_BREAK ? last : loc[n]!;
    const a = last * L + l;
    travel += du[a]!;
    distance += di[a]!;
    cost += cm[a]!;
    TT[p] = travel;
    DI[p] = distance;
    LOC[p] = l;
    last = l;
  }
  if (nTasks === 0) {
    travel = 0;
    distance = 0;
    cost = 0;
  } else cost += m.vFixed[v]!;
  if (!lenient && (travel > m.vMaxTT[v]! + EPS || distance > m.vMaxDist[v]! + EPS)) return INF;
  s.travel = travel;
  s.distance = distance;
  s.cost = cost;
  s.nTasks = nTasks;
  return cost;
}

/**
 * The earliest schedule meeting ride times and max_duration (pickups and the start departure pushed
 * later only as needed). Returns false when there is none.
 */
function meetRideTimesAndDuration(
  m: Model,
  v: number,
  buf: ArrayLike<number>,
  len: number,
  locked: number,
  anyRide: boolean,
  lenient: boolean,
): boolean {
  const s = sched;
  const { kind, partner } = m;
  const { A, B, Dp } = s;
  // pickup positions for deliveries
  for (let p = 1; p <= len; p++) {
    const n = buf[p - 1]!;
    if (kind[n] === KIND_DELIVERY) {
      const pn = partner[n]!;
      s.PPOS[p] = -1;
      if (pn >= 0) for (let q = p - 1; q >= 1; q--) if (buf[q - 1] === pn) s.PPOS[p] = q;
    }
  }
  // Earliest schedule meeting ride times and max_duration: least fixpoint of the difference
  // constraints (x = service starts): x_pickup >= x_delivery - L - (setup+service at pickup),
  // start departure >= end arrival - T; pulled-up values are lower bounds (LB) for the forward pass.
  const LB = s.LB;
  for (let p = 0; p <= len + 1; p++) LB[p] = Number.NEGATIVE_INFINITY;
  const maxDur = m.vMaxDur[v]!;
  let converged = false;
  for (let pass = 0; pass <= len + 3; pass++) {
    let from = len + 2;
    if (anyRide) {
      for (let p = 1; p <= len; p++) {
        const pp = s.PPOS[p]!;
        if (pp < 1 || p <= locked) continue;
        const n = buf[p - 1]!;
        const need = B[p]! - m.maxRide[n]! - (Dp[pp]! - B[pp]!);
        if (B[pp]! < need - EPS) {
          LB[pp] = need;
          if (pp < from) from = pp;
        }
      }
    }
    if (A[len + 1]! - Dp[0]! > maxDur + EPS) {
      Dp[0] = A[len + 1]! - maxDur;
      B[0] = Dp[0]!;
      A[0] = Dp[0]!;
      from = 1;
    }
    if (from > len + 1) {
      converged = true;
      break;
    }
    if (!forward(m, v, buf, len, locked, from, true, lenient)) {
      if (!lenient) return false;
    }
  }
  if (!lenient && !converged) return false;
  if (anyRide) {
    for (let p = 1; p <= len; p++) {
      const n = buf[p - 1]!;
      if (kind[n] !== KIND_DELIVERY || p <= locked) continue;
      const mr = m.maxRide[n]!;
      if (!Number.isFinite(mr)) continue;
      const pp = s.PPOS[p]!;
      const from = pp >= 0 ? Dp[pp]! : m.onboardDep[n]!;
      if (Number.isNaN(from)) continue;
      if (!lenient && B[p]! - from > mr + EPS) return false;
    }
  }
  if (!lenient && A[len + 1]! - Dp[0]! > m.vMaxDur[v]! + EPS) return false;
  return true;
}

/** Forward pass from position `from` (needs Dp[from-1]); `useLB`: respect the lower bounds LB. */
function forward(
  m: Model,
  v: number,
  buf: ArrayLike<number>,
  len: number,
  locked: number,
  from: number,
  useLB: boolean,
  lenient: boolean,
): boolean {
  const s = sched;
  const { A, B, W, Dp, SU, TT } = s;
  for (let p = from; p <= len + 1; p++) {
    const a = Dp[p - 1]! + (TT[p]! - TT[p - 1]!);
    A[p] = a;
    if (p === len + 1) {
      B[p] = a;
      W[p] = 0;
      Dp[p] = a;
      if (a > m.vTwB[v]! + EPS && !lenient) return false;
      return true;
    }
    const n = buf[p - 1]!;
    let b = earliestStart(m, n, useLB && s.LB[p]! > a ? s.LB[p]! : a);
    if (b === Number.POSITIVE_INFINITY) {
      if (p > locked && !lenient) return false;
      b = a;
    }
    B[p] = b;
    W[p] = b - a;
    Dp[p] = b + SU[p]! + m.service[n]!;
  }
  return true;
}
