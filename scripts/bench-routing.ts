/**
 * npm run bench:routing -- --set solomon|lilim|cordeau [--seconds N] [--objective distance|vehicles-then-distance]
 *                          [--seed S] [--only NAME,NAME] [--no-docs]
 * Solves every instance of test/fixtures/benchmarks/<set>/, verifies each solution with the independent
 * checker, compares with bks.json, prints one row per instance and a final `summary ...` line, and
 * rewrites this run's section of docs/benchmarks.md (beside VROOM's figures).
 *
 * Gaps: Solomon — distance objective vs the distance-only BKS, vehicles-then-distance objective vs the
 * hierarchical BKS on instances where the vehicle count matches; Li & Lim — vs the hierarchical BKS
 * where vehicles match; Cordeau — vs the optimal/best cost (fleet K is a hard limit).
 * Default objective: vehicles-then-distance for Li & Lim (its BKS are hierarchical), distance otherwise.
 * An instance counts as feasible when the checker finds no violation and no task is unassigned;
 * infeasible instances are left out of the gaps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSolution } from '../shared/routing/checker/index';
import { type BenchmarkObjective, readInstance } from '../shared/routing/formats/index';
import { benchmarksRoot, machineLine, mean, quantile, r, readCsv, writeDocSection } from './lib/bench';
import { loadEngine, nowMs } from './lib/engine';

type SetName = 'solomon' | 'lilim' | 'cordeau';

interface Row {
  name: string;
  feasible: boolean;
  violations: string[];
  unassigned: number;
  vehicles: number;
  distance: number;
  bksVehicles: number;
  bksDistance: number | undefined;
  /** Gap used in the summary (undefined when not comparable). */
  gap: number | undefined;
  wall: number;
}

const SETS: Record<SetName, { dir: string; format: 'solomon' | 'lilim' | 'cordeau'; vroomSet?: string }> = {
  solomon: { dir: 'solomon', format: 'solomon', vroomSet: 'solomon' },
  lilim: { dir: 'lilim_100', format: 'lilim', vroomSet: 'lilim100' },
  cordeau: { dir: 'cordeau_darp', format: 'cordeau' },
};

function instanceFiles(set: SetName): Array<{ name: string; file: string }> {
  const root = path.join(benchmarksRoot, SETS[set].dir);
  const dirs = set === 'cordeau' ? [path.join(root, 'a'), path.join(root, 'b')] : [root];
  const out: Array<{ name: string; file: string }> = [];
  for (const d of dirs) {
    for (const f of readdirSync(d).sort()) {
      if (!f.endsWith('.txt') || f === 'README.md') continue;
      out.push({ name: f.replace(/\.txt$/, ''), file: path.join(d, f) });
    }
  }
  return out;
}

interface Bks {
  vehicles: number;
  distance: number | undefined;
  distanceOnly?: { vehicles: number; distance: number };
}

