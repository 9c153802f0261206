/**
 * Routing engine entry points. Pure TypeScript: no I/O, no clock (options.now), seeded randomness.
 */
import type { SolveOptions, VroomProblem, VroomSolution } from '../vroom-format';
import { RoutingInputError } from './errors';
import { compile, KIND_BREAK, type Model } from './model';
import { buildSolution } from './output';
import { Search } from './search';

export { RoutingInputError } from './errors';

function checkOptions(options: SolveOptions): void {
  if (!options || typeof options.now !== 'function') throw new RoutingInputError('options.now is required');
  const t = options.timeLimitMs;
  if (typeof t !== 'number' || Number.isNaN(t) || t < 0)
    throw new RoutingInputError('options.timeLimitMs must be a non-negative number');
  const it = options.maxIterations;
  if (it !== undefined && (typeof it !== 'number' || Number.isNaN(it) || it < 0))
    throw new RoutingInputError('options.maxIterations must be a non-negative number');
}

function prepare(problem: VroomProblem, options: SolveOptions): { m: Model; search: Search } {
  checkOptions(options);
  const m = compile(problem);
  const search = new Search(m, options);
  search.start();
  return { m, search };
}

function finish(m: Model, search: Search, options: SolveOptions, t0: number): VroomSolution {
  search.report();
  return buildSolution(
    m,
    search.result(),
    { iterations: search.iterations, seed: options.seed ?? 1, progress: search.progress },
    options.now() - t0,
  );
}

/** Solves synchronously within options.timeLimitMs / maxIterations. */
export function solve(problem: VroomProblem, options: SolveOptions): VroomSolution {
  const t0 = options?.now?.() ?? 0;
  const { m, search } = prepare(problem, options);
  search.run();
  return finish(m, search, options, t0);
}

/** Same as solve, but yields to the event loop every ~25 ms (abort signals and timers work). */
export async function solveAsync(problem: VroomProblem, options: SolveOptions): Promise<VroomSolution> {
  const t0 = options?.now?.() ?? 0;
  const { m, search } = prepare(problem, options);
  while (!search.run(25)) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return finish(m, search, options, t0);
}

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
  // rebuild sequences from the current solution
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
    const ok = seq.filter((n) => {
      const p = m.partner[n]!;
      return p < 0 || seq.includes(p);
    });
    seqs[v] = ok;
  }
  search.loadSeqs(seqs);
  if (node >= 0) {
    const r = m.req[node]!;
    if (search.reqRoute[r]! < 0 && !search.insertReq(r, true)) {
      // one ejection: move one other request elsewhere to make room (nearest requests first)
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
  }
  return buildSolution(
    m,
    search.routes.map((rt) => rt.seq),
    { iterations: 0, seed: options.seed ?? 1, progress: [] },
    options.now() - t0,
  );
}
