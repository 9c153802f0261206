/**
 * Route state with cached data for O(1) insertion checks: per gap (insertion point after position g)
 * the earliest departure and the last real location, per position the latest feasible departure and
 * the load profile with prefix/suffix maxima. Breaks are skipped in these caches (a relaxation: they
 * only consume time); routes that are not "exact" re-check candidates with evaluateRoute.
 *
 * Legend: g gap (after position g), p position (0 = start, n + 1 = end), gDep / gLoc / gNext per gap,
 * latDep latest departure, pref / suff load maxima, L matrix row length, du / di / cm the vehicle's
 * duration, distance and cost matrices, tt / dd / cc travel, distance and cost so far.
 */
import { earliestStart, evaluateRoute, latestStart } from './evaluate';
import { KIND_BREAK } from './kinds';
import type { Model } from './model';

export class Route {
  seq: number[] = [];
  locked = 0;
  cost = 0;
  travel = 0;
  distance = 0;
  nTasks = 0;
  /** Travel cost without the fixed cost (from the forward pass). */
  travelCost = 0;
  exact = true;
  feasible = true;
  // caches, positions 0..n+1
  gDep = new Float64Array(8);
  gLoc = new Int32Array(8);
  gNext = new Int32Array(8); // first real position > g (n+1 = end)
  latDep = new Float64Array(8);
  load = new Float64Array(8);
  pref = new Float64Array(8);
  suff = new Float64Array(8);
  cumCost = new Float64Array(8);
  constructor(
    readonly m: Model,
    readonly v: number,
  ) {}

  get n(): number {
    return this.seq.length;
  }

  private grow(n: number): void {
    const D = Math.max(this.m.D, 1);
    if (this.gDep.length >= n + 2 && this.load.length >= (n + 2) * D) return;
    const s = Math.max(n + 2, this.gDep.length * 2);
    this.gDep = new Float64Array(s);
    this.gLoc = new Int32Array(s);
    this.gNext = new Int32Array(s);
    this.latDep = new Float64Array(s);
    this.cumCost = new Float64Array(s);
    this.load = new Float64Array(s * D);
    this.pref = new Float64Array(s * D);
    this.suff = new Float64Array(s * D);
  }

  /** Recomputes all caches; returns the exact route cost (Infinity if infeasible). */
  refresh(full = false): number {
    const n = this.seq.length;
    this.grow(n);
    this.countTasks();
    const windowsMet = this.forwardPass();
    this.backwardPass();
    this.loadProfile();
    const c =
      this.exact && !full
        ? this.exactCost(windowsMet, this.travelCost)
        : evaluateRoute(this.m, this.v, this.seq, n, this.locked);
    this.feasible = c !== Number.POSITIVE_INFINITY;
    this.cost = c;
    return c;
  }

  /** nTasks, and whether the caches describe the route exactly (no breaks, ride times, max_duration...). */
  private countTasks(): void {
    const m = this.m;
    const seq = this.seq;
    let exact = m.vExactOK[this.v] === 1;
    let nTasks = 0;
    const kind = m.kind;
    for (let i = 0; i < seq.length; i++) {
      const x = seq[i]!;
      if (kind[x] !== KIND_BREAK) {
        nTasks++;
        if (!m.rSimple[m.req[x]!]) exact = false;
      }
    }
    this.exact = exact;
    this.nTasks = nTasks;
  }

  /**
   * Forward: earliest departure and last real location per gap, cumulated cost, travel and distance.
   * Returns whether every window can be met (breaks skipped); sets travel, distance, travelCost.
   */
  private forwardPass(): boolean {
    const m = this.m;
    const v = this.v;
    const seq = this.seq;
    const n = seq.length;
    const { kind, loc } = m;
    let feasible = true;
    // travel/dist totals
    const L = m.L;
    const prof = m.vProfile[v]!;
    const du = m.dur[prof]!;
    const di = m.dist[prof]!;
    const cm = m.costMat[m.vCostClass[v]!]!;
    let last = m.vStart[v]!;
    let tt = 0;
    let dd = 0;
    let cc = 0;
    const gLoc = this.gLoc;
    const gDep = this.gDep;
    const cum = this.cumCost;
    gLoc[0] = last;
    gDep[0] = m.vTwA[v]!;
    cum[0] = 0;
    for (let p = 1; p <= n; p++) {
      const x = seq[p - 1]!;
      if (kind[x] === KIND_BREAK) {
        gLoc[p] = last;
        gDep[p] = gDep[p - 1]!;
        cum[p] = cc;
        continue;
      }
      const l = loc[x]!;
      const a = last * L + l;
      tt += du[a]!;
      dd += di[a]!;
      cc += cm[a]!;
      cum[p] = cc;
      const arr = gDep[p - 1]! + du[a]!;
      let st = earliestStart(m, x, arr);
      if (st === Number.POSITIVE_INFINITY) {
        st = arr;
        if (p > this.locked) feasible = false;
      }
      gDep[p] = st + (last !== l ? m.setup[x]! : 0) + m.service[x]!;
      gLoc[p] = l;
      last = l;
    }
    const endL = m.vEnd[v]!;
    tt += du[last * L + endL]!;
    dd += di[last * L + endL]!;
    cc += cm[last * L + endL]!;
    cum[n + 1] = cc;
    gLoc[n + 1] = endL;
    // totals of the sequence as it stands (start -> end for an empty route): insertion deltas are
    // added to these, so an empty route must count its start -> end leg too
    this.travel = tt;
    this.distance = dd;
    this.travelCost = cc;
    return feasible;
  }