function bksOf(set: SetName, raw: Record<string, Record<string, unknown>>, name: string): Bks | undefined {
  const e = raw[name];
  if (!e) return undefined;
  if (set === 'cordeau') {
    return { vehicles: e.vehicles as number, distance: (e.cost as number | null) ?? undefined };
  }
  const b: Bks = { vehicles: e.vehicles as number, distance: e.distance as number };
  if (e.distance_only) b.distanceOnly = e.distance_only as { vehicles: number; distance: number };
  return b;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string' },
      seconds: { type: 'string', default: '10' },
      objective: { type: 'string' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
    },
  });
  const set = values.set as SetName;
  if (!SETS[set]) throw new Error('--set solomon|lilim|cordeau is required');
  const objective = (values.objective ??
    (set === 'lilim' ? 'vehicles-then-distance' : 'distance')) as BenchmarkObjective;
  if (objective !== 'distance' && objective !== 'vehicles-then-distance')
    throw new Error(`bad --objective ${objective}`);
  const seconds = Number(values.seconds);
  const seed = Number(values.seed);
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim().toLowerCase())) : undefined;
  const bksRaw = JSON.parse(
    readFileSync(path.join(benchmarksRoot, SETS[set].dir, 'bks.json'), 'utf8'),
  ) as Record<string, Record<string, unknown>>;
  const engine = await loadEngine();
  const files = instanceFiles(set).filter((f) => !only || only.has(f.name.toLowerCase()));
  if (files.length === 0) throw new Error('no instance selected');

  const rows: Row[] = [];
  const header = `instance   feas  unas  veh bks_veh  distance      bks_dist     gap%    wall_s  violations`;
  console.log(`# set=${set} objective=${objective} seconds=${seconds} seed=${seed}`);
  console.log(header);
  for (const { name, file } of files) {
    const problem = readInstance(readFileSync(file, 'utf8'), SETS[set].format, { objective });
    const bks = bksOf(set, bksRaw, name);
    const t0 = nowMs();
    let row: Row;
    try {
      const solution = engine.solve(problem, { timeLimitMs: seconds * 1000, now: nowMs, seed });
      const wall = (nowMs() - t0) / 1000;
      const check = checkSolution(problem, solution);
      const feasible = check.feasible && check.unassigned === 0;
      let bksDistance: number | undefined;
      let gap: number | undefined;
      let bksVehicles = bks?.vehicles ?? Number.NaN;
      if (bks) {
        if (set === 'solomon' && objective === 'distance') {
          bksDistance = bks.distanceOnly?.distance;
          gap = bksDistance !== undefined ? 100 * (check.distance / bksDistance - 1) : undefined;
        } else if (set === 'cordeau') {
          bksVehicles = bks.vehicles; // the fleet K: a hard limit, not a target
          bksDistance = bks.distance;
          gap = bksDistance !== undefined ? 100 * (check.distance / bksDistance - 1) : undefined;
        } else {
          bksDistance = bks.distance;
          gap =
            bksDistance !== undefined && check.routes === bks.vehicles
              ? 100 * (check.distance / bksDistance - 1)
              : undefined;
        }
      }
      row = {
        name,
        feasible,
        violations: check.violations,
        unassigned: check.unassigned,
        vehicles: check.routes,
        distance: check.distance,
        bksVehicles,
        bksDistance,
        gap: feasible ? gap : undefined,
        wall,
      };
    } catch (err) {
      row = {
        name,
        feasible: false,
        violations: [`[engine] ${(err as Error).message}`],
        unassigned: Number.NaN,
        vehicles: 0,
        distance: Number.NaN,
        bksVehicles: bks?.vehicles ?? Number.NaN,
        bksDistance: bks?.distance,
        gap: undefined,
        wall: (nowMs() - t0) / 1000,
      };
    }
    rows.push(row);
    console.log(
      [
        row.name.padEnd(10),
        (row.feasible ? 'yes' : 'NO').padEnd(5),
        String(row.unassigned).padStart(4),
        String(row.vehicles).padStart(4),
        String(row.bksVehicles).padStart(7),
        r(row.distance, 4).padStart(10),
        (row.bksDistance !== undefined ? r(row.bksDistance, 4) : 'n/a').padStart(12),
        (row.gap !== undefined ? r(row.gap, 2) : '-').padStart(8),
        r(row.wall, 2).padStart(9),
        ` ${row.violations.length}${row.violations[0] ? ` ${row.violations[0]}` : ''}`,
      ].join(' '),
    );
    for (const v of row.violations.slice(1, 5)) console.log(`    ${v}`);
  }

  const gaps = rows.filter((x) => x.gap !== undefined).map((x) => x.gap!);
  const feasibleCount = rows.filter((x) => x.feasible).length;
  const veh = rows.reduce((a, x) => a + x.vehicles, 0);
  const bv = rows.reduce((a, x) => a + (Number.isFinite(x.bksVehicles) ? x.bksVehicles : 0), 0);
  const vehMatch = rows.filter((x) => x.feasible && x.vehicles === x.bksVehicles).length;
  const atBks = gaps.filter((g) => g <= 0.01).length;
  const meanS = mean(rows.map((x) => x.wall));
  const summary = `summary set=${set} instances=${rows.length} feasible=${feasibleCount} vehicles=${veh} bks_vehicles=${bv} mean_gap_pct=${r(mean(gaps), 2)} median_gap_pct=${r(quantile(gaps, 0.5), 2)} mean_s=${r(meanS, 2)}`;

  if (!values['no-docs']) {
    writeDocSection(
      `bench:routing set=${set} objective=${objective} seconds=${seconds}`,
      docSection({
        set,
        objective,
        seconds,
        seed,
        rows,
        gaps,
        vehMatch,
        atBks,
        summary,
        partial: only !== undefined,
      }),
    );
  }
  console.log(summary);
}

