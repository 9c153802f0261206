/**
 * The search: construction by cheapest insertion, then SISR ruin & recreate (Christiaens &
 * Vanden Berghe 2020) under simulated annealing; for the 'vehicles-then-cost' objective a fleet
 * minimisation stage (route removal + absence-counter acceptance) runs first. In the cost stage the
 * annealing restarts from the best at the initial temperature when the best stalls, and with a fixed
 * fleet it may accept states that leave a request out at an adaptive soft price (never as a best):
 * few long routes (e.g. Li & Lim lr208, 2 routes of 50 rides) otherwise freeze in a tight optimum.
 */
import type { SolveOptions, SolveProgress } from '../vroom-format';
import { evaluateRoute } from './evaluate';
import { applyInsertion, Inserter } from './insertion';
import type { Model } from './model';
import { makeRng, type Rng, randInt } from './rng';
import { Route } from './routes';

const KIND_BREAK = 3; // local copy: avoids ESM live-binding getters in hot loops
const KIND_PICKUP = 1;
const KIND_DELIVERY = 2;

const INF = Number.POSITIVE_INFINITY;

export interface SearchParams {
  cBar: number;
  lMax: number;
  blink: number;
  t0: number; // relative to the mean arc cost
  tf: number;
  /** vehicles-then-cost: at most this share of the budget for fleet minimisation... */
  fleetShare: number;
  /** ...and stop it when no route was saved for this share of the budget. */
  fleetPatience: number;
  /**
   * Cost stage: when the best has not improved for this share of the budget, restart the annealing
   * from the best solution at the initial temperature over the remaining budget (0: never).
   */
  restartPatience: number;
  /**
   * Cost stage with a fixed fleet: an unassigned mandatory request costs this many mean arcs (to
   * start with; then adapted) in the annealing's acceptance, never in the best, so the search can
   * pass through tight states (0: off). The weight grows while more than `softShare` of the accepted
   * states leave something out and shrinks while fewer than a quarter of that do.
   */
  softUnassigned: number;
  softShare: number;
}

export const DEFAULT_PARAMS: SearchParams = {
  cBar: 10,
  lMax: 10,
  blink: 0.01,
  t0: 1,
  tf: 0.01,
  fleetShare: 0.6,
  fleetPatience: 0.25,
  restartPatience: 0.15,
  softUnassigned: 1,
  softShare: 0.2,
};

export class Search {
  readonly routes: Route[];
  readonly reqRoute: Int32Array;
  readonly rng: Rng;
  readonly ins: Inserter;
  neighbours: Int32Array[] = [];
  penaltySum = 0;
  nUnassigned = 0;
  bestSeqs: number[][] = [];
  bestCost = INF;
  bestRoutes = 0;
  bestUnassigned = 0;
  iterations = 0;
  progress: Array<[number, number]> = [];
  private startMs = 0;
  private reqKey: Float64Array;
  /** Requests with a node in a locked head: never removed. */
  private lockedReq: Uint8Array;
  private backupReq: Int32Array;
  private touched: number[] = [];
  private touchedSeq: number[][] = [];
  private touchedMark: Uint8Array;
  private removed: number[] = [];
  private absence: Int32Array;
  /** Maximum number of used routes while recreating (fleet objective). */
  private routeLimit = INF;
  private phase: 'fleet' | 'cost' = 'cost';
  private fleetEnd = 0;
  private fleetLastGain = 0;
  private costStart = 0;
  /** Budget fraction at the cost stage's last new best (or restart). */
  private lastGain = 0;
  private scale = 1;
  /** Current solution for the annealing: cost without mandatory penalties + soft count. */
  private curBase = 0;
  private curSoft = 0;
  /** Soft weight per unassigned mandatory request, in mean arcs; and its feedback counters. */
  private lambda = 0;
  private accepted = 0;
  private acceptedSoft = 0;
  /** Out-parameters of splitCost. */
  private splitBase = 0;
  private splitSoft = 0;
  private bestFleetRoutes = INF;
  private done = false;
  private avgReqCost: Float64Array;

