/**
 * insertTask: one new request into an existing solution, keeping the other routes' order; if it does
 * not fit directly, one other request may be moved (one ejection, nearest requests first).
 */
import type { SolveOptions, VroomProblem, VroomSolution } from '../vroom-format';
import { compile } from './compile/index';
import { RoutingInputError } from './errors';
import { KIND_BREAK } from './kinds';
import type { Model } from './model';
import { checkOptions } from './options';
import { buildSolution } from './output/build-solution';
import { Search } from './search/search';

/**
 * Inserts one new request (a job id, or a shipment by its pickup id) into an existing solution,
 * keeping the other routes' order; if it does not fit directly, one other request may be moved.
 */
export function insertTask(
  problem: VroomProblem,
  current: VroomSolution,
  task: { type: 'job' | 'shipment'; id: number },
  options: SolveOptions,
): VroomSolution {
  checkOptions(options);
  const t0 = options.now();
  const m = compile(problem);
  const node = task.type === 'job' ? m.jobNode.get(task.id) : m.pickupNode.get(task.id);
  if (node === undefined) throw new RoutingInputError(`insertTask: unknown ${task.type} ${task.id}`);
  const search = new Search(m, options);
  search.loadSeqs(currentSequences(m, current));
  if (node >= 0) {
    const r = m.req[node]!;
    if (search.reqRoute[r]! < 0 && !search.insertReq(r, true))
      insertWithOneEjection(m, search, r, options, t0);
  }
  return buildSolution(
    m,
    search.routes.map((rt) => rt.seq),
    { iterations: 0, seed: options.seed ?? 1, progress: [] },
    options.now() - t0,
  );
}

/**
 * The current solution's routes as node sequences per vehicle: locked head first, then the steps as
 * given (unknown, done, incompatible or repeated ones dropped), then breaks not placed, and without
 * half shipments.
 */
function currentSequences(m: Model, current: VroomSolution): number[][] {
  const vIndex = new Map<number, number>();
  m.vExtId.forEach((id, i) => {
    vIndex.set(id, i);
  });
  const seqs: number[][] = [];
  for (let v = 0; v < m.V; v++) {
    const base = m.vLocked[v]!.slice();
    for (const b of m.vBreaks[v]!) if (!base.includes(b)) base.push(b);
    seqs.push(base);
  }
  const placed = new Set<number>();
  for (const route of current?.routes ?? []) {
    const v = vIndex.get(route.vehicle);
    if (v === undefined) continue;
    const seq = m.vLocked[v]!.slice();
    for (const n of seq) placed.add(n);
    const breaks = new Set(m.vBreaks[v]!);
    for (const st of route.steps) {
      if (st.done || st.id === undefined) continue;
      let n: number | undefined;
      if (st.type === 'job') n = m.jobNode.get(st.id);
      else if (st.type === 'pickup') n = m.pickupNode.get(st.id);
      else if (st.type === 'delivery') n = m.deliveryNode.get(st.id);
      else if (st.type === 'break') n = m.vBreaks[v]!.find((b) => m.extId[b] === st.id);
      if (n === undefined || n < 0 || placed.has(n)) continue;
      if (m.kind[n] !== KIND_BREAK && !m.rCompat[m.req[n]! * m.V + v]) continue;
      placed.add(n);
      seq.push(n);
      breaks.delete(n);
    }
    for (const b of breaks) if (!placed.has(b)) seq.push(b);
    // drop half shipments
    seqs[v] = seq.filter((n) => {
      const p = m.partner[n]!;
      return p < 0 || seq.includes(p);
    });
  }
  return seqs;
}

/** Moves one other request elsewhere to make room for r: the best of those tried within the budget. */
function insertWithOneEjection(m: Model, search: Search, r: number, options: SolveOptions, t0: number): void {
  const budget = Math.min(60, Math.max(5, options.timeLimitMs));
  const cands: Array<[number, number, number]> = [];
  const du = m.dur[0]!;
  const lr = m.loc[m.rNode0[r]!]!;
  for (let v = 0; v < m.V; v++) {
    if (!m.rCompat[r * m.V + v]) continue;
    const rt = search.routes[v]!;
    for (let k = rt.locked; k < rt.seq.length; k++) {
      const x = rt.seq[k]!;
      if (m.kind[x] === KIND_BREAK || m.rNode0[m.req[x]!] !== x) continue;
      cands.push([du[lr * m.L + m.loc[x]!]!, m.req[x]!, v]);
    }
  }
  cands.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let best: [number, number, number] | null = null;
  for (const [, q, v] of cands) {
    if (options.now() - t0 > budget) break;
    const d = search.tryEjection(r, q, v);
    if (d < (best?.[0] ?? Number.POSITIVE_INFINITY)) best = [d, q, v];
  }
  if (best) search.applyEjection(r, best[1], best[2]);
}
