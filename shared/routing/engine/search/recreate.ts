/**
 * Recreate: insert every unassigned request at its cheapest place (with blinks), in one of four
 * orders drawn at random (random, largest demand first, farthest first, closest first); mandatory
 * requests first, and in the fleet stage the longest-absent first. Opens no route beyond routeLimit.
 */
import { applyInsertion } from '../insertion';
import type { Rng } from '../rng';
import type { SolutionState } from './solution-state';

const INF = Number.POSITIVE_INFINITY;

export interface RecreateContext {
  rng: Rng;
  blink: number;
  /** Scratch: sort key per request. */
  key: Float64Array;
  /** Round trip from the first vehicle's start, per request (farthest / closest orders). */
  roundTrip: Float64Array;
  /** Fleet stage: iterations each request has been left out (null in the cost stage). */
  absence: Int32Array | null;
  /** Maximum number of used routes (fleet objective), else Infinity. */
  routeLimit: number;
}

export function recreate(state: SolutionState, ctx: RecreateContext): void {
  const m = state.m;
  const { rng, key } = ctx;
  const list: number[] = [];
  for (let r = 0; r < m.R; r++) if (state.reqRoute[r]! < 0) list.push(r);
  const x = rng() * 11;
  if (x < 4) {
    for (const r of list) key[r] = rng();
  } else if (x < 8) {
    for (const r of list) {
      let s = 0;
      const n = m.rNode0[r]!;
      for (let d = 0; d < m.D; d++) s += m.startLoad[n * m.D + d]! + Math.abs(m.dLoad[n * m.D + d]!);
      key[r] = -s - rng() * 1e-6;
    }
  } else if (x < 10) {
    for (const r of list) key[r] = -ctx.roundTrip[r]!;
  } else {
    for (const r of list) key[r] = ctx.roundTrip[r]!;
  }
  const absence = ctx.absence;
  if (absence) for (const r of list) key[r] = key[r]! - absence[r]! * 1e6;
  // mandatory first
  for (const r of list) if (m.rMandatory[r]) key[r] = key[r]! - 1e12;
  list.sort((a, b) => key[a]! - key[b]! || a - b);
  const ins = state.ins;
  ins.blink = ctx.blink;
  ins.rng = rng;
  let used = ctx.routeLimit < INF ? state.usedRoutes() : 0;
  for (const r of list) {
    const res = ins.find(state.routes, r, used < ctx.routeLimit);
    if (res.route < 0) continue;
    if (!m.rMandatory[r] && res.delta >= m.rPenalty[r]!) continue;
    const rt = state.routes[res.route]!;
    if (rt.nTasks === 0) used++;
    state.touch(res.route);
    applyInsertion(rt, m.rNode0[r]!, m.rNode1[r]!, res.i, res.j);
    rt.refresh();
    state.reqRoute[r] = res.route;
    state.penaltySum -= m.rPenalty[r]!;
    state.nUnassigned--;
  }
  ins.blink = 0;
}