  constructor(
    readonly m: Model,
    readonly options: SolveOptions,
    readonly params: SearchParams = DEFAULT_PARAMS,
  ) {
    this.rng = makeRng(options.seed ?? 1);
    this.routes = [];
    for (let v = 0; v < m.V; v++) this.routes.push(new Route(m, v));
    this.reqRoute = new Int32Array(m.R).fill(-1);
    this.backupReq = new Int32Array(m.R);
    this.reqKey = new Float64Array(m.R);
    this.absence = new Int32Array(m.R);
    this.touchedMark = new Uint8Array(m.V);
    this.avgReqCost = new Float64Array(m.R);
    this.ins = new Inserter(m);
    this.lockedReq = new Uint8Array(m.R);
    for (let v = 0; v < m.V; v++)
      for (const n of m.vLocked[v]!) if (m.kind[n] !== KIND_BREAK) this.lockedReq[m.req[n]!] = 1;
  }

  // ---------------------------------------------------------------- helpers

  totalCost(): number {
    let c = this.penaltySum;
    for (const r of this.routes) if (r.nTasks > 0) c += r.cost;
    return c;
  }

  usedRoutes(): number {
    let k = 0;
    for (const r of this.routes) if (r.nTasks > 0) k++;
    return k;
  }

  /** Initial state: breaks and locked heads in place, everything else unassigned. */
  initRoutes(): void {
    const m = this.m;
    for (let v = 0; v < m.V; v++) {
      const rt = this.routes[v]!;
      const locked = m.vLocked[v]!;
      rt.seq = locked.slice();
      rt.locked = locked.length;
      for (const b of m.vBreaks[v]!) if (!locked.includes(b)) rt.seq.push(b);
      rt.refresh();
      // a locked pickup whose delivery is not locked, and a passenger on board: place the delivery
      // at its best position now (without it a break that needs an empty vehicle cannot be placed,
      // and an infeasible route takes no insertion)
      const pending: number[] = [];
      for (const n of locked) {
        const d = m.partner[n]!;
        if (m.kind[n] === KIND_PICKUP && d >= 0 && !rt.seq.includes(d)) pending.push(d);
      }
      if (m.vOnboard[v]! > 0)
        for (let r = 0; r < m.R; r++) {
          const d = m.rNode0[r]!;
          if (m.rLock[r] === v && m.rNode1[r]! < 0 && m.kind[d] === KIND_DELIVERY && m.partner[d]! < 0)
            if (!rt.seq.includes(d)) pending.push(d);
        }
      for (const d of pending) {
        let bestK = rt.seq.length;
        let bestC = INF;
        for (let k = rt.locked; k <= rt.seq.length; k++) {
          rt.seq.splice(k, 0, d);
          const c = evaluateRoute(m, v, rt.seq, rt.seq.length, rt.locked);
          rt.seq.splice(k, 1);
          if (c < bestC) {
            bestC = c;
            bestK = k;
          }
        }
        rt.seq.splice(bestK, 0, d);
        rt.refresh();
      }
      // a vehicle whose breaks cannot be scheduled stays infeasible: nothing is inserted into it
      for (const n of rt.seq) if (m.kind[n] !== KIND_BREAK) this.reqRoute[m.req[n]!] = v;
    }
    this.recountUnassigned();
    this.buildNeighbours();
  }

  /** Penalty sum and count of the requests no route serves. */
  private recountUnassigned(): void {
    const m = this.m;
    this.penaltySum = 0;
    this.nUnassigned = 0;
    for (let r = 0; r < m.R; r++)
      if (this.reqRoute[r]! < 0) {
        this.penaltySum += m.rPenalty[r]!;
        this.nUnassigned++;
      }
  }

