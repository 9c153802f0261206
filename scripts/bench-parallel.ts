/**
 * npm run bench:parallel [-- --set solomon|lilim --only R101,RC101 --seconds 3 --seeds 6 --no-docs]
 *
 * What each extra vCPU buys the planner: every instance solved (same budget each time) by the
 * parallel route solver with 1 worker and with 2 workers (worker threads, as the plan function
 * runs them: here on this machine's cores), then by k seeds one after another on one core, the
 * best of the first k kept (the model of k workers on k vCPUs: scripts/lib/best-of-seeds.ts).
 * Every solution is checked by the independent checker. Costs are the checker's recomputed ones.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InProcessRouteSolver } from '../shared/adapters/routing/in-process-route-solver';
import { ParallelRouteSolver } from '../shared/adapters/routing/parallel-route-solver';
import { checkSolution } from '../shared/routing/checker/index';
import { type BenchmarkObjective, readInstance } from '../shared/routing/formats/index';
import { benchmarksRoot, machineLine, mean, r, writeDocSection } from './lib/bench';
import { bestOfK, pickCheck, type SeedResult, solveSeeds } from './lib/best-of-seeds';

const SETS = {
  solomon: { dir: 'solomon', format: 'solomon' as const, objective: 'distance' as BenchmarkObjective },
  lilim: {
    dir: 'lilim_100',
    format: 'lilim' as const,
    objective: 'vehicles-then-distance' as BenchmarkObjective,
  },
};
const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'solomon' },
    only: { type: 'string', default: 'R101,RC101,R201,RC201' },
    seconds: { type: 'string', default: '3' },
    seeds: { type: 'string', default: '6' },
    'no-docs': { type: 'boolean', default: false },
  },
});
const set = SETS[values.set as keyof typeof SETS];
if (!set) throw new Error('--set solomon|lilim');
const seconds = Number(values.seconds);
const seeds = Number(values.seeds);
const names = values.only.split(',').map((s) => s.trim());

interface Row {
  name: string;
  w1: SeedResult;
  w2: SeedResult;
  model: SeedResult[];
}
const rows: Row[] = [];
const one = new ParallelRouteSolver(1);
const two = new ParallelRouteSolver(2);
const inProcess = new InProcessRouteSolver();
console.log(`# set=${values.set} seconds=${seconds} seeds=${seeds}`);
for (const name of names) {
  const file = path.join(
    benchmarksRoot,
    set.dir,
    `${values.set === 'lilim' ? name.toLowerCase() : name}.txt`,
  );
  const problem = readInstance(readFileSync(file, 'utf8'), set.format, { objective: set.objective });
  const run = async (solver: ParallelRouteSolver): Promise<SeedResult> => {
    const s = await solver.solve(problem, { timeLimitMs: seconds * 1000, seed: 1 });
    return { seed: 1, ...pickCheck(checkSolution(problem, s), s) };
  };
  const w1 = await run(one);
  const w2 = await run(two);
  const model = bestOfK(await solveSeeds(inProcess, problem, seconds, seeds));
  rows.push({ name, w1, w2, model });
  console.log(
    `${name.padEnd(8)} w1 ${show(w1)}  w2 ${show(w2)}  best-of-k ${model.map((m) => r(m.distance, 1)).join(' ')}`,
  );
}
await one.close();
await two.close();

/** Relative to one worker, %: negative is better. */
const gain = (x: SeedResult, base: SeedResult) => 100 * (x.distance / base.distance - 1);
const summary = `parallel set=${values.set} instances=${rows.length} seconds=${seconds} w2_vs_w1_pct=${r(mean(rows.map((x) => gain(x.w2, x.w1))), 2)} ${rows[0]!.model.map((_, k) => `best_of_${k + 1}_vs_1_pct=${r(mean(rows.map((x) => gain(x.model[k]!, x.model[0]!))), 2)}`).join(' ')} infeasible=${rows.flatMap((x) => [x.w1, x.w2, ...x.model]).filter((x) => !x.feasible || x.unassigned > 0).length}`;
if (!values['no-docs']) writeDocSection(`bench:parallel set=${values.set} seconds=${seconds}`, docSection());
console.log(summary);

function show(x: SeedResult): string {
  return `${r(x.distance, 1)}/${x.routes}${x.feasible && x.unassigned === 0 ? '' : ' INFEASIBLE'}`;
}

function docSection(): string {
  const head = `| instance | 1 worker | 2 workers (here) | ${rows[0]!.model.map((_, k) => `best of ${k + 1}`).join(' | ')} |`;
  const sep = `|${'---|'.repeat(3 + rows[0]!.model.length)}`;
  const body = rows
    .map((x) => `| ${x.name} | ${show(x.w1)} | ${show(x.w2)} | ${x.model.map((m) => show(m)).join(' | ')} |`)
    .join('\n');
  return `### What each vCPU buys on ${values.set} — \`npm run bench:parallel -- --set ${values.set} --only ${values.only} --seconds ${seconds} --seeds ${seeds}\`

${machineLine()}. Distance/vehicles by the checker; every budget ${seconds} s. *1 worker*, *2 workers*: ParallelRouteSolver in worker threads on this machine.
*best of k*: k seeds (ParallelRouteSolver's seeds 1, 7920, …) solved one after another on one core and the best kept: the model of k workers on k free vCPUs.

${head}
${sep}
${body}

\`${summary}\`
`;
}
