/**
 * Exact evaluation of one route (O(n), O(n²) with ride times): loads, precedence, exclusive rides,
 * time windows (several per task), breaks, max tasks/travel/distance, and, when ride times or
 * max_duration matter, Cordeau & Laporte's 8-step scheme (forward time slack, late departures).
 */
import type { Model } from './model';

const KIND_BREAK = 3; // local copy: avoids ESM live-binding getters in hot loops
const KIND_DELIVERY = 2; // local copy: avoids ESM live-binding getters in hot loops
const KIND_PICKUP = 1; // local copy: avoids ESM live-binding getters in hot loops

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
    this.LOAD = new Float64Array(s * Math.max(D, 1));
  }
}

export const sched = new Schedule();
let seen = new Int32Array(16);
let seenStamp = 0;

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

function windowEnd(m: Model, n: number, t: number): number {
  const tw = m.tw;
  for (let k = m.twOff[n]!, e = m.twOff[n + 1]!; k < e; k++) {
    if (t <= tw[2 * k + 1]! + EPS && t >= tw[2 * k]! - EPS) return tw[2 * k + 1]!;
  }
  return t;
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
): number {
  const INF = Number.POSITIVE_INFINITY;
  const D = m.D;
  const s = sched;
  s.ensure(len, D);
  if (seen.length < m.N) seen = new Int32Array(m.N * 2);
  seenStamp++;
  if (seenStamp > 2e9) {
    seen.fill(0);
    seenStamp = 1;
  }
  const stamp = seenStamp;
  const { kind, loc, partner, dLoad, startLoad, vCap } = m;
  const LOAD = s.LOAD;
  // ---- loads, precedence, exclusive
  let nTasks = 0;
  for (let d = 0; d < D; d++) LOAD[d] = m.vInitLoad[v * D + d]!;
  for (let p = 0; p < len; p++) {
    const n = buf[p]!;
    if (kind[n] !== KIND_BREAK) nTasks++;
    for (let d = 0; d < D; d++) LOAD[d]! += startLoad[n * D + d]!;
  }
  if (nTasks > m.vMaxTasks[v]!) return INF;
  if (locked === 0) for (let d = 0; d < D; d++) if (LOAD[d]! > vCap[v * D + d]! + EPS) return INF;
  let openPickups = 0;
  for (let p = 1; p <= len; p++) {
    const n = buf[p - 1]!;
    const k = kind[n]!;
    const strict = p > locked;
    const o = p * D;
    if (k === KIND_BREAK) {
      for (let d = 0; d < D; d++) {
        LOAD[o + d] = LOAD[o - D + d]!;
        if (strict && LOAD[o + d]! > m.breakMaxLoad[n * D + d]! + EPS) return INF;
      }
      s.PPOS[p] = -1;
      continue;
    }
    for (let d = 0; d < D; d++) {
      const l = LOAD[o - D + d]! + dLoad[n * D + d]!;
      LOAD[o + d] = l;
      if (strict && l > vCap[v * D + d]! + EPS) return INF;
    }
    s.PPOS[p] = -1;
    if (k === KIND_PICKUP) {
      seen[n] = stamp;
      s.PPOS[p] = p; // remember own position
      openPickups++;
      if (m.exclusive[n] && strict) {
        if (p >= len || buf[p] !== partner[n]) return INF;
        for (let d = 0; d < D; d++) if (LOAD[o - D + d]! > EPS) return INF;
      }
    } else if (k === KIND_DELIVERY) {
      const pn = partner[n]!;
      if (pn >= 0) {
        if (seen[pn] !== stamp) return INF;
        openPickups--;
      }
    }
  }
  if (openPickups !== 0) return INF;
  // ---- travel, distance, cost
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
  if (travel > m.vMaxTT[v]! + EPS || distance > m.vMaxDist[v]! + EPS) return INF;
  s.travel = travel;
  s.distance = distance;
  s.cost = cost;
  s.nTasks = nTasks;
  // ---- schedule
  const SU = s.SU;
  SU[0] = 0;
  for (let p = 1; p <= len; p++) {
    const n = buf[p - 1]!;
    SU[p] = kind[n] !== KIND_BREAK && LOC[p - 1] !== LOC[p] ? m.setup[n]! : 0;
  }
  SU[len + 1] = 0;
  const A = s.A;
  const B = s.B;
  const W = s.W;
  const Dp = s.Dp;
  A[0] = m.vTwA[v]!;
  B[0] = A[0]!;
  W[0] = 0;
  Dp[0] = A[0]!;
  if (!forward(m, v, buf, len, locked, 1)) return INF;
  let needSlack = Number.isFinite(m.vMaxDur[v]!);
  let anyRide = false;
  for (let p = 1; p <= len; p++) {
    const n = buf[p - 1]!;
    if (kind[n] === KIND_DELIVERY && Number.isFinite(m.maxRide[n]!)) {
      anyRide = true;
      needSlack = true;
    }
  }
  if (needSlack && nTasks > 0) {
    // pickup positions for deliveries
    for (let p = 1; p <= len; p++) {
      const n = buf[p - 1]!;
      if (kind[n] === KIND_DELIVERY) {
        const pn = partner[n]!;
        s.PPOS[p] = -1;
        if (pn >= 0) for (let q = p - 1; q >= 1; q--) if (buf[q - 1] === pn) s.PPOS[p] = q;
      }
    }
    // step 3-5: delay the departure from the start
    let sumW = 0;
    for (let p = 1; p <= len + 1; p++) sumW += W[p]!;
    const f0 = slack(m, v, buf, len, 0);
    const delay0 = Math.min(f0, sumW);
    if (delay0 > EPS) {
      Dp[0] = Dp[0]! + delay0;
      B[0] = Dp[0]!;
      A[0] = Dp[0]!;
      if (!forward(m, v, buf, len, locked, 1)) return INF;
    }
    if (anyRide) {
      // step 7: delay pickups
      for (let j = 1; j <= len; j++) {
        const n = buf[j - 1]!;
        if (kind[n] !== KIND_PICKUP || !Number.isFinite(m.maxRide[n]!) || j <= locked) continue;
        let sw = 0;
        for (let p = j + 1; p <= len + 1; p++) sw += W[p]!;
        if (sw <= EPS) continue;
        const f = slack(m, v, buf, len, j);
        const dl = Math.min(f, sw);
        if (dl > EPS) {
          B[j] = B[j]! + dl;
          W[j] = W[j]! + dl;
          Dp[j] = Dp[j]! + dl;
          if (!forward(m, v, buf, len, locked, j + 1)) return INF;
        }
      }
      for (let p = 1; p <= len; p++) {
        const n = buf[p - 1]!;
        if (kind[n] !== KIND_DELIVERY || p <= locked) continue;
        const mr = m.maxRide[n]!;
        if (!Number.isFinite(mr)) continue;
        const pp = s.PPOS[p]!;
        const from = pp >= 0 ? Dp[pp]! : m.onboardDep[n]!;
        if (Number.isNaN(from)) continue;
        if (B[p]! - from > mr + EPS) return INF;
      }
    }
    if (A[len + 1]! - Dp[0]! > m.vMaxDur[v]! + EPS) return INF;
  }
  return cost;
}

