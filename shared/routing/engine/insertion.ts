/**
 * Best insertion of one request (a job, a pickup+delivery pair, or an on-board delivery) into a set
 * of routes. Exact routes use O(1) (single) / O(n) (pair, per pickup gap) checks; other routes
 * collect relaxed candidates that are then verified by the full evaluator in order of cost.
 *
 * Hot-loop legend: m model, rt route, v vehicle, r request, p / d pickup and delivery nodes, u a
 * single node, i / j gaps (insert after position i / j), n route length, L matrix row length, du / di
 * / cm duration, distance and cost matrices of the vehicle, l / lp / ld locations, dep a departure,
 * D capacity dimensions, cR / cI / cJ / cD candidate route, gaps and cost delta. scanPair stays one
 * function: it is the innermost loop of the search.
 */
import { evaluateRoute } from './evaluate';
import { KIND_BREAK } from './kinds';
import type { Model } from './model';
import type { Rng } from './rng';
import type { Route } from './routes';

const EPS = 1e-7;

/** Earliest service start >= t in a window of node n (local copy of evaluate's, for speed). */
function earliestStart(m: Model, n: number, t: number): number {
  const tw = m.tw;
  for (let k = m.twOff[n]!, e = m.twOff[n + 1]!; k < e; k++) {
    if (t <= tw[2 * k + 1]!) return Math.max(t, tw[2 * k]!);
  }
  return Number.POSITIVE_INFINITY;
}
const INF = Number.POSITIVE_INFINITY;

export interface InsertResult {
  delta: number;
  route: number;
  i: number; // gap for node0
  j: number; // gap for node1 (>= i), -1 for single
}

export class Inserter {
  // candidate buffer for non-exact routes
  private cR = new Int32Array(1024);
  private cI = new Int32Array(1024);
  private cJ = new Int32Array(1024);
  private cD = new Float64Array(1024);
  private nc = 0;
  private buf: number[] = [];
  private classStamp: Int32Array;
  private stamp = 0;
  blink = 0;
  rng: Rng | null = null;
  maxFullEvals = 1e9;
  best: InsertResult = { delta: INF, route: -1, i: -1, j: -1 };

  constructor(readonly m: Model) {
    this.classStamp = new Int32Array(m.V + 1);
  }

  private push(r: number, i: number, j: number, d: number): void {
    if (this.nc === this.cR.length) {
      const s = this.nc * 2;
      const g = <T extends Int32Array | Float64Array>(a: T, mk: (n: number) => T): T => {
        const b = mk(s);
        b.set(a);
        return b;
      };
      this.cR = g(this.cR, (n) => new Int32Array(n));
      this.cI = g(this.cI, (n) => new Int32Array(n));
      this.cJ = g(this.cJ, (n) => new Int32Array(n));
      this.cD = g(this.cD, (n) => new Float64Array(n));
    }
    this.cR[this.nc] = r;
    this.cI[this.nc] = i;
    this.cJ[this.nc] = j;
    this.cD[this.nc] = d;
    this.nc++;
  }

  /**
   * Finds the cheapest feasible insertion of request r. allowEmpty: may open unused vehicles.
   * onlyRoute >= 0 restricts to one vehicle. Result in this.best (route -1 if none).
   */
  find(routes: Route[], r: number, allowEmpty: boolean, onlyRoute = -1): InsertResult {
    const m = this.m;
    const best = this.best;
    best.delta = INF;
    best.route = -1;
    best.i = -1;
    best.j = -1;
    this.nc = 0;
    this.stamp++;
    const V = m.V;
    const simple = m.rSimple[r] === 1;
    const n0 = m.rNode0[r]!;
    const n1 = m.rNode1[r]!;
    for (let v = 0; v < V; v++) {
      if (onlyRoute >= 0 && v !== onlyRoute) continue;
      if (!m.rCompat[r * V + v]) continue;
      const rt = routes[v]!;
      if (!rt.feasible) continue;
      let fixed = 0;
      if (rt.nTasks === 0) {
        if (!allowEmpty) continue;
        const cl = m.vClass[v]!;
        if (cl >= 0) {
          if (this.classStamp[cl] === this.stamp) continue;
          this.classStamp[cl] = this.stamp;
        }
        fixed = m.vFixed[v]!;
      }
      const exact = rt.exact && simple;
      if (n1 < 0) this.scanSingle(rt, v, n0, fixed, exact);
      else this.scanPair(rt, v, n0, n1, fixed, exact);
    }
    if (this.nc > 0) this.verify(routes, r);
    return best;
  }