  /** Loads routes from given sequences (e.g. an existing solution). */
  loadSeqs(seqs: number[][]): void {
    const m = this.m;
    this.reqRoute.fill(-1);
    for (let v = 0; v < m.V; v++) {
      const rt = this.routes[v]!;
      rt.seq = seqs[v]!.slice();
      rt.locked = m.vLocked[v]!.length;
      rt.refresh(true);
      for (const n of rt.seq) if (m.kind[n] !== KIND_BREAK) this.reqRoute[m.req[n]!] = v;
    }
    this.recountUnassigned();
  }

  private buildNeighbours(): void {
    const m = this.m;
    const R = m.R;
    const L = m.L;
    const du = m.dur[0]!;
    const K = Math.min(R - 1, 120);
    const idx = new Int32Array(R);
    const dd = new Float64Array(R);
    const v0 = m.V > 0 ? m.vStart[0]! : m.dummy;
    for (let r = 0; r < R; r++) {
      const a0 = m.loc[m.rNode0[r]!]!;
      const a1 = m.rNode1[r]! >= 0 ? m.loc[m.rNode1[r]!]! : a0;
      this.avgReqCost[r] = du[v0 * L + a0]! + du[a0 * L + v0]!;
      for (let s = 0; s < R; s++) {
        idx[s] = s;
        if (s === r) {
          dd[s] = INF;
          continue;
        }
        const b0 = m.loc[m.rNode0[s]!]!;
        const b1 = m.rNode1[s]! >= 0 ? m.loc[m.rNode1[s]!]! : b0;
        dd[s] = Math.min(du[a0 * L + b0]!, du[a0 * L + b1]!, du[a1 * L + b0]!, du[a1 * L + b1]!);
      }
      // K nearest: threshold from a native numeric sort, then sort the few candidates
      let arr: number[];
      if (R > 2 * K + 1) {
        const sorted = Float64Array.from(dd).sort();
        const thr = sorted[K - 1]!;
        arr = [];
        for (let x = 0; x < R; x++) if (dd[x]! <= thr) arr.push(x);
      } else arr = Array.from(idx);
      arr.sort((x, y) => dd[x]! - dd[y]! || x - y);
      this.neighbours.push(Int32Array.from(arr.slice(0, K)));
    }
  }

  private touch(v: number): void {
    if (this.touchedMark[v]) return;
    this.touchedMark[v] = 1;
    this.touched.push(v);
    this.touchedSeq.push(this.routes[v]!.seq.slice());
  }

  private snapshotStart(): void {
    for (const v of this.touched) this.touchedMark[v] = 0;
    this.touched.length = 0;
    this.touchedSeq.length = 0;
    this.backupReq.set(this.reqRoute);
  }

  private restore(penalty: number, nUn: number): void {
    for (let k = 0; k < this.touched.length; k++) {
      const v = this.touched[k]!;
      const rt = this.routes[v]!;
      rt.seq = this.touchedSeq[k]!;
      rt.refresh();
    }
    this.reqRoute.set(this.backupReq);
    this.penaltySum = penalty;
    this.nUnassigned = nUn;
  }

  private removeReq(r: number): void {
    const v = this.reqRoute[r]!;
    if (v < 0) return;
    const m = this.m;
    const rt = this.routes[v]!;
    this.touch(v);
    const n0 = m.rNode0[r]!;
    const n1 = m.rNode1[r]!;
    const seq = rt.seq;
    let w = 0;
    for (let k = 0; k < seq.length; k++) {
      const x = seq[k]!;
      if (x !== n0 && x !== n1) seq[w++] = x;
    }
    seq.length = w;
    this.reqRoute[r] = -1;
    this.penaltySum += m.rPenalty[r]!;
    this.nUnassigned++;
    this.removed.push(r);
  }