/** Forward pass from position `from` (needs Dp[from-1]). */
function forward(
  m: Model,
  v: number,
  buf: ArrayLike<number>,
  len: number,
  locked: number,
  from: number,
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
      if (a > m.vTwB[v]! + EPS) return false;
      return true;
    }
    const n = buf[p - 1]!;
    let b = earliestStart(m, n, a);
    if (b === Number.POSITIVE_INFINITY) {
      if (p > locked) return false;
      b = a;
    }
    B[p] = b;
    W[p] = b - a;
    Dp[p] = b + SU[p]! + m.service[n]!;
  }
  return true;
}

/** Cordeau's forward time slack at position i. */
function slack(m: Model, v: number, buf: ArrayLike<number>, len: number, i: number): number {
  const s = sched;
  const { B, W, Dp, PPOS } = s;
  let best = Number.POSITIVE_INFINITY;
  let cumW = 0;
  for (let j = i; j <= len + 1; j++) {
    if (j > i) cumW += W[j]!;
    if (cumW >= best) break;
    let room: number;
    if (j === 0) room = m.vTwB[v]! - B[0]!;
    else if (j === len + 1) room = m.vTwB[v]! - B[j]!;
    else {
      const n = buf[j - 1]!;
      room = windowEnd(m, n, B[j]!) - B[j]!;
      if (m.kind[n] === KIND_DELIVERY) {
        const mr = m.maxRide[n]!;
        if (Number.isFinite(mr)) {
          const pp = PPOS[j]!;
          if (pp < i) {
            const from = pp >= 0 ? Dp[pp]! : m.onboardDep[n]!;
            if (!Number.isNaN(from)) {
              const r = mr - (B[j]! - from);
              if (r < room) room = r;
            }
          }
        }
      }
    }
    const val = cumW + Math.max(room, 0);
    if (val < best) best = val;
  }
  return best;
}