  /** Backward: latest feasible departure per position, and the next real position per gap. */
  private backwardPass(): void {
    const m = this.m;
    const v = this.v;
    const seq = this.seq;
    const n = seq.length;
    const { kind, loc } = m;
    const L = m.L;
    const du = m.dur[m.vProfile[v]!]!;
    const endL = m.vEnd[v]!;
    const gLoc = this.gLoc;
    const latDep = this.latDep;
    const gNext = this.gNext;
    latDep[n + 1] = m.vTwB[v]!;
    gNext[n + 1] = n + 1;
    let q = n + 1;
    for (let p = n; p >= 0; p--) {
      gNext[p] = q;
      if (p > 0 && kind[seq[p - 1]!] === KIND_BREAK) {
        latDep[p] = latDep[q]!;
        continue;
      }
      const lp = gLoc[p]!;
      if (q === n + 1) latDep[p] = latDep[q]! - du[lp * L + endL]!;
      else {
        const y = seq[q - 1]!;
        const ly = loc[y]!;
        const x = latDep[q]! - (lp !== ly ? m.setup[y]! : 0) - m.service[y]!;
        latDep[p] = latestStart(m, y, x) - du[lp * L + ly]!;
      }
      q = p;
    }
  }

  /** Load after each position, with prefix and suffix maxima per dimension. */
  private loadProfile(): void {
    const m = this.m;
    const v = this.v;
    const seq = this.seq;
    const n = seq.length;
    const D = m.D;
    const load = this.load;
    const pref = this.pref;
    const suff = this.suff;
    for (let d = 0; d < D; d++) load[d] = m.vInitLoad[v * D + d]!;
    for (let i = 0; i < n; i++) {
      const x = seq[i]!;
      for (let d = 0; d < D; d++) load[d]! += m.startLoad[x * D + d]!;
    }
    for (let p = 1; p <= n; p++) {
      const x = seq[p - 1]!;
      for (let d = 0; d < D; d++) load[p * D + d] = load[(p - 1) * D + d]! + m.dLoad[x * D + d]!;
    }
    for (let d = 0; d < D; d++) {
      let mx = Number.NEGATIVE_INFINITY;
      for (let p = 0; p <= n; p++) {
        const l = load[p * D + d]!;
        if (l > mx) mx = l;
        pref[p * D + d] = mx;
      }
      mx = Number.NEGATIVE_INFINITY;
      for (let p = n; p >= 0; p--) {
        const l = load[p * D + d]!;
        if (l > mx) mx = l;
        suff[p * D + d] = mx;
      }
    }
  }

  /** Cost of an exact route from the caches (Infinity when a limit is broken). */
  private exactCost(windowsMet: boolean, travelCost: number): number {
    const m = this.m;
    const v = this.v;
    const n = this.seq.length;
    const { D, L } = m;
    const du = m.dur[m.vProfile[v]!]!;
    const endL = m.vEnd[v]!;
    const { pref, gDep, gLoc, nTasks } = this;
    let feasible = windowsMet;
    for (let d = 0; d < D && feasible; d++)
      if (pref[n * D + d]! > m.vCap[v * D + d]! + 1e-7) feasible = false;
    if (gDep[n]! + du[gLoc[n]! * L + endL]! > m.vTwB[v]! + 1e-7) feasible = false;
    if (
      nTasks > m.vMaxTasks[v]! ||
      (nTasks > 0 && (this.travel > m.vMaxTT[v]! + 1e-7 || this.distance > m.vMaxDist[v]! + 1e-7))
    )
      feasible = false;
    if (!feasible) return Number.POSITIVE_INFINITY;
    return nTasks ? travelCost + m.vFixed[v]! : 0;
  }
}