  /** Inserts r at its best place; returns false if none. Caller refreshes nothing: done here. */
  insertReq(r: number, allowEmpty: boolean, onlyRoute = -1): boolean {
    const m = this.m;
    const res = this.ins.find(this.routes, r, allowEmpty, onlyRoute);
    if (res.route < 0) return false;
    if (!m.rMandatory[r] && res.delta >= m.rPenalty[r]!) return false;
    const v = res.route;
    const rt = this.routes[v]!;
    this.touch(v);
    applyInsertion(rt, m.rNode0[r]!, m.rNode1[r]!, res.i, res.j);
    rt.refresh();
    this.reqRoute[r] = v;
    this.penaltySum -= m.rPenalty[r]!;
    this.nUnassigned--;
    return true;
  }

  /** Cost change of: remove q from route v, insert r into v, reinsert q anywhere (state restored). */
  tryEjection(r: number, q: number, v: number): number {
    const pen = this.penaltySum;
    const nUn = this.nUnassigned;
    const before = this.totalCost();
    this.snapshotStart();
    this.removeReq(q);
    this.routes[v]!.refresh();
    const ok = this.insertReq(r, true, v) && this.insertReq(q, true);
    const d = ok ? this.totalCost() - before : INF;
    this.restore(pen, nUn);
    this.snapshotStart();
    return d;
  }

  applyEjection(r: number, q: number, v: number): void {
    this.snapshotStart();
    this.removeReq(q);
    this.routes[v]!.refresh();
    this.insertReq(r, true, v);
    this.insertReq(q, true);
    this.snapshotStart();
  }

  private isLockedNode(rt: Route, k: number): boolean {
    return k < rt.locked || this.m.kind[rt.seq[k]!] === KIND_BREAK;
  }

  // ---------------------------------------------------------------- SISR ruin

  private ruin(): void {
    const m = this.m;
    const rng = this.rng;
    const { cBar, lMax } = this.params;
    this.removed.length = 0;
    let used = 0;
    let tot = 0;
    for (const rt of this.routes)
      if (rt.nTasks > 0) {
        used++;
        tot += rt.nTasks;
      }
    if (used === 0) return;
    const lsMax = Math.min(lMax, tot / used);
    const ksMax = (4 * cBar) / (1 + lsMax) - 1;
    const ks = Math.floor(rng() * ksMax) + 1;
    // seed: an unassigned request (if any, half of the time) or a random assigned one
    let seed = -1;
    if (this.nUnassigned > 0 && rng() < 0.5) {
      const un: number[] = [];
      for (let r = 0; r < m.R; r++) if (this.reqRoute[r]! < 0) un.push(r);
      seed = un[randInt(rng, un.length)]!;
    } else {
      for (let t = 0; t < 20 && seed < 0; t++) {
        const r = randInt(rng, m.R);
        if (this.reqRoute[r]! >= 0) seed = r;
      }
      if (seed < 0) for (let r = 0; r < m.R && seed < 0; r++) if (this.reqRoute[r]! >= 0) seed = r;
    }
    if (seed < 0) return;
    const ruined = new Set<number>();
    const nb = this.neighbours[seed]!;
    for (let k = -1; k < nb.length && ruined.size < ks; k++) {
      const c = k < 0 ? seed : nb[k]!;
      const v = this.reqRoute[c]!;
      if (v < 0 || ruined.has(v)) continue;
      ruined.add(v);
      const rt = this.routes[v]!;
      const seq = rt.seq;
      const pos = seq.indexOf(m.rNode0[c]!);
      if (pos < 0) continue;
      const movable = rt.nTasks;
      const lt = Math.floor(rng() * Math.min(movable, lsMax)) + 1;
      const toRemove: number[] = [];
      if (rng() < 0.5 || lt >= seq.length) {
        // string removal
        const lo = Math.max(0, pos - lt + 1);
        const hi = Math.min(pos, seq.length - lt);
        const s = hi >= lo ? lo + randInt(rng, hi - lo + 1) : Math.max(0, Math.min(pos, seq.length - lt));
        for (let q = s; q < s + lt && q < seq.length; q++)
          if (!this.isLockedNode(rt, q)) toRemove.push(seq[q]!);
      } else {
        // split string: window of lt + mm, keep mm consecutive
        let mm = 1;
        while (lt + mm < seq.length && rng() < 0.5) mm++;
        const len = Math.min(lt + mm, seq.length);
        const lo = Math.max(0, pos - len + 1);
        const hi = Math.min(pos, seq.length - len);
        const s = hi >= lo ? lo + randInt(rng, hi - lo + 1) : 0;
        const keepStart = s + randInt(rng, Math.max(1, len - mm + 1));
        for (let q = s; q < s + len && q < seq.length; q++) {
          if (q >= keepStart && q < keepStart + mm) continue;
          if (!this.isLockedNode(rt, q)) toRemove.push(seq[q]!);
        }
      }
      for (const x of toRemove) {
        const r = m.req[x]!;
        if (this.reqRoute[r]! >= 0 && !this.lockedReq[r]) this.removeReq(r);
      }
    }
    for (const v of this.touched) this.routes[v]!.refresh();
  }

