import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  demoSettlements,
  ORS_ATTRIBUTION,
  RecordedMatrix,
  recordOrsMatrix,
} from '../../../scripts/lib/ors-fixture';
import {
  estimateMatrix,
  RURAL_CAR,
} from '../../../shared/adapters/offline-travel-times/offline-travel-times';
import { OrsTravelTimes } from '../../../shared/adapters/openrouteservice/ors-travel-times';
import { OrsStub, type OrsStubRequest, routed } from '../../support/ors-stub';

const points = demoSettlements();
const ENGINE = { version: '9.9.9', build_date: '2026-11-01T00:00:00Z', graph_date: '2026-11-20T00:00:00Z' };
/** The second settlement cannot be reached from the first (a null cell, as openrouteservice gives). */
const [from, to] = [points[0]!, points[1]!];

/** The stub's usual answer (1.1 × the estimate) with openrouteservice's metadata and one null cell. */
function answer(body: OrsStubRequest['body']): [number, unknown] {
  const [status, payload] = routed(body) as [
    number,
    { durations: (number | null)[][]; distances: (number | null)[][] },
  ];
  body.sources.forEach((s, a) => {
    body.destinations.forEach((d, b) => {
      const [sl, dl] = [body.locations[s]!, body.locations[d]!];
      if (sl[0] === from.lon && sl[1] === from.lat && dl[0] === to.lon && dl[1] === to.lat) {
        payload.durations[a]![b] = null;
        payload.distances[a]![b] = null;
      }
    });
  });
  return [status, { ...payload, metadata: { service: 'matrix', engine: ENGINE } }];
}

const stub = new OrsStub(answer);
beforeAll(() => stub.start());
afterAll(() => stub.stop());
beforeEach(() => {
  stub.requests.length = 0;
});

describe('recording openrouteservice’s matrix between the demo settlements', () => {
  it('reads the demo settlements with coordinates, Хмільник once', () => {
    expect(points.length).toBe(39 + 11);
    expect(points.filter((p) => p.name === 'Хмільник')).toHaveLength(1);
    expect(points.some((p) => p.set === 'oblast-centres' && p.name === 'Вінниця')).toBe(true);
  });

  it('asks in blocks within the limit, retries a 429, and writes the answers with their metadata', async () => {
    stub.script.push(() => [429, { error: 'Rate limit exceeded' }]);
    const ors = new OrsTravelTimes({
      host: stub.host,
      apiKey: 'k',
      maxCellsPerRequest: 700,
      sleep: async () => {},
    });
    const fixture = await recordOrsMatrix({
      ors,
      host: stub.host,
      points,
      profile: 'driving-car',
      now: () => new Date('2026-12-02T10:00:00Z'),
    });

    expect(() => RecordedMatrix.parse(fixture)).not.toThrow();
    expect(stub.requests.every((r) => r.body.sources.length * r.body.destinations.length <= 700)).toBe(true);
    expect(stub.cells()).toBe(
      points.length ** 2 + stub.requests[0]!.body.sources.length * stub.requests[0]!.body.destinations.length,
    );
    expect(fixture.calls).toBe(stub.requests.length);
    expect(fixture).toMatchObject({
      recordedAt: '2026-12-02T10:00:00.000Z',
      profile: 'driving-car',
      attribution: ORS_ATTRIBUTION,
      source: {
        service: 'openrouteservice',
        host: stub.host,
        engineVersion: '9.9.9',
        graphDate: ENGINE.graph_date,
      },
      unroutedCells: 1,
    });
    expect(fixture.points).toEqual(points);
    // the answers, not an estimate: 1.1 × the offline estimate is what the stub routes
    const est = estimateMatrix(points, RURAL_CAR);
    expect(fixture.durations[2]![5]).toBe(Math.round(1.1 * est.durations[2]![5]!));
    expect(fixture.distances[40]![3]).toBe(Math.round(1.1 * est.distances[40]![3]!));
    // the unrouted cell is null, not filled with the estimate
    expect(fixture.durations[0]![1]).toBeNull();
    expect(fixture.distances[0]![1]).toBeNull();
    expect(fixture.durations[1]![0]).not.toBeNull();
  });

  it('is one command: the key from the named environment variable, the fixture written to --out', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'ors-record-')), 'ors', 'recorded.json');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/ors-record.ts',
        '--key-env',
        'TEST_ORS_KEY',
        '--host',
        stub.host,
        '--out',
        out,
      ],
      { env: { ...process.env, TEST_ORS_KEY: 'secret-from-env' } },
    );
    expect(stdout).toMatch(
      /recorded 50 points \(2500 cells, 1 unrouted\).*engine 9\.9\.9, driving-car\) in 1 calls/,
    );
    expect(stub.requests.map((r) => r.auth)).toEqual(['secret-from-env']);
    expect(stub.requests[0]!.path).toBe('/v2/matrix/driving-car');
    const fixture = RecordedMatrix.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(fixture.points).toHaveLength(50);
    expect(fixture.durations[0]![1]).toBeNull();
    // a child process through tsx: its start alone can pass the unit default on a busy machine
  }, 30_000);
});
