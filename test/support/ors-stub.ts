import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { estimateMatrix, RURAL_CAR } from '../../shared/adapters/offline-travel-times/offline-travel-times';

/** Хмільник, Березна, Великий Митник, Кожухів, Порик (real coordinates from the demo data). */
export const DEMO_POINTS = [
  { lat: 49.556175, lon: 27.9491205 },
  { lat: 49.56085, lon: 27.84392 },
  { lat: 49.589581, lon: 28.011806 },
  { lat: 49.47, lon: 28.05 },
  { lat: 49.6, lon: 27.75 },
];

export interface OrsStubRequest {
  path: string;
  auth?: string;
  body: {
    locations: number[][];
    sources: number[];
    destinations: number[];
    options?: unknown;
    /** Directions: the waypoints. */
    coordinates?: number[][];
  };
}

/**
 * An HTTP stub of openrouteservice's POST /v2/matrix/{profile} on loopback: it answers every cell
 * with 1.1 × the offline estimate (so a routed cell is told from an estimated one), records every
 * request, and lets a test script the next answers (429, 503, null cells…). POST
 * /v2/directions/{profile}/geojson gets a FeatureCollection whose line runs through the waypoints
 * with a midpoint between each two (so a road is told from straight lines).
 */
export class OrsStub {
  readonly requests: OrsStubRequest[] = [];
  /** `answer`: what an unscripted request gets (default: `routed`). */
  constructor(private readonly answer: (body: OrsStubRequest['body']) => [number, unknown] = routed) {}
  readonly script: Array<(body: OrsStubRequest['body']) => [number, unknown]> = [];
  host = '';
  /** Each answer waits this long (a real service's latency, for the benchmarks). */
  latencyMs = 0;
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => {
        const body = JSON.parse(raw);
        const path = req.url ?? '';
        this.requests.push({ path, auth: req.headers.authorization, body });
        const fallback = path.includes('/directions/') ? directions : this.answer;
        const [status, payload] = (this.script.shift() ?? fallback)(body);
        const send = () =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
        if (this.latencyMs > 0) setTimeout(send, this.latencyMs);
        else send();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.host = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Cells asked for so far (sources × destinations, over every request). */
  cells(): number {
    return this.requests.reduce((n, r) => n + r.body.sources.length * r.body.destinations.length, 0);
  }
}

/** 1.1 × the offline estimate, whole seconds and metres. */
export function routed(body: OrsStubRequest['body']): [number, unknown] {
  const points = body.locations.map(([lon, lat]) => ({ lat: lat!, lon: lon! }));
  const m = estimateMatrix(points, RURAL_CAR);
  const pick = (x: number[][]) =>
    body.sources.map((s) => body.destinations.map((d) => Math.round(1.1 * x[s]![d]!)));
  return [200, { durations: pick(m.durations), distances: pick(m.distances) }];
}

/** Directions as GeoJSON: the waypoints with a midpoint between each two, and a summary. */
export function directions(body: OrsStubRequest['body']): [number, unknown] {
  const wp = body.coordinates ?? [];
  const line: number[][] = [];
  wp.forEach((p, i) => {
    if (i > 0) line.push([(wp[i - 1]![0]! + p[0]!) / 2, (wp[i - 1]![1]! + p[1]!) / 2 + 0.001]);
    line.push(p);
  });
  return [
    200,
    {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: line },
          properties: { summary: { distance: 1000 * wp.length, duration: 60 * wp.length } },
        },
      ],
    },
  ];
}