  // ---------------------------------------------------------------- recreate

  private recreate(blink: number): void {
    const m = this.m;
    const rng = this.rng;
    const list: number[] = [];
    for (let r = 0; r < m.R; r++) if (this.reqRoute[r]! < 0) list.push(r);
    // order
    const x = rng() * 11;
    const key = this.reqKey;
    if (x < 4) {
      for (const r of list) key[r] = rng();
    } else if (x < 8) {
      for (const r of list) {
        let s = 0;
        const n = m.rNode1[r]! >= 0 ? m.rNode0[r]! : m.rNode0[r]!;
        for (let d = 0; d < m.D; d++) s += m.startLoad[n * m.D + d]! + Math.abs(m.dLoad[n * m.D + d]!);
        key[r] = -s - rng() * 1e-6;
      }
    } else if (x < 10) {
      for (const r of list) key[r] = -this.avgReqCost[r]!;
    } else {
      for (const r of list) key[r] = this.avgReqCost[r]!;
    }
    if (this.phase === 'fleet') for (const r of list) key[r] = key[r]! - this.absence[r]! * 1e6;
    // mandatory first
    for (const r of list) if (m.rMandatory[r]) key[r] = key[r]! - 1e12;
    list.sort((a, b) => key[a]! - key[b]! || a - b);
    this.ins.blink = blink;
    this.ins.rng = rng;
    let used = this.routeLimit < INF ? this.usedRoutes() : 0;
    for (const r of list) {
      const res = this.ins.find(this.routes, r, used < this.routeLimit);
      if (res.route < 0) continue;
      if (!m.rMandatory[r] && res.delta >= m.rPenalty[r]!) continue;
      const rt = this.routes[res.route]!;
      if (rt.nTasks === 0) used++;
      this.touch(res.route);
      applyInsertion(rt, m.rNode0[r]!, m.rNode1[r]!, res.i, res.j);
      rt.refresh();
      this.reqRoute[r] = res.route;
      this.penaltySum -= m.rPenalty[r]!;
      this.nUnassigned--;
    }
    this.ins.blink = 0;
  }

  // ---------------------------------------------------------------- main loop

  start(): void {
    this.startMs = this.options.now();
    this.initRoutes();
    const m = this.m;
    const fleet = m.objective === 'vehicles-then-cost';
    this.routeLimit = INF;
    this.phase = 'cost';
    this.snapshotStart();
    if (fleet) {
      // construction: open a new vehicle only when needed
      const order: number[] = [];
      for (let r = 0; r < m.R; r++) if (this.reqRoute[r]! < 0) order.push(r);
      const tw = (r: number): number => {
        const n = m.rNode0[r]!;
        return m.tw[2 * m.twOff[n]! + 1]!;
      };
      order.sort((a, b) => tw(a) - tw(b) || a - b);
      for (const r of order) if (!this.insertReq(r, false)) this.insertReq(r, true);
    } else {
      this.phase = 'cost';
      this.recreate(0);
    }
    this.setCurrent();
    this.lambda = this.params.softUnassigned;
    let arcs = 0;
    let nArcs = 0;
    for (const rt of this.routes)
      if (rt.nTasks > 0) {
        arcs += rt.cost - m.vFixed[rt.v]!;
        nArcs += rt.nTasks + 1;
      }
    this.scale = nArcs > 0 && arcs > 0 ? arcs / nArcs : 1;
    this.saveBest();
    if (fleet) {
      this.phase = 'fleet';
      this.fleetEnd = this.params.fleetShare;
      this.bestFleetRoutes = this.usedRoutes();
    }
  }

