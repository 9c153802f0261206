/**
 * Compile section 2: the node table (one node per job, pickup, delivery and break), grown while the
 * requests and vehicles are compiled, then flattened into the Model's typed arrays.
 */
import { checkTws, fail, isNum } from './validate';

export interface NodeSource {
  location_index: number;
  setup?: number;
  service?: number;
  time_windows?: [number, number][];
}

export class NodeTable {
  readonly kind: number[] = [];
  readonly extId: number[] = [];
  readonly loc: number[] = [];
  readonly setup: number[] = [];
  readonly service: number[] = [];
  readonly twList: [number, number][][] = [];
  readonly startLoad: number[][] = [];
  readonly dLoad: number[][] = [];
  readonly breakMaxLoad: number[][] = [];
  readonly req: number[] = [];
  readonly partner: number[] = [];
  readonly maxRide: number[] = [];
  readonly exclusive: number[] = [];
  readonly onboardDep: number[] = [];
  readonly breakVehicle: number[] = [];

  constructor(
    /** Capacity dimensions. */
    readonly D: number,
    private readonly dummy: number,
    /** Checks a location_index against the matrices. */
    readonly checkLoc: (what: string, i: unknown) => number,
  ) {}

  get size(): number {
    return this.kind.length;
  }

  zero(): number[] {
    return new Array(this.D).fill(0);
  }

  /** An amount padded with zeros to D dimensions. */
  pad(a: number[]): number[] {
    const o = this.zero();
    for (let i = 0; i < a.length; i++) o[i] = a[i] as number;
    return o;
  }

  /** Adds a node; `t` null for a break (no location of its own). Returns its index. */
  add(kind: number, id: number, what: string, t: NodeSource | null): number {
    const n = this.kind.length;
    this.kind.push(kind);
    this.extId.push(id);
    if (t) {
      this.loc.push(this.checkLoc(what, t.location_index));
      const su = t.setup ?? 0;
      const sv = t.service ?? 0;
      if (!isNum(su) || su < 0) fail(`${what}: setup must be a non-negative number`);
      if (!isNum(sv) || sv < 0) fail(`${what}: service must be a non-negative number`);
      this.setup.push(su);
      this.service.push(sv);
      this.twList.push(checkTws(what, t.time_windows));
    } else {
      this.loc.push(this.dummy);
      this.setup.push(0);
      this.service.push(0);
      this.twList.push([[0, Number.POSITIVE_INFINITY]]);
    }
    this.startLoad.push(this.zero());
    this.dLoad.push(this.zero());
    this.breakMaxLoad.push(new Array(this.D).fill(Number.POSITIVE_INFINITY));
    this.req.push(-1);
    this.partner.push(-1);
    this.maxRide.push(Number.POSITIVE_INFINITY);
    this.exclusive.push(0);
    this.onboardDep.push(Number.NaN);
    this.breakVehicle.push(-1);
    return n;
  }

  /** Time windows as flat pairs with per-node offsets (node n: pairs twOff[n] .. twOff[n+1]-1). */
  flatWindows(): { twOff: Int32Array; tw: Float64Array } {
    const N = this.kind.length;
    const twOff = new Int32Array(N + 1);
    let tot = 0;
    for (let i = 0; i < N; i++) {
      twOff[i] = tot;
      tot += this.twList[i]!.length;
    }
    twOff[N] = tot;
    const tw = new Float64Array(tot * 2);
    for (let i = 0; i < N; i++) {
      const l = this.twList[i]!;
      for (let k = 0; k < l.length; k++) {
        tw[(twOff[i]! + k) * 2] = l[k]![0];
        tw[(twOff[i]! + k) * 2 + 1] = l[k]![1];
      }
    }
    return { twOff, tw };
  }

  /** Per-node amounts as one array of N x D. */
  flat(a: number[][]): Float64Array {
    const D = this.D;
    const o = new Float64Array(a.length * D);
    for (let i = 0; i < a.length; i++) for (let d = 0; d < D; d++) o[i * D + d] = a[i]![d] ?? 0;
    return o;
  }
}