  private verify(routes: Route[], r: number): void {
    const m = this.m;
    const best = this.best;
    const n0 = m.rNode0[r]!;
    const n1 = m.rNode1[r]!;
    let evals = 0;
    const cD = this.cD;
    while (evals < this.maxFullEvals) {
      let k = -1;
      let kd = best.delta;
      for (let c = 0; c < this.nc; c++) {
        if (cD[c]! < kd) {
          kd = cD[c]!;
          k = c;
        }
      }
      if (k < 0) return;
      cD[k] = INF;
      evals++;
      const v = this.cR[k]!;
      const rt = routes[v]!;
      const i = this.cI[k]!;
      const j = this.cJ[k]!;
      const buf = this.buf;
      buf.length = 0;
      const seq = rt.seq;
      for (let p = 0; p <= seq.length; p++) {
        if (p === i) buf.push(n0);
        if (j >= 0 && p === j) buf.push(n1);
        if (p < seq.length) buf.push(seq[p]!);
      }
      const c = evaluateRoute(m, v, buf, buf.length, rt.locked);
      if (c < INF) {
        const d = c - rt.cost;
        if (d < best.delta) {
          best.delta = d;
          best.route = v;
          best.i = i;
          best.j = j;
        }
      }
    }
  }

  private scanSingle(rt: Route, v: number, u: number, fixed: number, exact: boolean): void {
    const m = this.m;
    const D = m.D;
    const n = rt.seq.length;
    if (rt.nTasks + 1 > m.vMaxTasks[v]!) return;
    const L = m.L;
    const prof = m.vProfile[v]!;
    const du = m.dur[prof]!;
    const di = m.dist[prof]!;
    const cm = m.costMat[m.vCostClass[v]!]!;
    const lu = m.loc[u]!;
    const su = m.setup[u]!;
    const sv = m.service[u]!;
    const cap = m.vCap;
    const { gDep, gLoc, gNext, pref, suff } = rt;
    const checkTT = Number.isFinite(m.vMaxTT[v]!);
    const checkDist = Number.isFinite(m.vMaxDist[v]!);
    const blink = this.blink;
    const rng = this.rng;
    const best = this.best;
    const uLast = m.tw[2 * (m.twOff[u + 1]! - 1) + 1]!;
    let capFree = true;
    for (let d = 0; d < D; d++) {
      const sl = m.startLoad[u * D + d]!;
      const dl = m.dLoad[u * D + d]!;
      if (pref[n * D + d]! + Math.max(sl, sl + dl) > cap[v * D + d]! + EPS) capFree = false;
    }
    for (let g = rt.locked; g <= n; g++) {
      const gd = gDep[g]!;
      if (gd > uLast) break;
      if (blink > 0 && rng!() < blink) continue;
      const pl = gLoc[g]!;
      const arr = gd + du[pl * L + lu]!;
      if (arr > uLast) continue;
      const q = gNext[g]!;
      const nl = gLoc[q]!;
      const delta = cm[pl * L + lu]! + cm[lu * L + nl]! - cm[pl * L + nl]! + fixed;
      if (delta >= best.delta) continue;
      if (!capFree) {
        let ok = true;
        for (let d = 0; d < D; d++) {
          const sl = m.startLoad[u * D + d]!;
          const c = cap[v * D + d]! + EPS;
          if (pref[g * D + d]! + sl > c || suff[g * D + d]! + sl + m.dLoad[u * D + d]! > c) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
      }
      if (checkTT && rt.travel + du[pl * L + lu]! + du[lu * L + nl]! - du[pl * L + nl]! > m.vMaxTT[v]! + EPS)
        continue;
      if (
        checkDist &&
        rt.distance + di[pl * L + lu]! + di[lu * L + nl]! - di[pl * L + nl]! > m.vMaxDist[v]! + EPS
      )
        continue;
      const st = earliestStart(m, u, arr);
      if (st === INF) continue;
      const dep = st + (pl !== lu ? su : 0) + sv;
      if (!this.fitsNext(rt, v, q, dep, lu, du, L)) continue;
      if (exact) {
        best.delta = delta;
        best.route = v;
        best.i = g;
        best.j = -1;
      } else this.push(v, g, -1, delta);
    }
  }

  private fitsNext(
    rt: Route,
    v: number,
    q: number,
    dep: number,
    l: number,
    du: Float64Array,
    L: number,
  ): boolean {
    const m = this.m;
    const n = rt.seq.length;
    if (q === n + 1) return dep + du[l * L + m.vEnd[v]!]! <= rt.latDep[n + 1]! + EPS;
    const y = rt.seq[q - 1]!;
    const ly = m.loc[y]!;
    const st = earliestStart(m, y, dep + du[l * L + ly]!);
    if (st === INF) return false;
    return st + (l !== ly ? m.setup[y]! : 0) + m.service[y]! <= rt.latDep[q]! + EPS;
  }

  private scanPair(rt: Route, v: number, p: number, d: number, fixed: number, exact: boolean): void {
    const m = this.m;
    const D = m.D;
    const n = rt.seq.length;
    if (rt.nTasks + 2 > m.vMaxTasks[v]!) return;
    const L = m.L;
    const prof = m.vProfile[v]!;
    const du = m.dur[prof]!;
    const di = m.dist[prof]!;
    const cm = m.costMat[m.vCostClass[v]!]!;
    const lp = m.loc[p]!;
    const ld = m.loc[d]!;
    const cap = m.vCap;
    const { gDep, gLoc, gNext, latDep, load, seq } = rt;
    const checkTT = Number.isFinite(m.vMaxTT[v]!);
    const checkDist = Number.isFinite(m.vMaxDist[v]!);
    const maxTT = m.vMaxTT[v]! + EPS;
    const maxDist = m.vMaxDist[v]! + EPS;
    const blink = this.blink;
    const rng = this.rng;
    const best = this.best;
    const excl = m.exclusive[p] === 1;
    const maxRide = m.maxRide[p]! + EPS;
    const cPD = cm[lp * L + ld]!;
    for (let i = rt.locked; i <= n; i++) {
      const pl = gLoc[i]!;
      const arrP = gDep[i]! + du[pl * L + lp]!;
      const stP = earliestStart(m, p, arrP);
      if (stP === INF) {
        if (i > 0 && m.kind[seq[i - 1]!] !== KIND_BREAK) break;
        continue;
      }
      let ok = true;
      for (let k = 0; k < D; k++) {
        const l = load[i * D + k]!;
        if (l + m.dLoad[p * D + k]! > cap[v * D + k]! + EPS || (excl && l > EPS)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const depP = stP + (pl !== lp ? m.setup[p]! : 0) + m.service[p]!;
      const qi = gNext[i]!;
      const nli = gLoc[qi]!;
      const dP = cm[pl * L + lp]! + cm[lp * L + nli]! - cm[pl * L + nli]! + fixed;
      if (dP >= best.delta && exact) continue;
      const ttP = du[pl * L + lp]! + du[lp * L + nli]! - du[pl * L + nli]!;
      const diP = di[pl * L + lp]! + di[lp * L + nli]! - di[pl * L + nli]!;
      // delivery right after pickup
      if (!(blink > 0 && rng!() < blink)) {
        const delta = cm[pl * L + lp]! + cPD + cm[ld * L + nli]! - cm[pl * L + nli]! + fixed;
        if (delta < best.delta) {
          const stD = earliestStart(m, d, depP + du[lp * L + ld]!);
          let fine = stD !== INF;
          if (fine && checkTT)
            fine =
              rt.travel + du[pl * L + lp]! + du[lp * L + ld]! + du[ld * L + nli]! - du[pl * L + nli]! <=
              maxTT;
          if (fine && checkDist)
            fine =
              rt.distance + di[pl * L + lp]! + di[lp * L + ld]! + di[ld * L + nli]! - di[pl * L + nli]! <=
              maxDist;
          if (fine) {
            const depD = stD + (lp !== ld ? m.setup[d]! : 0) + m.service[d]!;
            if (this.fitsNext(rt, v, qi, depD, ld, du, L)) {
              if (exact) {
                best.delta = delta;
                best.route = v;
                best.i = i;
                best.j = i;
              } else this.push(v, i, i, delta);
            }
          }
        }
      }
      if (excl) continue;
      let t = depP;
      let last = lp;
      let rideMin = 0; // travel + setup + service between the pickup and the delivery (no waiting)
      for (let q = qi; q <= n; q = gNext[q]!) {
        const y = seq[q - 1]!;
        const ly = m.loc[y]!;
        const st = earliestStart(m, y, t + du[last * L + ly]!);
        if (st === INF) break;
        const sy = (last !== ly ? m.setup[y]! : 0) + m.service[y]!;
        rideMin += du[last * L + ly]! + sy;
        if (rideMin + du[ly * L + ld]! > maxRide) break;
        const dep = st + sy;
        if (dep > latDep[q]! + EPS) break;
        let capOk = true;
        for (let k = 0; k < D; k++) {
          if (load[q * D + k]! + m.dLoad[p * D + k]! > cap[v * D + k]! + EPS) {
            capOk = false;
            break;
          }
        }
        if (!capOk) break;
        t = dep;
        last = ly;
        const nq = gNext[q]!;
        if (dP >= best.delta) continue;
        for (let j = q; j < nq && j <= n; j++) {
          if (blink > 0 && rng!() < blink) continue;
          const jl = gLoc[j]!;
          const nl = gLoc[nq]!;
          const delta = dP + cm[jl * L + ld]! + cm[ld * L + nl]! - cm[jl * L + nl]!;
          if (delta >= best.delta) continue;
          if (checkTT && rt.travel + ttP + du[jl * L + ld]! + du[ld * L + nl]! - du[jl * L + nl]! > maxTT)
            continue;
          if (
            checkDist &&
            rt.distance + diP + di[jl * L + ld]! + di[ld * L + nl]! - di[jl * L + nl]! > maxDist
          )
            continue;
          const stD = earliestStart(m, d, t + du[last * L + ld]!);
          if (stD === INF) continue;
          const depD = stD + (last !== ld ? m.setup[d]! : 0) + m.service[d]!;
          if (!this.fitsNext(rt, v, nq, depD, ld, du, L)) continue;
          if (exact) {
            best.delta = delta;
            best.route = v;
            best.i = i;
            best.j = j;
          } else this.push(v, i, j, delta);
        }
      }
    }
  }
}

/** Applies an insertion result to the route's sequence (gaps refer to the sequence before insertion). */
export function applyInsertion(rt: Route, n0: number, n1: number, i: number, j: number): void {
  const seq = rt.seq;
  if (n1 >= 0 && j >= 0) {
    seq.splice(j, 0, n1);
    seq.splice(i, 0, n0);
  } else seq.splice(i, 0, n0);
}
