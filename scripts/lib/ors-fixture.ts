/**
 * A recording of openrouteservice's matrix between the demo settlements, made once by
 * `npm run ors:record` and committed (test/fixtures/ors/recorded-matrix.json), so that the offline
 * estimate is calibrated against real road answers without a live call (travel-calibration.ts).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { OrsTravelTimes } from '../../shared/adapters/openrouteservice/ors-travel-times';
import type { TravelProfile } from '../../shared/ports/travel-times';

export const ORS_ATTRIBUTION = '© openrouteservice.org by HeiGIT | Map data © OpenStreetMap contributors';
export const POINTS_ATTRIBUTION =
  'Settlements: infra/local/demo-data (see its ATTRIBUTION.md): © OpenStreetMap contributors (ODbL 1.0); GeoNames (CC BY 4.0); Wikipedia (CC BY-SA 4.0)';
export const DEFAULT_FIXTURE = 'test/fixtures/ors/recorded-matrix.json';

const cell = z.number().nonnegative().nullable();
const matrix = z.array(z.array(cell));

export const RecordedPoint = z.object({
  name: z.string().min(1),
  /** Which demo file it comes from: a Хмільницька settlement or an oblast hromada's centre. */
  set: z.enum(['khmilnytska', 'oblast-centres']),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type RecordedPoint = z.infer<typeof RecordedPoint>;

export const RecordedMatrix = z
  .object({
    kind: z.literal('ors-matrix-recording'),
    recordedAt: z.iso.datetime(),
    source: z.object({
      service: z.literal('openrouteservice'),
      host: z.string().min(1),
      engineVersion: z.string().nullable(),
      buildDate: z.string().nullable(),
      graphDate: z.string().nullable(),
    }),
    profile: z.enum(['driving-car', 'driving-hgv']),
    attribution: z.literal(ORS_ATTRIBUTION),
    pointsAttribution: z.string(),
    units: z.object({ durations: z.literal('s'), distances: z.literal('m') }),
    /** Matrix requests made (with retries). */
    calls: z.number().int().nonnegative(),
    /** Cells openrouteservice did not route (null in both matrices). */
    unroutedCells: z.number().int().nonnegative(),
    points: z.array(RecordedPoint).min(2),
    /** [from][to], seconds; null where the service gave no route. */
    durations: matrix,
    /** [from][to], metres; null where the service gave no route. */
    distances: matrix,
  })
  .refine(
    (f) =>
      [f.durations, f.distances].every(
        (m) => m.length === f.points.length && m.every((row) => row.length === f.points.length),
      ),
    { message: 'durations and distances must be square, one row and column per point' },
  );
export type RecordedMatrix = z.infer<typeof RecordedMatrix>;

export function readRecordedMatrix(path: string): RecordedMatrix {
  return RecordedMatrix.parse(JSON.parse(readFileSync(path, 'utf8')));
}

const Settlements = z.object({
  settlements: z.array(
    z.object({ name_uk: z.string(), lat: z.number().nullish(), lon: z.number().nullish() }),
  ),
});
const Centres = z.array(z.object({ center_uk: z.string(), lat: z.number(), lon: z.number() }));

/**
 * The demo settlements with coordinates: Хмільницька громада's (three have none and are left out)
 * and the oblast hromady's centres of the regional tour (Хмільник, in both, once).
 */
export function demoSettlements(root: URL = new URL('../../', import.meta.url)): RecordedPoint[] {
  const read = (file: string) =>
    JSON.parse(readFileSync(new URL(`infra/local/demo-data/${file}`, root), 'utf8')) as unknown;
  const points: RecordedPoint[] = [];
  const seen = new Set<string>();
  const add = (p: RecordedPoint) => {
    const key = `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`;
    if (seen.has(key)) return;
    seen.add(key);
    points.push(p);
  };
  for (const s of Settlements.parse(read('khmilnytska-hromada.json')).settlements) {
    if (typeof s.lat === 'number' && typeof s.lon === 'number')
      add({ name: s.name_uk, set: 'khmilnytska', lat: s.lat, lon: s.lon });
  }
  for (const c of Centres.parse(read('vinnytsia-oblast-centres.json'))) {
    add({ name: c.center_uk, set: 'oblast-centres', lat: c.lat, lon: c.lon });
  }
  return points;
}

export interface RecordOptions {
  ors: OrsTravelTimes;
  host: string;
  points: RecordedPoint[];
  profile: TravelProfile;
  now?: () => Date;
}

/**
 * Asks openrouteservice (the platform's own adapter: blocks within the per-request limit, the
 * quota, retries) for every pair of points. A cell the adapter had to estimate (unroutable, or
 * its block failing after the last retry) is recorded as null: a recording holds only answers.
 */
export async function recordOrsMatrix(options: RecordOptions): Promise<RecordedMatrix> {
  const { ors, points, profile } = options;
  const all = points.map((_, i) => i);
  const answer = await ors.rectangle(points, { sources: all, destinations: all }, profile);
  const durations: (number | null)[][] = answer.durations.map((row) => [...row]);
  const distances: (number | null)[][] = answer.distances.map((row) => [...row]);
  for (const [i, j] of answer.estimated) {
    durations[i]![j] = null;
    distances[i]![j] = null;
  }
  return RecordedMatrix.parse({
    kind: 'ors-matrix-recording',
    recordedAt: (options.now?.() ?? new Date()).toISOString(),
    source: {
      service: 'openrouteservice',
      host: options.host,
      engineVersion: answer.engine?.version ?? null,
      buildDate: answer.engine?.build_date ?? null,
      graphDate: answer.engine?.graph_date ?? null,
    },
    profile,
    attribution: ORS_ATTRIBUTION,
    pointsAttribution: POINTS_ATTRIBUTION,
    units: { durations: 's', distances: 'm' },
    calls: answer.calls,
    unroutedCells: answer.estimated.length,
    points,
    durations,
    distances,
  });
}
