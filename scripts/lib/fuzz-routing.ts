/**
 * Random small problems using every contract feature, solved by the engine and verified by the
 * independent checker; also inserts one extra task with insertTask and verifies that result.
 *
 *   npx tsx scripts/lib/fuzz-routing.ts [--seed S] [--count N] [--features all|tw,setup,...] [--out DIR]
 *
 * Features: tw setup skills vehicle costs openend max_tasks max_travel_time max_distance max_duration
 * breaks ride exclusive done locked costsmatrix insert. Prints violation counts by kind with one
 * example each, counts the problems whose answer declares broken limits to deliver a passenger already
 * on board (see `done_steps` in vroom-format.ts), and writes each failing problem as DIR/fuzz-<seed>.json (re-run it with
 * `npm run solve -- FILE`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSolution, violationKind } from '../../shared/routing/checker/index';
import type { VroomJob, VroomProblem, VroomShipment, VroomVehicle } from '../../shared/routing/vroom-format';
import { rng } from './bench';
import { loadEngine, nowMs } from './engine';

export function randomProblem(seed: number, has: (feature: string) => boolean): VroomProblem {
  const R = rng(seed);
  const ri = (a: number, b: number) => a + Math.floor(R() * (b - a + 1));
  const nLoc = ri(8, 30);
  const pts = Array.from({ length: nLoc }, () => [R() * 100, R() * 100] as const);
  const durations = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]) * 10)));
  const distances = durations.map((row) => row.map((x) => x * 7));
  const nVeh = ri(1, 4);
  const vehicles: VroomVehicle[] = [];
  for (let v = 0; v < nVeh; v++) {
    const veh: VroomVehicle = {
      id: v + 1,
      start_index: ri(0, nLoc - 1),
      capacity: [ri(2, 6), ri(3, 10)],
      time_window: [0, ri(2000, 6000)],
    };
    if (!has('openend') || R() < 0.7) veh.end_index = ri(0, nLoc - 1);
    if (has('skills') && R() < 0.5) veh.skills = [1];
    if (has('costs') && R() < 0.5)
      veh.costs = { fixed: ri(0, 500), per_hour: ri(1000, 7200), per_km: ri(0, 100) };
    if (has('max_tasks') && R() < 0.3) veh.max_tasks = ri(2, 6);
    if (has('max_travel_time') && R() < 0.3) veh.max_travel_time = ri(500, 2000);
    if (has('max_distance') && R() < 0.3) veh.max_distance = ri(3000, 15000);
    if (has('max_duration') && R() < 0.3) veh.max_duration = ri(800, 3000);
    if (has('breaks') && R() < 0.4) {
      veh.breaks = [
        {
          id: 1,
          service: ri(30, 120),
          time_windows: [[ri(200, 800), ri(1000, 2000)]],
          ...(R() < 0.3 ? { max_load: [ri(0, 2), 10] } : {}),
        },
      ];
    }
    vehicles.push(veh);
  }
  const jobs: VroomJob[] = [];
  const nJobs = ri(0, 10);
  for (let j = 0; j < nJobs; j++) {
    const a = ri(0, 2500);
    const job: VroomJob = {
      id: j + 1,
      location_index: ri(0, nLoc - 1),
      service: ri(0, 60),
      delivery: [0, ri(0, 2)],
      pickup: [0, R() < 0.3 ? 1 : 0],
    };
    if (has('tw') && R() < 0.6) {
      job.time_windows =
        R() < 0.3
          ? [
              [a, a + 200],
              [a + 600, a + 900],
            ]
          : [[a, a + ri(100, 1000)]];
    }
    if (has('setup') && R() < 0.4) job.setup = ri(5, 50);
    if (has('skills') && R() < 0.2) job.skills = [1];
    if (has('vehicle') && R() < 0.15) job.vehicle = ri(1, nVeh);
    jobs.push(job);
  }
  const shipments: VroomShipment[] = [];
  const nShip = ri(0, 8);
  for (let s = 0; s < nShip; s++) {
    const a = ri(0, 2500);
    const sh: VroomShipment = {
      amount: [ri(1, 2), 0],
      pickup: { id: 100 + s, location_index: ri(0, nLoc - 1), service: ri(0, 60) },
      delivery: { id: 200 + s, location_index: ri(0, nLoc - 1), service: ri(0, 60) },
    };
    if (has('tw') && R() < 0.5) sh.pickup.time_windows = [[a, a + ri(100, 600)]];
    if (has('tw') && R() < 0.3) sh.delivery.time_windows = [[a + 300, a + ri(600, 1500)]];
    if (has('setup') && R() < 0.3) sh.pickup.setup = ri(5, 50);
    if (has('ride') && R() < 0.5) sh.max_ride_time = ri(400, 1500);
    if (has('exclusive') && R() < 0.2) sh.exclusive = true;
    if (has('skills') && R() < 0.2) sh.skills = [1];
    if (has('vehicle') && R() < 0.15) sh.vehicle = ri(1, nVeh);
    shipments.push(sh);
  }
  if (has('done') && shipments.length > 0 && R() < 0.4) {
    // vehicle 1 already picked up the first shipment's passenger (on board, delivery pending)
    const sh = shipments[0]!;
    delete sh.pickup.time_windows;
    delete sh.vehicle;
    delete sh.skills;
    delete sh.exclusive;
    sh.max_ride_time = 5000;
    vehicles[0]!.done_steps = [{ type: 'pickup', id: sh.pickup.id, departure: 0 }];
  }
  if (has('locked') && jobs.length > 1 && R() < 0.3) {
    const j = jobs[jobs.length - 1]!;
    delete j.time_windows;
    delete j.skills;
    delete j.vehicle;
    const v = vehicles[vehicles.length - 1]!;
    v.locked_steps = [{ type: 'job', id: j.id }];
    delete v.max_tasks;
    delete v.max_travel_time;
    delete v.max_distance;
    delete v.max_duration;
  }
  const problem: VroomProblem = { vehicles, jobs, shipments, matrices: { car: { durations, distances } } };
  if (has('costsmatrix') && R() < 0.2)
    problem.matrices.car!.costs = durations.map((row) => row.map((x) => x * 2 + 1));
  return problem;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '100' },
      features: { type: 'string', default: 'all' },
      out: { type: 'string', default: '/tmp/routing-fuzz' },
    },
  });
  const features = values.features.split(',');
  const has = (f: string) => features.includes('all') || features.includes(f);
  const engine = await loadEngine();
  const counts = new Map<string, number>();
  const examples = new Map<string, string>();
  let failing = 0;
  let waivedProblems = 0;
  const count = Number(values.count);
  mkdirSync(values.out, { recursive: true });
  for (let it = 0; it < count; it++) {
    const seed = Number(values.seed) * 100000 + it;
    const problem = randomProblem(seed, has);
    const found: string[] = [];
    const opts = { timeLimitMs: 200, now: nowMs, seed: 1, maxIterations: 300 };
    try {
      const sol = engine.solve(structuredClone(problem), opts);
      const check = checkSolution(problem, sol);
      found.push(...check.violations.map((v) => `solve: ${v}`));
      if (check.waived > 0) waivedProblems++;
      if (has('insert')) {
        const extended = structuredClone(problem);
        const id = 900;
        extended.jobs!.push({ id, location_index: 0, service: 10, delivery: [0, 1] });
        const current = structuredClone(sol);
        current.unassigned.push({ type: 'job', id });
        current.summary.unassigned += 1;
        const ins = engine.insertTask(extended, current, { type: 'job', id }, opts);
        found.push(...checkSolution(extended, ins).violations.map((v) => `insert: ${v}`));
      }
    } catch (err) {
      found.push(`[throw] ${(err as Error).name}: ${(err as Error).message}`);
    }
    if (found.length > 0) {
      failing++;
      writeFileSync(path.join(values.out, `fuzz-${seed}.json`), JSON.stringify(problem));
    }
    for (const v of found) {
      const k = `${v.startsWith('insert') ? 'insert:' : ''}${violationKind(v.replace(/^(solve|insert): /, ''))}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (!examples.has(k)) examples.set(k, `seed ${seed}: ${v}`);
    }
  }
  console.log(
    `fuzz count=${count} features=${features.join(',')} failing=${failing} ` +
      `declared_violations=${waivedProblems} (problems in ${values.out})`,
  );
  for (const [k, n] of [...counts].sort())
    console.log(`${k.padEnd(24)} ${String(n).padStart(5)}  ${examples.get(k)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error((err as Error).stack ?? String(err));
    process.exitCode = 1;
  });
}
