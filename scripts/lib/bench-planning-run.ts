/**
 * One size of bench:planning: generate the day, write it, plan it through the job, poll the job,
 * check the saved plan's solution. See scripts/bench-planning.ts.
 */

import { getPlanJob, startPlanJob } from '../../shared/app/planning/plan-job';
import { getPlan } from '../../shared/app/planning/read-plan';
import type { PlanJobProgress } from '../../shared/domain/entities/plan-job';
import { addDays, localDate } from '../../shared/domain/time';
import type { Ports } from '../../shared/ports/ports';
import { checkSolution } from '../../shared/routing/checker/index';
import type { VroomSolution } from '../../shared/routing/vroom-format';
import type { RecordingSolver } from './bench-planning-infra';
import { seedPlanningDay } from './planning-bench-seed';
import { generatePlanningDay, type RealSettlement } from './planning-day-generator';

export interface PlanningRunOptions {
  requests: number;
  vehicles: number;
  settlements: number;
  seed: number;
  seconds: number;
  recorder: RecordingSolver;
  say: (line: string) => void;
}

export interface PlanningRun {
  requests: number;
  vehicles: number;
  settlements: number;
  generatedSettlements: number;
  booked: number;
  refused: number;
  seedS: number;
  /** Engine time of the job's first progress, s. */
  firstFeasibleS: number;
  /** Wall time from the start of the job to the poll that first saw progress, s. */
  firstSeenWallS: number;
  costAt: Record<number, number | undefined>;
  finalCost: number | undefined;
  unassigned: number;
  checker: 'ok' | 'fail';
  violations: string[];
  samples: PlanJobProgress[];
  line: string;
}

const POLL_MS = 200;

/** A working day (Mon–Fri) at least two days ahead, Kyiv time: bookable, not under way. */
export function benchDay(now: Date): string {
  let day = addDays(localDate(now), 2);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

export async function runPlanningSize(
  ports: Ports,
  real: RealSettlement[],
  o: PlanningRunOptions,
): Promise<PlanningRun> {
  const date = benchDay(new Date());
  const hromadaId = `bench-${o.requests}-${o.seed}`;
  const day = generatePlanningDay(real, { ...o, date });
  const t0 = performance.now();
  const seeded = await seedPlanningDay(ports, hromadaId, date, day, o.seconds);
  const seedS = (performance.now() - t0) / 1000;
  o.say(
    `# ${o.requests} requests, ${o.vehicles} vehicles, ${o.settlements} settlements on ${date}: booked ${seeded.requests}, refused ${seeded.refused.length} in ${seedS.toFixed(1)} s`,
  );
  for (const x of seeded.refused.slice(0, 5)) o.say(`#   refused ${x.serviceType}: ${x.reason}`);

  const started = performance.now();
  const job = await startPlanJob(ports, hromadaId, date, 'bench-planning', { seconds: o.seconds });
  const samples: PlanJobProgress[] = [];
  let firstSeenWallS = Number.NaN;
  let state = job.state;
  let last = job;
  while (state !== 'done' && state !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    last = await getPlanJob(ports, hromadaId, job.id);
    state = last.state;
    const p = last.progress;
    if (p && samples.at(-1)?.elapsedMs !== p.elapsedMs) {
      if (samples.length === 0) firstSeenWallS = (performance.now() - started) / 1000;
      samples.push(p);
      o.say(
        `#   t=${(p.elapsedMs / 1000).toFixed(1)} s cost=${Math.round(p.bestCost)} unassigned=${p.unassigned}`,
      );
    }
  }
  if (state === 'failed') o.say(`#   job failed: ${JSON.stringify(last.error)}`);
  const costAt = (s: number) => {
    if (s > o.seconds) return undefined;
    return samples.filter((p) => p.elapsedMs <= s * 1000).at(-1)?.bestCost;
  };
  const plan = state === 'done' ? await getPlan(ports, hromadaId, date) : undefined;
  const recorded = o.recorder.last;
  const check = recorded ? checkSolution(recorded.problem, recorded.solution) : undefined;
  const sameStops = plan && recorded ? stopCounts(recorded.solution) === planStopCounts(plan.routes) : false;
  const checker = check?.feasible && sameStops ? 'ok' : 'fail';
  const violations = [
    ...(check?.violations ?? []),
    ...(sameStops ? [] : ['saved plan differs from the solution']),
  ];
  for (const v of violations.slice(0, 5)) o.say(`#   checker: ${v}`);
  const unassigned = plan?.unassigned.length ?? Number.NaN;
  if (plan)
    o.say(`#   left out by service: ${await leftOutByService(ports, hromadaId, date, plan.unassigned)}`);
  const firstFeasibleS = samples[0] ? samples[0].elapsedMs / 1000 : Number.NaN;
  const f = (x: number | undefined) => (x === undefined ? 'n/a' : String(Math.round(x)));
  const line = `planning requests=${o.requests} vehicles=${o.vehicles} first_feasible_s=${firstFeasibleS.toFixed(2)} cost_5s=${f(costAt(5))} cost_30s=${f(costAt(30))} unassigned=${unassigned} checker=${checker}`;
  return {
    requests: o.requests,
    vehicles: o.vehicles,
    settlements: day.settlements.length,
    generatedSettlements: day.settlements.filter((s) => s.generated).length,
    booked: seeded.requests,
    refused: seeded.refused.length,
    seedS,
    firstFeasibleS,
    firstSeenWallS,
    costAt: { 5: costAt(5), 10: costAt(10), 30: costAt(30) },
    finalCost: samples.at(-1)?.bestCost,
    unassigned,
    checker,
    violations,
    samples,
    line,
  };
}

async function leftOutByService(
  ports: Ports,
  hromadaId: string,
  date: string,
  unassigned: Array<{ requestId: string }>,
): Promise<string> {
  const requests = new Map((await ports.entities.requests.forDay(hromadaId, date)).map((r) => [r.id, r]));
  const by = new Map<string, number>();
  for (const u of unassigned) {
    const type = requests.get(u.requestId)?.serviceType ?? 'case-stop';
    by.set(type, (by.get(type) ?? 0) + 1);
  }
  return [...by].map(([t, n]) => `${t} ${n}`).join(', ') || 'none';
}

/** Task stops per route, sorted: the solution's (breaks and depots aside)… */
function stopCounts(solution: VroomSolution): string {
  return solution.routes
    .map(
      (r) => r.steps.filter((s) => s.type === 'job' || s.type === 'pickup' || s.type === 'delivery').length,
    )
    .filter((n) => n > 0)
    .sort((a, b) => a - b)
    .join(',');
}

/** …and the saved plan's. */
function planStopCounts(routes: Array<{ stops: unknown[] }>): string {
  return routes
    .map((r) => r.stops.length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b)
    .join(',');
}
