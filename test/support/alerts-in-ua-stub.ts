import type { Server } from 'node:http';
import { closeServer, listenLocally } from './local-http-server';

/**
 * An HTTP stub of alerts.in.ua's `GET /v1/alerts/active.json`, answering in the documented shapes
 * (https://devs.alerts.in.ua): the bearer token checked (401 `{message}` otherwise), the active
 * alerts as `{alerts: [...]}` with every documented field, `Last-Modified` on each answer and 304
 * to an `If-Modified-Since` that is not older, 429 past the hard limit of 12 requests a minute.
 * A test scripts the next answers (a 5xx, a 429 with `Retry-After`, a malformed body…).
 */
export interface DocumentedAlert {
  id: number;
  location_title: string;
  location_type: 'oblast' | 'raion' | 'city' | 'hromada' | 'unknown';
  started_at: string;
  finished_at: string | null;
  updated_at: string;
  alert_type: 'air_raid' | 'artillery_shelling' | 'urban_fights' | 'chemical' | 'nuclear';
  location_uid: string;
  location_oblast: string;
  location_oblast_uid: number;
  location_raion?: string;
  notes: string | null;
  calculated: boolean | null;
}

/** A documented alert: Хмельницька область (uid 3) unless told otherwise. */
export function documentedAlert(fields: Partial<DocumentedAlert> = {}): DocumentedAlert {
  return {
    id: 10,
    location_title: 'Хмельницька область',
    location_type: 'oblast',
    started_at: '2026-11-24T06:45:39.000Z',
    finished_at: null,
    updated_at: '2026-11-24T06:45:40.316Z',
    alert_type: 'air_raid',
    location_uid: '3',
    location_oblast: 'Хмельницька область',
    location_oblast_uid: 3,
    notes: null,
    calculated: null,
    ...fields,
  };
}

export interface StubRequest {
  auth?: string;
  ifModifiedSince?: string;
  status: number;
}

type Scripted = { status: number; body?: string; headers?: Record<string, string> };

export class AlertsInUaStub {
  readonly requests: StubRequest[] = [];
  readonly script: Scripted[] = [];
  private alerts: DocumentedAlert[] = [];
  private modified = new Date('2026-11-24T06:00:00Z');
  private server: Server | undefined;
  url = '';
  constructor(readonly token = 'stub-token') {}

  /** The alerts in force from now on (a new Last-Modified, a second later than the last). */
  set(alerts: DocumentedAlert[]) {
    this.alerts = alerts;
    this.modified = new Date(this.modified.getTime() + 1000);
  }

  async start(): Promise<this> {
    const { server, origin } = await listenLocally((req, res) => {
      const [status, body, headers] = this.answer(
        req.headers.authorization,
        req.headers['if-modified-since'],
      );
      this.requests.push({
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
        ...(req.headers['if-modified-since'] ? { ifModifiedSince: req.headers['if-modified-since'] } : {}),
        status,
      });
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
    });
    this.server = server;
    this.url = `${origin}/v1/alerts/active.json`;
    return this;
  }

  async stop() {
    await closeServer(this.server);
  }

  private answer(
    auth: string | undefined,
    since: string | undefined,
  ): [number, string, Record<string, string>] {
    const error = (message: string) => JSON.stringify({ message });
    const scripted = this.script.shift();
    if (scripted) return [scripted.status, scripted.body ?? '', scripted.headers ?? {}];
    if (auth !== `Bearer ${this.token}`) return [401, error('API error. Unauthorized.'), {}];
    const minuteAgo = Date.now() - 60_000;
    if (this.recent.filter((t) => t > minuteAgo).length >= 12) return [429, error('Too many requests'), {}];
    this.recent.push(Date.now());
    const lastModified = this.modified.toUTCString();
    if (since && Date.parse(since) >= Math.floor(this.modified.getTime() / 1000) * 1000)
      return [304, '', { 'last-modified': lastModified }];
    return [200, JSON.stringify({ alerts: this.alerts }), { 'last-modified': lastModified }];
  }

  private recent: number[] = [];
}