function docSection(a: {
  set: SetName;
  objective: BenchmarkObjective;
  seconds: number;
  seed: number;
  rows: Row[];
  gaps: number[];
  vehMatch: number;
  atBks: number;
  summary: string;
  partial: boolean;
}): string {
  const { set, objective, seconds, rows, gaps } = a;
  const gapLabel =
    set === 'solomon' && objective === 'distance'
      ? 'gap vs distance-only BKS'
      : set === 'cordeau'
        ? 'gap vs best known cost (47/48 known, mostly proven optimal)'
        : 'gap vs hierarchical BKS distance, on instances where the vehicle count matches';
  const out: string[] = [];
  out.push(
    `## ${set} — objective ${objective}, ${seconds} s per instance${a.partial ? ' (partial run: --only)' : ''}`,
  );
  out.push('');
  out.push(`Machine: ${machineLine()}. Seed ${a.seed}, one run per instance, sequential.`);
  out.push('');
  out.push('| metric | ours | VROOM v1.14 (this machine) |');
  out.push('|---|---|---|');
  const vroom = vroomSummary(set, objective);
  const veh = rows.reduce((s, x) => s + x.vehicles, 0);
  const bv = rows.reduce((s, x) => s + (Number.isFinite(x.bksVehicles) ? x.bksVehicles : 0), 0);
  const feasible = rows.filter((x) => x.feasible).length;
  out.push(
    `| instances feasible (checker, nothing unassigned) | ${feasible}/${rows.length} | ${vroom?.feasible ?? 'n/a'} |`,
  );
  out.push(
    `| vehicles total vs ${set === 'cordeau' ? 'fleet K' : 'BKS'} | ${veh} vs ${bv} | ${vroom?.vehicles ?? 'n/a'} |`,
  );
  out.push(
    `| instances with vehicles = ${set === 'cordeau' ? 'fleet K' : 'BKS'} | ${a.vehMatch} | ${vroom?.vehMatch ?? 'n/a'} |`,
  );
  out.push(
    `| ${gapLabel}: mean / median / max % (n) | ${r(mean(gaps))} / ${r(quantile(gaps, 0.5))} / ${r(Math.max(...gaps))} (${gaps.length}) | ${vroom?.gap ?? 'n/a'} |`,
  );
  out.push(`| instances at or below BKS + 0.01 % | ${a.atBks} | ${vroom?.atBks ?? 'n/a'} |`);
  out.push(
    `| wall s per instance mean / median / max | ${r(mean(rows.map((x) => x.wall)))} / ${r(
      quantile(
        rows.map((x) => x.wall),
        0.5,
      ),
    )} / ${r(Math.max(...rows.map((x) => x.wall)))} | ${vroom?.wall ?? 'n/a'} |`,
  );
  out.push('');
  if (vroom) out.push(`VROOM config compared: \`${vroom.config}\` (${vroom.note}).`);
  else out.push('VROOM has no DARP baseline here (no max ride time / max duration runs in vroom-baseline).');
  out.push('');
  out.push('```');
  out.push(a.summary);
  out.push('```');
  out.push('');
  const perInstance = vroom
    ? vroomPerInstance(set, vroom.config)
    : new Map<string, { veh: string; dist: string }>();
  out.push('<details><summary>per instance</summary>');
  out.push('');
  out.push(
    `| instance | feasible | vehicles | BKS veh | distance | BKS dist | gap % | s |${vroom ? ' VROOM veh | VROOM dist |' : ''} first violation |`,
  );
  out.push(`|---|---|---|---|---|---|---|---|${vroom ? '---|---|' : ''}---|`);
  for (const x of rows) {
    const vr = perInstance.get(x.name);
    out.push(
      `| ${x.name} | ${x.feasible ? 'yes' : `**no** (${x.unassigned} unassigned)`} | ${x.vehicles} | ${x.bksVehicles} | ${r(x.distance, 2)} | ${x.bksDistance !== undefined ? r(x.bksDistance, 2) : 'n/a'} | ${x.gap !== undefined ? r(x.gap) : '-'} | ${r(x.wall)} |${vroom ? ` ${vr?.veh ?? '-'} | ${vr?.dist ?? '-'} |` : ''} ${(x.violations[0] ?? '').replace(/\|/g, '/')} |`,
    );
  }
  out.push('');
  out.push('</details>');
  return out.join('\n');
}

