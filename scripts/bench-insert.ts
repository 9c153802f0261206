/**
 * npm run bench:insert -- [--seconds N] [--requests R] [--insert-ms M] [--seed S] [--now HH:MM] [--dump DIR] [--no-docs]
 *
 * A realistic 300-stop day in Khmilnytska hromada (infra/local/demo-data/khmilnytska-hromada.json):
 * 130 social-taxi rides (shipments: home <-> clinic/administrative services in Khmilnyk, 30-min windows,
 * max ride time, 10 % wheelchair rides needing skill 1) + 40 parcel deliveries (jobs), 14 vehicles
 * with [seats 4, parcels 10], shift 07:00-19:00, one 30-min break in 11:30-14:00. Locations are
 * settlements (population-weighted) with ~1 km jitter; road distance = 1.3 x great-circle, travel time
 * = distance at 50 km/h (metres, seconds, integers).
 *
 * Solves the day once (--seconds), then for each of R new requests (80 % rides, 20 % parcels) calls
 * insertTask on the *same* base solution, times it, and checks the result with the independent checker.
 * Then the same day under way at --now (default 11:00): stops served by then become done_steps
 * (passengers on board), the next stop of each route is locked, shifts start when the vehicle is free;
 * re-solved (seconds/4) and R more requests are inserted the same way.
 * Prints median/p95/p99/max ms and writes its section of docs/benchmarks.md.
 * For a shipment, insertTask gets `{ type: 'shipment', id: <pickup id> }`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSolution } from '../shared/routing/checker/index';
import type {
  DoneStep,
  StepRef,
  VroomJob,
  VroomProblem,
  VroomShipment,
  VroomSolution,
} from '../shared/routing/vroom-format';
import { machineLine, mean, quantile, r, writeDocSection } from './lib/bench';
import { type EngineApi, loadEngine, nowMs } from './lib/engine';
import { Day, H, vehicles } from './lib/insert-day';

interface InsertStats {
  requests: number;
  feasible: number;
  inserted: number;
  errors: number;
  times: number[];
  deltas: number[];
  problems: string[];
}

/** Inserts `requests` new requests one at a time into the same `baseSolution`, timing insertTask. */
function runInserts(
  engine: EngineApi,
  day: Day,
  base: VroomProblem,
  baseSolution: VroomSolution,
  a: { requests: number; insertMs: number; seed: number; earliest: number; idBase: number },
): InsertStats {
  const baseSize = (base.matrices.car as { durations: number[][] }).durations.length;
  const baseCost = checkSolution(base, baseSolution).cost;
  const st: InsertStats = {
    requests: a.requests,
    feasible: 0,
    inserted: 0,
    errors: 0,
    times: [],
    deltas: [],
    problems: [],
  };
  for (let k = 0; k < a.requests; k++) {
    const isRide = day.rand() < 0.8;
    day.points.length = baseSize; // only this request's new locations beyond the base
    const problem: VroomProblem = {
      ...base,
      shipments: [...(base.shipments ?? [])],
      jobs: [...(base.jobs ?? [])],
    };
    const current: VroomSolution = structuredClone(baseSolution);
    let task: { type: 'job' | 'shipment'; id: number };
    if (isRide) {
      const s = day.ride(a.idBase + 2 * k, a.earliest);
      problem.shipments!.push(s);
      current.unassigned.push({ type: 'pickup', id: s.pickup.id }, { type: 'delivery', id: s.delivery.id });
      current.summary.unassigned += 2;
      task = { type: 'shipment', id: s.pickup.id };
    } else {
      const j = day.parcel(a.idBase + 2 * k, a.earliest);
      problem.jobs!.push(j);
      current.unassigned.push({ type: 'job', id: j.id });
      current.summary.unassigned += 1;
      task = { type: 'job', id: j.id };
    }
    problem.matrices = {
      car: day.extend(
        base.matrices.car as { durations: number[][]; distances: number[][] },
        day.points.length,
      ),
    };
    const s0 = nowMs();
    let result: VroomSolution;
    try {
      result = engine.insertTask(problem, current, task, {
        timeLimitMs: a.insertMs,
        now: nowMs,
        seed: a.seed + k,
      });
    } catch (err) {
      st.times.push(nowMs() - s0);
      st.errors++;
      if (st.problems.length < 10)
        st.problems.push(`request ${k} ${task.type} ${task.id}: ${(err as Error).message}`);
      continue;
    }
    st.times.push(nowMs() - s0);
    const check = checkSolution(problem, result);
    if (check.feasible) st.feasible++;
    else if (st.problems.length < 10)
      st.problems.push(`request ${k} ${task.type} ${task.id}: ${check.violations[0]}`);
    const stillOut = result.unassigned.some((u) =>
      task.type === 'job' ? u.type === 'job' && u.id === task.id : u.type === 'pickup' && u.id === task.id,
    );
    if (!stillOut) {
      st.inserted++;
      st.deltas.push(check.cost - baseCost);
    }
  }
  return st;
}

