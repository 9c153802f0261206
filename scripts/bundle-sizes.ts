/**
 * Bundle size and cold-start init time of each function, on this machine.
 *
 *   npx tsx scripts/bundle-sizes.ts [--runs 7] [--write]
 *
 * Bundles functions/<name>/handler.ts with esbuild the way infra/constructs/app-function.ts asks
 * CDK's NodejsFunction to (ESM, node22, minified, external source map without sources, the
 * createRequire banner, @aws-sdk/* left to the runtime), into .local/bundles/<name>/index.mjs.
 * Then, `--runs` times per function, a fresh `node` process with the local platform's environment
 * imports the bundle and reports how long the import took: the module's init (configuration, adapter
 * wiring, Powertools), what Lambda's INIT phase runs before the first event. `--write` replaces the
 * section in docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { ESM_REQUIRE_BANNER } from '../infra/constructs/app-function';
import { machineLine, quantile, r, repoRoot, writeDocSection } from './lib/bench';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, write: { type: 'boolean', default: false } },
});
const runs = Number(args.runs);
const outRoot = path.join(repoRoot, '.local/bundles');

/** The environment `npm start` gives the handlers (infra/local/start.ts), minus the live endpoints. */
const LOCAL_ENV = {
  TABLE_NAME: 'hromada-dispatch',
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
  SMS_TRANSPORT: 'file',
  SMS_SINK_FILE: path.join(outRoot, 'sms-sent.jsonl'),
  TRAVEL_TIMES: 'offline',
  POWERTOOLS_SERVICE_NAME: 'hromada-dispatch-local',
  POWERTOOLS_LOG_LEVEL: 'WARN',
  POWERTOOLS_METRICS_DISABLED: 'true',
  NODE_OPTIONS: '--enable-source-maps',
};

/** Imports the bundle given as argv[1] and prints the import's duration in ms. */
const PROBE = `
const started = performance.now();
await import(process.argv[1]);
process.stdout.write(String(performance.now() - started));
`;

async function bundle(name: string): Promise<{ file: string; metafile: Metafile }> {
  const outfile = path.join(outRoot, name, 'index.mjs');
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await build({
    entryPoints: [path.join(repoRoot, 'functions', name, 'handler.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'node22',
    platform: 'node',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    banner: { js: ESM_REQUIRE_BANNER },
    external: ['@aws-sdk/*'],
    metafile: true,
    logLevel: 'error',
  });
  return { file: outfile, metafile: result.metafile };
}

/** The three packages (or `own code`) that weigh most in the bundle. */
function heaviest(metafile: Metafile): string {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = match ? match[1]! : 'own code';
      bytes.set(key, (bytes.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([key, size]) => `${key} ${kib(size)}`)
    .join(', ');
}

function initTimes(file: string): number[] {
  return Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, file], {
      env: { PATH: process.env.PATH ?? '', ...LOCAL_ENV },
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`${file}: ${child.stderr}`);
    return Number(child.stdout);
  });
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

const names = readdirSync(path.join(repoRoot, 'functions')).sort();
const rows: string[] = [];
for (const name of names) {
  const { file, metafile } = await bundle(name);
  const js = readFileSync(file);
  const times = initTimes(file);
  const row =
    `| ${name} | ${kib(js.length)} | ${kib(gzipSync(js).length)} | ${kib(statSync(`${file}.map`).size)} | ` +
    `${r(quantile(times, 0.5), 1)} | ${r(Math.min(...times), 1)}–${r(Math.max(...times), 1)} | ${heaviest(metafile)} |`;
  console.log(row);
  rows.push(row);
}

const body = `## Function bundles and cold-start init — \`npx tsx scripts/bundle-sizes.ts --runs ${runs}\`

Machine: ${machineLine()}.

Each function bundled as CDK's NodejsFunction bundles it (infra/constructs/app-function.ts: ESM,
node22, minified, external source map, \`@aws-sdk/*\` left to the Lambda runtime). Init is the
time a fresh \`node\` process takes to import the bundle with the local platform's environment
(configuration parsed, adapters wired, Powertools set up; no network at init), ${runs} processes per
function: the work Lambda's INIT phase does before the first event, on this machine rather than on
a Lambda arm64 core, without the runtime's own start-up and without loading the AWS SDK from the
runtime's layer faster or slower than from node_modules here. gzip approximates the deployment zip.

| function | bundle (index.mjs) | gzip | source map | init median ms | init min–max ms | heaviest parts |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Reading it: the load average was 4–6 from other work, so init times spread widely; compare medians.
The init includes loading the external AWS SDK v3 clients from node_modules (the Lambda runtime
ships them; not measured apart). zod (v4, the whole \`z\` namespace) is over half of every bundle and libphonenumber-js's
metadata a quarter of those that parse phone numbers; zod/mini would be the lever if size mattered.
`;
if (args.write) writeDocSection('bundle-sizes', body);
console.log(`\n${body}`);
