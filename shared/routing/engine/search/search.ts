/**
 * The search: construction by cheapest insertion, then SISR ruin & recreate (Christiaens &
 * Vanden Berghe 2020) under simulated annealing; for the 'vehicles-then-cost' objective a fleet
 * minimisation stage (route removal + absence-counter acceptance) runs first. In the cost stage the
 * annealing restarts from the best at the initial temperature when the best stalls, and with a fixed
 * fleet it may accept states that leave a request out at an adaptive soft price (never as a best):
 * few long routes (e.g. Li & Lim lr208, 2 routes of 50 rides) otherwise freeze in a tight optimum.
 *
 * Legend: f fraction of the budget used, g fraction of the cost stage used, T temperature (T0 at the
 * start, Tf at the end, in units of `scale`, the mean arc cost), lambda the soft price of a left-out
 * request in mean arcs.
 */
import type { SolveOptions, SolveProgress } from '../../vroom-format';
import { KIND_BREAK } from '../kinds';
import type { Model } from '../model';
import { makeRng, type Rng } from '../rng';
import { nearestRequests } from './neighbours';
import { DEFAULT_PARAMS, type SearchParams } from './params';
import { recreate } from './recreate';
import { ruin } from './ruin';
import { SolutionState } from './solution-state';

export { DEFAULT_PARAMS, type SearchParams } from './params';

const INF = Number.POSITIVE_INFINITY;

export class Search extends SolutionState {
  readonly rng: Rng;
  neighbours: Int32Array[] = [];
  bestSeqs: number[][] = [];
  bestCost = INF;
  bestRoutes = 0;
  bestUnassigned = 0;
  iterations = 0;
  progress: Array<[number, number]> = [];
  private startMs = 0;
  private reqKey: Float64Array;
  private absence: Int32Array;
  /** Maximum number of used routes while recreating (fleet objective). */
  private routeLimit = INF;
  private phase: 'fleet' | 'cost' = 'cost';
  private fleetEnd = 0;
  private fleetLastGain = 0;
  private costStart = 0;
  /** Budget fraction at the cost stage's last new best (or restart). */
  private lastGain = 0;
  /** Mean arc cost of the first solution: the temperature's unit. */
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
  private roundTrip: Float64Array;

  constructor(
    m: Model,
    readonly options: SolveOptions,
    readonly params: SearchParams = DEFAULT_PARAMS,
  ) {
    super(m);
    this.rng = makeRng(options.seed ?? 1);
    this.reqKey = new Float64Array(m.R);
    this.absence = new Int32Array(m.R);
    this.roundTrip = new Float64Array(m.R);
  }

  /** One ruin & recreate move on the current solution (the caller accepts or restores it). */
  private ruinAndRecreate(): void {
    ruin(this, this.rng, this.params, this.neighbours);
    recreate(this, {
      rng: this.rng,
      blink: this.params.blink,
      key: this.reqKey,
      roundTrip: this.roundTrip,
      absence: this.phase === 'fleet' ? this.absence : null,
      routeLimit: this.routeLimit,
    });
  }

  // ---------------------------------------------------------------- main loop

  start(): void {
    this.startMs = this.options.now();
    this.initRoutes();
    const { neighbours, roundTrip } = nearestRequests(this.m);
    this.neighbours = neighbours;
    this.roundTrip = roundTrip;
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
      recreate(this, {
        rng: this.rng,
        blink: 0,
        key: this.reqKey,
        roundTrip: this.roundTrip,
        absence: null,
        routeLimit: this.routeLimit,
      });
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
    this.ruinAndRecreate();
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
    this.ruinAndRecreate();
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