  private saveBest(): void {
    this.bestSeqs = this.routes.map((r) => r.seq.slice());
    this.bestCost = this.totalCost();
    this.bestRoutes = this.usedRoutes();
    this.bestUnassigned = this.nUnassigned;
    const el = this.options.now() - this.startMs;
    this.progress.push([el, this.bestCost]);
    this.report();
  }

  report(): void {
    const p: SolveProgress = {
      elapsedMs: this.options.now() - this.startMs,
      iteration: this.iterations,
      bestCost: this.bestCost,
      routes: this.bestRoutes,
      unassigned: this.bestUnassigned,
    };
    this.options.onProgress?.(p);
  }

  private better(cost: number, routes: number, un: number): boolean {
    // lexicographic: unassigned penalty is inside cost; routes first for the fleet objective
    if (this.m.objective === 'vehicles-then-cost' && un === 0 && this.bestUnassigned === 0) {
      if (routes !== this.bestRoutes) return routes < this.bestRoutes;
    }
    return cost < this.bestCost - 1e-9;
  }

  /** Fraction of the budget used (iterations if maxIterations is set, else time). */
  private frac(): number {
    const o = this.options;
    if (o.maxIterations !== undefined) return Math.min(1, this.iterations / Math.max(1, o.maxIterations));
    return Math.min(1, (o.now() - this.startMs) / Math.max(1, o.timeLimitMs));
  }

  private stopNow(): boolean {
    const o = this.options;
    if (o.signal?.aborted) return true;
    if (o.maxIterations !== undefined && this.iterations >= o.maxIterations) return true;
    if (o.now() - this.startMs >= o.timeLimitMs) return true;
    if (this.m.R === 0) return true;
    return false;
  }

  /** Runs iterations until done or `sliceMs` passed. Returns true when finished. */
  run(sliceMs = INF): boolean {
    if (this.done) return true;
    const o = this.options;
    const sliceStart = o.now();
    while (true) {
      if (this.stopNow()) {
        this.done = true;
        return true;
      }
      if (o.now() - sliceStart >= sliceMs) return false;
      this.iterate();
      this.iterations++;
    }
  }

  private iterate(): void {
    const f = this.frac();
    if (this.phase === 'fleet') {
      if (
        f >= this.fleetEnd ||
        f - this.fleetLastGain >= this.params.fleetPatience ||
        this.bestFleetRoutes <= 1
      ) {
        this.endFleet();
      } else {
        this.fleetIteration();
        return;
      }
    }
    const { t0, tf, restartPatience } = this.params;
    if (restartPatience > 0 && f - this.lastGain >= restartPatience && 1 - f >= restartPatience) {
      this.loadSeqs(this.bestSeqs);
      this.setCurrent();
      this.costStart = f;
      this.lastGain = f;
    }
    const T0 = t0 * this.scale;
    const Tf = tf * this.scale;
    const g = (f - this.costStart) / Math.max(1e-9, 1 - this.costStart);
    const T = T0 * (Tf / T0) ** Math.max(0, Math.min(1, g));
    const pen = this.penaltySum;
    const nUn = this.nUnassigned;
    this.snapshotStart();
    this.ruin();
    this.recreate(this.params.blink);
    const real = this.totalCost();
    this.splitCost(real);
    const w = this.lambda * this.scale;
    const c = this.splitBase + this.splitSoft * w;
    if (c < this.curBase + this.curSoft * w - T * Math.log(this.rng())) {
      this.curBase = this.splitBase;
      this.curSoft = this.splitSoft;
      this.accepted++;
      if (this.splitSoft > 0) this.acceptedSoft++;
      const used = this.usedRoutes();
      if (this.better(real, used, this.nUnassigned)) {
        this.saveBest();
        this.lastGain = f;
      }
    } else this.restore(pen, nUn);
    if (this.accepted >= 100) this.adaptSoftWeight();
  }