/**
 * The same day seen at `now`: every stop whose service started by then is done (echoed in
 * done_steps with its departure), the vehicle starts from its last stop when it left it (the locked next
 * stop keeps it on the leg it is driving) or, idle, at `now`, and the
 * next planned stop (with a break due before it) is locked (the driver already has it). Passengers picked up and not yet dropped
 * off are on board. Breaks already taken are dropped from the vehicle.
 */
function underWay(base: VroomProblem, solution: VroomSolution, now: number): VroomProblem {
  const problem = structuredClone(base);
  for (const route of solution.routes) {
    const veh = problem.vehicles.find((v) => v.id === route.vehicle)!;
    const done: DoneStep[] = [];
    let lastLoc = veh.start_index;
    /** When the vehicle left its last stop (or its start). */
    let lastDeparture = route.steps.find((st) => st.type === 'start')?.arrival ?? now;
    /** Planned steps up to and including the next task (a break due before it stays in front). */
    const locked: StepRef[] = [];
    let lockedTask = false;
    for (const s of route.steps) {
      if (s.type === 'start' || s.type === 'end' || s.done) continue;
      const serviceStart = s.arrival + s.waiting_time;
      if (serviceStart <= now && locked.length === 0) {
        const departure = s.departure ?? serviceStart + s.setup + s.service;
        if (s.type === 'break') {
          veh.breaks = (veh.breaks ?? []).filter((b) => b.id !== s.id);
        } else {
          done.push({ type: s.type, id: s.id!, departure });
          lastLoc = s.location_index ?? lastLoc;
        }
        lastDeparture = departure;
      } else if (!lockedTask) {
        locked.push({ type: s.type as StepRef['type'], id: s.id! });
        lockedTask = s.type !== 'break';
      }
    }
    if (done.length > 0) {
      veh.done_steps = done;
      veh.start_index = lastLoc;
    }
    if (lockedTask) veh.locked_steps = locked;
    // Driving to (or waiting at) the locked next stop: it left its last stop at lastDeparture, and the
    // lock makes the engine take that same leg, so the state at `now` is reproduced exactly. Holding
    // the vehicle at its last stop until `now` instead would delay passengers already on board.
    // A vehicle with nothing locked is idle: free from `now`.
    const free = lockedTask ? lastDeparture : Math.max(now, lastDeparture);
    veh.time_window = [free, veh.time_window![1]];
  }
  for (const veh of problem.vehicles) {
    if (!solution.routes.some((r) => r.vehicle === veh.id)) veh.time_window = [now, veh.time_window![1]];
  }
  return problem;
}

function statsLine(label: string, st: InsertStats): string {
  return (
    `insert ${label} requests=${st.requests} feasible=${st.feasible} inserted=${st.inserted} errors=${st.errors} ` +
    `median_ms=${r(quantile(st.times, 0.5))} p95_ms=${r(quantile(st.times, 0.95))} p99_ms=${r(quantile(st.times, 0.99))} ` +
    `max_ms=${r(Math.max(...st.times))} mean_ms=${r(mean(st.times))}`
  );
}

