/**
 * npm run bench:planning [-- --sizes 300,1000 --seconds 30 --seed 1 --workers 1 --no-docs]
 *
 * The whole planning path on one machine: DynamoDB Local (in memory), a generated day of a hromada
 * (scripts/lib/planning-day-generator.ts: the four services, real settlements of the demo data)
 * written through the use cases, then the day planned THROUGH THE JOB as the local platform runs
 * it: startPlanJob hands it to the background runner, whose handler is runPlanJob with the engine
 * in worker threads; this script polls the job as the console does. It records the time to the
 * first plan (the job's first progress: the engine's first complete solution, every constraint
 * kept, some requests possibly left out), the cost after 5, 10 and 30 s (the job's progress
 * samples: the latest written at or before that engine time), the requests left out of the saved
 * plan, and the independent checker's verdict on the solution the saved plan was built from
 * (the same stops, vehicle by vehicle). One line per size, `planning requests=N …`, the last size last.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InProcessRouteSolver } from '../shared/adapters/routing/in-process-route-solver';
import type { VroomProblem } from '../shared/routing/vroom-format';
import { machineLine, r, writeDocSection } from './lib/bench';
import { infra } from './lib/bench-planning-infra';
import { type PlanningRun, runPlanningSize } from './lib/bench-planning-run';
import { bestOfK, type SeedResult, solveSeeds } from './lib/best-of-seeds';
import type { RealSettlement } from './lib/planning-day-generator';

const SIZES: Record<number, { vehicles: number; settlements: number }> = {
  300: { vehicles: 12, settlements: 40 },
  1000: { vehicles: 40, settlements: 120 },
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '300,1000' },
    seconds: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '1' },
    /** After the job: the day's problem solved with this many seeds one after another (the model of k workers). */
    'model-seeds': { type: 'string', default: '0' },
    'no-docs': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
for (const n of sizes) if (!SIZES[n]) throw new Error(`--sizes: ${n} is not one of ${Object.keys(SIZES)}`);
const seconds = Number(values.seconds);
const seed = Number(values.seed);
const workers = Number(values.workers);
const real = (
  JSON.parse(
    readFileSync(new URL('../infra/local/demo-data/khmilnytska-hromada.json', import.meta.url), 'utf8'),
  ) as { settlements: RealSettlement[] }
).settlements;

const platform = await infra({ workers });
const runs: PlanningRun[] = [];
const models: Array<{ requests: number; results: SeedResult[]; best: SeedResult[] }> = [];
try {
  for (const n of sizes) {
    const run = await runPlanningSize(platform.ports, real, {
      requests: n,
      ...SIZES[n]!,
      seed,
      seconds,
      recorder: platform.recorder,
      say: (line) => console.log(line),
    });
    runs.push(run);
    const k = Number(values['model-seeds']);
    if (k > 0 && platform.recorder.last)
      models.push({ requests: n, ...(await modelSeeds(platform.recorder.last.problem, k)) });
  }
} finally {
  await platform.stop();
}
if (!values['no-docs']) {
  writeDocSection(`bench:planning seconds=${seconds} workers=${workers}`, docSection(runs));
  if (models.length > 0) writeDocSection(`bench:planning best-of-seeds seconds=${seconds}`, modelSection());
}
for (const run of runs) console.log(run.line);
process.exit(runs.every((x) => x.checker === 'ok') ? 0 : 1);

function docSection(list: PlanningRun[]): string {
  const row = (x: PlanningRun) =>
    `| ${x.requests} | ${x.vehicles} | ${x.settlements} (${x.generatedSettlements} generated) | ${x.booked}/${x.refused} | ${r(x.seedS, 1)} | ${r(x.firstFeasibleS, 2)} (${r(x.firstSeenWallS, 1)}) | ${fmt(x.costAt[5])} | ${fmt(x.costAt[10])} | ${fmt(x.costAt[30])} | ${fmt(x.finalCost)} | ${x.unassigned} | ${x.checker} |`;
  return `## Planning a generated day through the job — \`npm run bench:planning\`

Command: \`npm run bench:planning -- --seconds ${seconds} --workers ${workers}\` (seed ${seed}). ${machineLine()}

A generated day (scripts/lib/planning-day-generator.ts, seeded): 43 % social taxi (appointments in
town 08:30–15:00, a fifth in wheelchairs, some with an escort, 60 % with a fixed return booked with
the ride), 46 % deliveries (village rounds, 15 % cold), 6 % brigade visits (half confidential, some
others exclusive), 5 % mobile-case home visits after the day's case stops (two per case van, which
are planned as visits too); the fleet: half taxis (two in five with a ramp), a sixth brigade cars,
a quarter delivery vans (a third with a cold box), a twelfth case vans, 07:00–19:00; a ±30 min window. Settlements: the
demo data's 39 with coordinates (Хмільницька громада; 3 of its 42 have none), the rest generated
2–8 km from a real one. Written through the use cases into DynamoDB Local, then planned through
the job (startPlanJob → background runner → runPlanJob, the engine in a worker thread), polled
every 200 ms. *first plan*: the engine time of the job's first progress (the first complete
solution; in brackets the wall time from the POST to the poll that saw it, matrices included);
*cost at T*: the job's latest progress sample at or before T s of engine time; *left out*: the
saved plan's unassigned requests; *checker*: the independent checker on the solution the saved plan
was built from (and the plan's stops equal to it).

| requests | vehicles | settlements | booked/refused | seeding, s | first plan, s | cost 5 s | cost 10 s | cost 30 s | final cost | left out | checker |
|---|---|---|---|---|---|---|---|---|---|---|---|
${list.map(row).join('\n')}

${list.map((x) => `\`${x.line}\``).join('\n')}
`;
}

/** The day's problem as the job gave it to the engine, solved with k seeds in turn on one core. */
async function modelSeeds(problem: VroomProblem, k: number) {
  const results = await solveSeeds(new InProcessRouteSolver(), problem, seconds, k);
  const best = bestOfK(results);
  for (const [i, x] of results.entries())
    console.log(
      `# seed ${x.seed}: left_out=${x.leftOut} travel=${Math.round(x.cost % 1e9)} checker=${x.feasible ? 'ok' : 'fail'}; best of ${i + 1}: left_out=${best[i]!.leftOut} travel=${Math.round(best[i]!.cost % 1e9)}`,
    );
  return { results, best };
}

function modelSection(): string {
  const rows = models.map(
    (m) =>
      `| ${m.requests} | ${m.results.map((x) => `${x.leftOut} / ${Math.round(x.cost % 1e9)}`).join(' | ')} | ${m.best.map((x) => x.leftOut).join(' → ')} |`,
  );
  const k = models[0]!.results.length;
  return `### The planning day with k workers, modelled — \`npm run bench:planning -- --sizes ${sizes.join(',')} --seconds ${seconds} --model-seeds ${k}\`

${machineLine()}. After the job, the day's problem (as the job gave it to the engine) solved
with ParallelRouteSolver's seeds one after another, ${seconds} s each on one core, every solution checked.
Each cell: requests left out / travel cost (the cost without the 10⁹ per request left out). Last
column: the fewest left out of the best of 1, 2, … k seeds — what k workers on k vCPUs return.

| requests | ${Array.from({ length: k }, (_, i) => `seed ${i + 1}`).join(' | ')} | best of 1 → ${k} |
|---|${'---|'.repeat(k + 1)}
${rows.join('\n')}
`;
}

function fmt(x: number | undefined): string {
  return x === undefined ? 'n/a' : String(Math.round(x));
}
