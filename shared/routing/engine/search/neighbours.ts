/**
 * For each request, its nearest requests (by the shortest duration between any of their ends, first
 * profile), at most 120: the ruin step removes strings around a seed and its neighbours. Also the
 * cost of a round trip from the first vehicle's start, used to order the recreate step.
 */
import type { Model } from '../model';

const INF = Number.POSITIVE_INFINITY;

export function nearestRequests(m: Model): { neighbours: Int32Array[]; roundTrip: Float64Array } {
  const R = m.R;
  const L = m.L;
  const du = m.dur[0]!;
  const K = Math.min(R - 1, 120);
  const idx = new Int32Array(R);
  const dd = new Float64Array(R);
  const neighbours: Int32Array[] = [];
  const roundTrip = new Float64Array(R);
  const v0 = m.V > 0 ? m.vStart[0]! : m.dummy;
  for (let r = 0; r < R; r++) {
    const a0 = m.loc[m.rNode0[r]!]!;
    const a1 = m.rNode1[r]! >= 0 ? m.loc[m.rNode1[r]!]! : a0;
    roundTrip[r] = du[v0 * L + a0]! + du[a0 * L + v0]!;
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
    neighbours.push(Int32Array.from(arr.slice(0, K)));
  }
  return { neighbours, roundTrip };
}