interface VroomFigures {
  config: string;
  note: string;
  feasible: string;
  vehicles: string;
  vehMatch: string;
  gap: string;
  atBks: string;
  wall: string;
}

function vroomSummary(set: SetName, objective: BenchmarkObjective): VroomFigures | undefined {
  const vroomSet = SETS[set].vroomSet;
  if (!vroomSet) return undefined;
  const config = objective === 'distance' ? 't2_x5' : 't2_x5_fixedcost';
  let rows: Array<Record<string, string>>;
  try {
    rows = readCsv(path.join(benchmarksRoot, 'vroom-baseline/summary.csv'));
  } catch {
    return undefined;
  }
  const row = rows.find((x) => x.set === vroomSet && x.config === config);
  if (!row) return undefined;
  const distOnly = set === 'solomon' && objective === 'distance';
  return {
    config,
    note:
      objective === 'distance'
        ? 'default objective, -x 5, 2 threads'
        : 'fixed cost 1e8 per vehicle to emulate vehicles-first, -x 5, 2 threads',
    feasible:
      Number(row.unassigned_total) === 0
        ? `${row.n}/${row.n}`
        : `${row.unassigned_total} tasks unassigned in total`,
    vehicles: `${row.veh_total} vs ${row.bks_veh_total}`,
    vehMatch: row.veh_match_bks ?? 'n/a',
    gap: distOnly
      ? `${row.mean_gap_vs_distonly_pct} / ${row.median_gap_vs_distonly_pct} / ${row.max_gap_vs_distonly_pct} (${row.n})`
      : `mean ${row.mean_gap_vs_hier_pct_on_vehmatch} (${row.veh_match_bks})`,
    atBks: distOnly ? (row['n_within_0.01pct_of_distonly_bks'] ?? 'n/a') : 'n/a',
    wall: `${row.mean_wall_s} / ${row.median_wall_s} / ${row.max_wall_s}`,
  };
}

function vroomPerInstance(set: SetName, config: string): Map<string, { veh: string; dist: string }> {
  const out = new Map<string, { veh: string; dist: string }>();
  try {
    for (const x of readCsv(path.join(benchmarksRoot, 'vroom-baseline/results_all.csv'))) {
      if (x.set === SETS[set].vroomSet && x.config === config && x.instance) {
        out.set(x.instance, { veh: x.vehicles_used ?? '-', dist: Number(x.distance).toFixed(2) });
      }
    }
  } catch {
    // no per-instance figures
  }
  return out;
}

main().catch((err: unknown) => {
  console.error((err as Error).stack ?? String(err));
  process.exitCode = 1;
});
