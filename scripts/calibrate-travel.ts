/**
 * `npm run calibrate:travel -- [--fixture test/fixtures/ors/recorded-matrix.json]`
 * `npm run calibrate:travel -- --synthetic [--seed 1]`
 *
 * Fits the offline estimate's detour factor, speed and per-leg overhead to a recording of
 * openrouteservice (`npm run ors:record`) and prints the estimate's error against it — median and
 * p90 of |est − obs| ÷ obs, duration and distance — with the current constants and the fitted
 * ones. `--synthetic` makes the recording up from known parameters (the demo settlements, seeded
 * noise) and prints how well the fitter recovers them.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type OfflineEstimate,
  RURAL_CAR,
  RURAL_VAN,
} from '../shared/adapters/offline-travel-times/offline-travel-times';
import { DEFAULT_FIXTURE, demoSettlements, readRecordedMatrix } from './lib/ors-fixture';
import { SYNTHETIC_TRUTH, syntheticRecording } from './lib/synthetic-travel-fixture';
import { type Calibration, calibrate, type ErrorFigures, type Observed } from './lib/travel-calibration';

const { values } = parseArgs({
  options: {
    fixture: { type: 'string', default: DEFAULT_FIXTURE },
    synthetic: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
  },
});

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const row = (label: string, f: ErrorFigures) =>
  `| ${label} | ${f.cells} | ${pct(f.median)} | ${pct(f.p90)} | ${f.meanSigned >= 0 ? '+' : ''}${pct(f.meanSigned)} |`;
const constants = (e: OfflineEstimate) =>
  `{ detourFactor: ${e.detourFactor}, speedKmh: ${e.speedKmh}, legOverheadS: ${e.legOverheadS} }`;

function report(title: string, c: Calibration, truth?: OfflineEstimate): void {
  console.log(title);
  if (truth) console.log(`truth:   ${constants(truth)}`);
  console.log(`current: ${constants(c.current)}`);
  console.log(`fitted:  ${constants(c.fitted)}`);
  console.log('');
  console.log('| error of the estimate | pairs | median | p90 | mean signed |');
  console.log('|---|---|---|---|---|');
  console.log(row('duration, current constants', c.before.duration));
  console.log(row('duration, fitted', c.after.duration));
  console.log(row('distance, current constants', c.before.distance));
  console.log(row('distance, fitted', c.after.distance));
}

if (values.synthetic) {
  const seed = Number(values.seed);
  const obs: Observed = syntheticRecording(demoSettlements(), {
    truth: SYNTHETIC_TRUTH,
    seed,
    distanceNoise: 0.08,
    durationNoise: 0.1,
  });
  report(
    `synthetic recording: ${obs.points.length} demo settlements, seed ${seed}, noise σ 8 % (distance) / 10 % (duration)`,
    calibrate(obs, RURAL_CAR),
    SYNTHETIC_TRUTH,
  );
} else {
  if (!existsSync(values.fixture)) {
    console.error(
      `no recording at ${values.fixture}: record one once with ` +
        '`npm run ors:record -- --key-env ORS_API_KEY` (needs openrouteservice), commit it, and run this again',
    );
    process.exit(2);
  }
  const fixture = readRecordedMatrix(values.fixture);
  const current = fixture.profile === 'driving-hgv' ? RURAL_VAN : RURAL_CAR;
  report(
    `${values.fixture}: ${fixture.points.length} points, ${fixture.profile}, recorded ${fixture.recordedAt} ` +
      `from ${fixture.source.host} (engine ${fixture.source.engineVersion ?? 'unknown'}); ${fixture.attribution}`,
    calibrate(fixture, current),
  );
}
