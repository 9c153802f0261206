/**
 * SISR ruin (Christiaens & Vanden Berghe 2020): from a seed request, remove strings (or split strings)
 * from up to ks routes around it, visiting the seed's nearest requests. Locked heads and breaks stay.
 * Legend: ks routes to ruin, lt string length, mm kept length in a split string, lsMax the longest
 * string, pos the seed's position.
 */
import { type Rng, randInt } from '../rng';
import type { SearchParams } from './params';
import type { SolutionState } from './solution-state';

export function ruin(state: SolutionState, rng: Rng, params: SearchParams, neighbours: Int32Array[]): void {
  const m = state.m;
  const { cBar, lMax } = params;
  let used = 0;
  let tot = 0;
  for (const rt of state.routes)
    if (rt.nTasks > 0) {
      used++;
      tot += rt.nTasks;
    }
  if (used === 0) return;
  const lsMax = Math.min(lMax, tot / used);
  const ksMax = (4 * cBar) / (1 + lsMax) - 1;
  const ks = Math.floor(rng() * ksMax) + 1;
  const seed = pickSeed(state, rng);
  if (seed < 0) return;
  const ruined = new Set<number>();
  const nb = neighbours[seed]!;
  for (let k = -1; k < nb.length && ruined.size < ks; k++) {
    const c = k < 0 ? seed : nb[k]!;
    const v = state.reqRoute[c]!;
    if (v < 0 || ruined.has(v)) continue;
    ruined.add(v);
    const rt = state.routes[v]!;
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
        if (!state.isLockedNode(rt, q)) toRemove.push(seq[q]!);
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
        if (!state.isLockedNode(rt, q)) toRemove.push(seq[q]!);
      }
    }
    for (const x of toRemove) {
      const r = m.req[x]!;
      if (state.isRemovable(r)) state.removeReq(r);
    }
  }
  for (const v of state.touched) state.routes[v]!.refresh();
}

/** The seed: an unassigned request (if any, half of the time) or a random assigned one; -1 if none. */
function pickSeed(state: SolutionState, rng: Rng): number {
  const m = state.m;
  let seed = -1;
  if (state.nUnassigned > 0 && rng() < 0.5) {
    const un: number[] = [];
    for (let r = 0; r < m.R; r++) if (state.reqRoute[r]! < 0) un.push(r);
    seed = un[randInt(rng, un.length)]!;
  } else {
    for (let t = 0; t < 20 && seed < 0; t++) {
      const r = randInt(rng, m.R);
      if (state.reqRoute[r]! >= 0) seed = r;
    }
    if (seed < 0) for (let r = 0; r < m.R && seed < 0; r++) if (state.reqRoute[r]! >= 0) seed = r;
  }
  return seed;
}
