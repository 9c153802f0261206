/**
 * The current solution of the search: one Route per vehicle, which route serves each request, the
 * penalty of what is left out; the moves on it (remove / insert a request, one ejection) and an undo
 * log (routes touched since the last snapshot) to restore a rejected move.
 */
import { evaluateRoute } from '../evaluate';
import { applyInsertion, Inserter } from '../insertion';
import { KIND_BREAK, KIND_DELIVERY, KIND_PICKUP } from '../kinds';
import type { Model } from '../model';
import { Route } from '../routes';

const INF = Number.POSITIVE_INFINITY;

export class SolutionState {
  readonly routes: Route[];
  /** Route (vehicle) serving each request, -1 when unassigned. */
  readonly reqRoute: Int32Array;
  readonly ins: Inserter;
  penaltySum = 0;
  nUnassigned = 0;
  /** Requests with a node in a locked head: never removed. */
  protected readonly lockedReq: Uint8Array;
  /** Routes touched since the last snapshot, and their sequences before. */
  readonly touched: number[] = [];
  private touchedSeq: number[][] = [];
  private touchedMark: Uint8Array;
  private backupReq: Int32Array;

  constructor(readonly m: Model) {
    this.routes = [];
    for (let v = 0; v < m.V; v++) this.routes.push(new Route(m, v));
    this.reqRoute = new Int32Array(m.R).fill(-1);
    this.backupReq = new Int32Array(m.R);
    this.touchedMark = new Uint8Array(m.V);
    this.ins = new Inserter(m);
    this.lockedReq = new Uint8Array(m.R);
    for (let v = 0; v < m.V; v++)
      for (const n of m.vLocked[v]!) if (m.kind[n] !== KIND_BREAK) this.lockedReq[m.req[n]!] = 1;
  }

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
      this.placeHeadDeliveries(rt);
      // a vehicle whose breaks cannot be scheduled stays infeasible: nothing is inserted into it
      for (const n of rt.seq) if (m.kind[n] !== KIND_BREAK) this.reqRoute[m.req[n]!] = v;
    }
    this.recountUnassigned();
  }

  /**
   * A locked pickup whose delivery is not locked, and a passenger on board: place the delivery at its
   * best position now (without it a break that needs an empty vehicle cannot be placed, and an
   * infeasible route takes no insertion).
   */
  private placeHeadDeliveries(rt: Route): void {
    const m = this.m;
    const v = rt.v;
    const pending: number[] = [];
    for (const n of m.vLocked[v]!) {
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
  }

  /** Penalty sum and count of the requests no route serves. */
  protected recountUnassigned(): void {
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

  /** Logs route v's sequence before its first change since the snapshot. */
  touch(v: number): void {
    if (this.touchedMark[v]) return;
    this.touchedMark[v] = 1;
    this.touched.push(v);
    this.touchedSeq.push(this.routes[v]!.seq.slice());
  }

  /** Starts a new undo log. */
  snapshotStart(): void {
    for (const v of this.touched) this.touchedMark[v] = 0;
    this.touched.length = 0;
    this.touchedSeq.length = 0;
    this.backupReq.set(this.reqRoute);
  }

  /** Undoes everything since the snapshot. */
  restore(penalty: number, nUn: number): void {
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

  /** Takes request r out of its route (the route is refreshed by the caller). */
  removeReq(r: number): void {
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

  /** Position k of route rt stays put (locked head, or a break). */
  isLockedNode(rt: Route, k: number): boolean {
    return k < rt.locked || this.m.kind[rt.seq[k]!] === KIND_BREAK;
  }

  /** A request that may be removed (served, not in a locked head). */
  isRemovable(r: number): boolean {
    return this.reqRoute[r]! >= 0 && !this.lockedReq[r];
  }
}