function statsRow(label: string, st: InsertStats): string {
  return `| ${label} | ${st.requests} | ${st.feasible} | ${st.inserted} | ${st.errors} | ${r(quantile(st.times, 0.5))} | ${r(
    quantile(st.times, 0.95),
  )} | ${r(quantile(st.times, 0.99))} | ${r(Math.max(...st.times))} | ${r(mean(st.deltas), 0)} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      requests: { type: 'string', default: '200' },
      'insert-ms': { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      now: { type: 'string', default: '11:00' },
      dump: { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
    },
  });
  const seconds = Number(values.seconds);
  const requests = Number(values.requests);
  const insertMs = Number(values['insert-ms']);
  const seed = Number(values.seed);
  const [hh, mm] = values.now.split(':').map(Number) as [number, number];
  const now = hh * H + (mm ?? 0) * 60;

  const day = new Day(seed);
  const shipments: VroomShipment[] = [];
  const jobs: VroomJob[] = [];
  for (let k = 0; k < 130; k++) shipments.push(day.ride(1 + 2 * k));
  for (let k = 0; k < 40; k++) jobs.push(day.parcel(1001 + k));
  const baseSize = day.points.length;
  const base: VroomProblem = {
    vehicles: vehicles(14),
    shipments,
    jobs,
    matrices: { car: day.matrices(baseSize) },
  };
  const stops = shipments.length * 2 + jobs.length;
  const engine = await loadEngine();
  console.log(
    `# bench:insert seed=${seed}: ${stops} stops (${shipments.length} rides, ${jobs.length} parcels), 14 vehicles`,
  );
  const solveChecked = (label: string, problem: VroomProblem, budgetS: number) => {
    const t0 = nowMs();
    const solution = engine.solve(problem, { timeLimitMs: budgetS * 1000, now: nowMs, seed });
    const wall = (nowMs() - t0) / 1000;
    const check = checkSolution(problem, solution);
    const text =
      `${label}: ${r(wall)} s wall (${budgetS} s budget), checker feasible=${check.feasible} (${check.violations.length} violations), ` +
      `unassigned=${check.unassigned}, routes=${check.routes}, travel ${r(check.duration / H)} h, ${r(check.distance / 1000, 1)} km`;
    console.log(text);
    for (const v of check.violations.slice(0, 10)) console.log(`  ${v}`);
    return { solution, check, text };
  };

  // 1. Morning planning: the whole day, then single insertions.
  const plan = solveChecked('base solve', base, seconds);
  const morning = runInserts(engine, day, base, plan.solution, {
    requests,
    insertMs,
    seed,
    earliest: 8 * H,
    idBase: 100001,
  });
  console.log(statsLine('planning', morning));
  for (const v of morning.problems) console.log(`  ${v}`);

  // 2. Under way at `now`: done stops, passengers on board, locked next stops.
  const midProblem = underWay(base, plan.solution, now);
  if (values.dump) {
    mkdirSync(values.dump, { recursive: true });
    writeFileSync(path.join(values.dump, `day-${seed}.json`), JSON.stringify(base));
    writeFileSync(path.join(values.dump, `day-${seed}-underway.json`), JSON.stringify(midProblem));
    writeFileSync(path.join(values.dump, `day-${seed}-plan.json`), JSON.stringify(plan.solution));
    console.log(`wrote ${values.dump}/day-${seed}.json and day-${seed}-underway.json`);
  }
  const onBoard = midProblem.vehicles.reduce(
    (a, v) =>
      a +
      (v.done_steps ?? []).filter(
        (d) =>
          d.type === 'pickup' &&
          !(v.done_steps ?? []).some((e) => e.type === 'delivery' && e.id === d.id + 1),
      ).length,
    0,
  );
  const doneCount = midProblem.vehicles.reduce((a, v) => a + (v.done_steps?.length ?? 0), 0);
  const mid = solveChecked(`re-solve at ${values.now}`, midProblem, Math.max(1, Math.round(seconds / 4)));
  const midday = runInserts(engine, day, midProblem, mid.solution, {
    requests,
    insertMs,
    seed: seed + 1000,
    earliest: now + H,
    idBase: 500001,
  });
  console.log(statsLine(`under-way@${values.now}`, midday));
  for (const v of midday.problems) console.log(`  ${v}`);

  if (!values['no-docs']) {
    const body = [
      `## insertTask latency — ${stops}-stop day, ${requests} requests per scenario, seed ${seed}`,
      '',
      `Machine: ${machineLine()}.`,
      '',
      `Day: Khmilnytska hromada, ${shipments.length} social-taxi rides (shipments, 30-min windows, max ride time` +
        ` max(30 min, 1.5 x direct + 15 min), 10 % wheelchair = skill 1 on 3 of 14 vehicles) + ${jobs.length}` +
        ' parcel jobs; capacity [4 seats, 10 parcels]; shift 07:00-19:00; a 30-min break in 11:30-14:00;' +
        ' road distance = 1.3 x great-circle, 50 km/h.',
      '',
      `* Planning: ${plan.text}.`,
      `* Under way at ${values.now}: ${doneCount} stops done (${onBoard} passengers on board), next stop of each` +
        ` route locked, shifts start when the vehicle is free; ${mid.text}.`,
      '',
      'Each request (80 % rides, 20 % parcels; under way: slots at least 1 h after now) is inserted into the' +
        ` same solution with insertTask (timeLimitMs ${insertMs}); every result is verified by the checker.`,
      '',
      '| scenario | requests | checker-feasible | inserted | errors | median ms | p95 ms | p99 ms | max ms | mean added cost (s) |',
      '|---|---|---|---|---|---|---|---|---|---|',
      statsRow('planning', morning),
      statsRow(`under way at ${values.now}`, midday),
      '',
      '```',
      statsLine('planning', morning),
      statsLine(`under-way@${values.now}`, midday),
      '```',
      ...(morning.problems.length + midday.problems.length > 0
        ? ['', 'First problems seen:', '', ...[...morning.problems, ...midday.problems].map((v) => `* ${v}`)]
        : []),
    ].join('\n');
    writeDocSection(`bench:insert seed=${seed} requests=${requests}`, body);
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).stack ?? String(err));
  process.exitCode = 1;
});
