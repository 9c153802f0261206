/**
 * npm run solve -- FILE [--format vroom|solomon|lilim|cordeau] [--seconds N] [--seed S]
 *                       [--objective distance|vehicles-then-distance]
 * Prints the VROOM-shaped solution JSON on stdout and the checker's verdict on stderr.
 * Exit code: 0 feasible, 1 infeasible (checker violations or unassigned tasks), 2 input error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkSolution } from '../shared/routing/checker/index';
import {
  type BenchmarkObjective,
  guessFormat,
  INSTANCE_FORMATS,
  type InstanceFormat,
  readInstance,
} from '../shared/routing/formats/index';
import { loadEngine, nowMs } from './lib/engine';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      seconds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      objective: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write(
      'usage: npm run solve -- FILE [--format F] [--seconds N] [--seed S] [--objective O]\n',
    );
    return 2;
  }
  const text = readFileSync(file, 'utf8');
  const format = (values.format ?? guessFormat(file, text)) as InstanceFormat;
  if (!INSTANCE_FORMATS.includes(format)) {
    process.stderr.write(`unknown format ${format}\n`);
    return 2;
  }
  const objective = values.objective as BenchmarkObjective | undefined;
  if (objective && objective !== 'distance' && objective !== 'vehicles-then-distance') {
    process.stderr.write(`unknown objective ${objective}\n`);
    return 2;
  }
  const problem = readInstance(text, format, objective ? { objective } : undefined);
  const engine = await loadEngine();
  const seconds = Number(values.seconds);
  const seed = Number(values.seed);
  const t0 = nowMs();
  let solution: ReturnType<typeof engine.solve>;
  try {
    solution = engine.solve(problem, { timeLimitMs: seconds * 1000, now: nowMs, seed });
  } catch (err) {
    if (engine.RoutingInputError && err instanceof engine.RoutingInputError) {
      process.stderr.write(`input error: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
  const wall = (nowMs() - t0) / 1000;
  process.stdout.write(`${JSON.stringify(solution)}\n`);
  const check = checkSolution(problem, solution);
  const verdict = check.feasible && check.unassigned === 0;
  process.stderr.write(
    `${file} (${format}): feasible=${check.feasible} violations=${check.violations.length} unassigned=${check.unassigned} ` +
      `vehicles=${check.routes} distance=${check.distance.toFixed(4)} cost=${check.cost.toFixed(4)} ` +
      `duration=${check.duration.toFixed(4)} wall_s=${wall.toFixed(2)}\n`,
  );
  for (const v of check.violations.slice(0, 50)) process.stderr.write(`  ${v}\n`);
  if (check.violations.length > 50) process.stderr.write(`  ... ${check.violations.length - 50} more\n`);
  return verdict ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
