/**
 * `npm run ors:record -- --key-env ORS_API_KEY [--host URL] [--profile driving-car]
 *  [--out test/fixtures/ors/recorded-matrix.json] [--max-cells 3500] [--per-minute 40]`
 *
 * Run ONCE by someone with an openrouteservice key (or a self-hosted host, no key): asks the
 * matrix between the demo settlements through the platform's own adapter (OrsTravelTimes: blocks
 * within the per-request limit, the quota, retries) and writes the recording to commit. The key is
 * read from the environment variable named by --key-env, never from the command line.
 * Then `npm run calibrate:travel` fits the offline estimate to it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OrsTravelTimes } from '../shared/adapters/openrouteservice/ors-travel-times';
import { DEFAULT_FIXTURE, demoSettlements, recordOrsMatrix } from './lib/ors-fixture';

const { values } = parseArgs({
  options: {
    'key-env': { type: 'string' },
    host: { type: 'string', default: 'https://api.openrouteservice.org' },
    profile: { type: 'string', default: 'driving-car' },
    out: { type: 'string', default: DEFAULT_FIXTURE },
    'max-cells': { type: 'string', default: '3500' },
    'per-minute': { type: 'string', default: '40' },
  },
});

const profile = values.profile;
if (profile !== 'driving-car' && profile !== 'driving-hgv') {
  throw new Error(`--profile must be driving-car or driving-hgv, not ${profile}`);
}
const keyEnv = values['key-env'];
const apiKey = keyEnv ? process.env[keyEnv] : undefined;
if (keyEnv && !apiKey) throw new Error(`the environment variable ${keyEnv} is empty or unset`);

const points = demoSettlements();
const ors = new OrsTravelTimes({
  host: values.host,
  ...(apiKey ? { apiKey } : {}),
  maxCellsPerRequest: Number(values['max-cells']),
  requestsPerMinute: Number(values['per-minute']),
});
const fixture = await recordOrsMatrix({ ors, host: values.host, points, profile });
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(fixture, null, 1)}\n`);
console.log(
  `recorded ${points.length} points (${points.length ** 2} cells, ${fixture.unroutedCells} unrouted) ` +
    `from ${values.host} (engine ${fixture.source.engineVersion ?? 'unknown'}, ${profile}) ` +
    `in ${fixture.calls} calls → ${values.out}`,
);