  /**
   * The annealing's view of a cost: in a fixed fleet (vehicles-then-cost after fleet minimisation)
   * each unassigned mandatory request counts `lambda` mean arcs instead of its penalty. Sets
   * splitBase (cost without those penalties) and splitSoft (their number).
   */
  private splitCost(real: number): void {
    this.splitBase = real;
    this.splitSoft = 0;
    if (this.params.softUnassigned <= 0 || this.nUnassigned === 0 || this.routeLimit === INF) return;
    const m = this.m;
    for (let r = 0; r < m.R; r++)
      if (this.reqRoute[r]! < 0 && m.rMandatory[r]) {
        this.splitBase -= m.rPenalty[r]!;
        this.splitSoft++;
      }
  }

  private setCurrent(): void {
    this.splitCost(this.totalCost());
    this.curBase = this.splitBase;
    this.curSoft = this.splitSoft;
  }

  private adaptSoftWeight(): void {
    const share = this.acceptedSoft / this.accepted;
    const target = this.params.softShare;
    if (share > target) this.lambda = Math.min(1e3, this.lambda * 1.5);
    else if (share < target / 4) this.lambda = Math.max(0.05, this.lambda / 1.2);
    this.accepted = 0;
    this.acceptedSoft = 0;
  }

  private removeSmallestRoute(): void {
    let bv = -1;
    let bn = INF;
    for (const rt of this.routes) {
      if (rt.nTasks === 0 || rt.locked > 0) continue;
      const sz = rt.nTasks + this.rng() * 0.5;
      if (sz < bn) {
        bn = sz;
        bv = rt.v;
      }
    }
    if (bv < 0) return;
    const m = this.m;
    this.snapshotStart();
    const rt = this.routes[bv]!;
    for (const x of rt.seq.slice()) if (m.kind[x] !== KIND_BREAK) this.removeReq(m.req[x]!);
    rt.refresh();
    this.snapshotStart();
    this.routeLimit = this.usedRoutes();
  }

  private fleetIteration(): void {
    if (this.nUnassigned === 0) {
      const used = this.usedRoutes();
      if (used < this.bestFleetRoutes) {
        this.bestFleetRoutes = used;
        this.fleetLastGain = this.frac();
      }
      if (this.better(this.totalCost(), used, 0)) this.saveBest();
      this.removeSmallestRoute();
      this.absence.fill(0);
    }
    const pen = this.penaltySum;
    const nUn = this.nUnassigned;
    let absBefore = 0;
    for (let r = 0; r < this.m.R; r++) if (this.reqRoute[r]! < 0) absBefore += this.absence[r]!;
    this.snapshotStart();
    this.ruin();
    this.recreate(this.params.blink);
    let absAfter = 0;
    for (let r = 0; r < this.m.R; r++) if (this.reqRoute[r]! < 0) absAfter += this.absence[r]!;
    if (this.nUnassigned < nUn || absAfter < absBefore) {
      // accepted
    } else this.restore(pen, nUn);
    for (let r = 0; r < this.m.R; r++) if (this.reqRoute[r]! < 0) this.absence[r]!++;
  }

  private endFleet(): void {
    this.phase = 'cost';
    this.costStart = this.frac();
    this.lastGain = this.costStart;
    this.loadSeqs(this.bestSeqs);
    this.routeLimit = this.usedRoutes();
    this.setCurrent();
  }

  /** Final best as sequences per vehicle. */
  result(): number[][] {
    return this.bestSeqs;
  }
}
