import type { Server } from 'node:http';
import { closeServer, listenLocally } from './local-http-server';

/**
 * An HTTP stub of api.ukrainealarm.com's v3 API, answering in the shapes its clients read
 * (shared/adapters/air-raid/ukrainealarm-air-raid-feed.ts names them): the key checked as the bare
 * `Authorization` value (401 otherwise), `GET /api/v3/alerts/status` → `{lastActionIndex}` written
 * as a raw integer larger than 2^53 (as the real one is), `GET /api/v3/alerts` → the regions with
 * their active alerts, `GET /api/v3/regions` → the states tree. A test scripts the next answers of
 * a path (a 5xx, a 429 with `Retry-After`, a malformed body…).
 */
export interface StubActiveAlert {
  regionId: string;
  regionType: string;
  type: 'AIR' | 'ARTILLERY' | 'URBAN_FIGHTS' | 'CHEMICAL' | 'NUCLEAR' | 'INFO' | 'CUSTOM' | 'UNKNOWN';
  lastUpdate: string;
}
export interface StubRegionAlerts {
  regionId: string;
  regionType: 'State' | 'District' | 'Community' | 'CityOrVillage';
  regionName: string;
  regionEngName: string;
  lastUpdate: string;
  activeAlerts: StubActiveAlert[];
}
export interface StubRegionNode {
  regionId: string;
  regionName: string;
  regionType: string;
  regionChildIds?: StubRegionNode[];
}

/** A region with one alert (AIR unless told): Хмельницька область (3) unless told otherwise. */
export function regionAlert(
  fields: Partial<Omit<StubRegionAlerts, 'activeAlerts'>> = {},
  type: StubActiveAlert['type'] = 'AIR',
): StubRegionAlerts {
  const region = {
    regionId: '3',
    regionType: 'State' as const,
    regionName: 'Хмельницька область',
    regionEngName: 'Khmelnytska region',
    lastUpdate: '2026-11-24T06:45:39Z',
    ...fields,
  };
  const alert = {
    regionId: region.regionId,
    regionType: region.regionType,
    type,
    lastUpdate: region.lastUpdate,
  };
  return { ...region, activeAlerts: [alert] };
}

/** A small tree: Вінницька область (4) with a district and a community (ids made up for the stub). */
export const STUB_TREE: StubRegionNode[] = [
  {
    regionId: '4',
    regionName: 'Вінницька область',
    regionType: 'State',
    regionChildIds: [
      {
        regionId: '34',
        regionName: 'Хмільницький район',
        regionType: 'District',
        regionChildIds: [
          { regionId: '501', regionName: 'Хмільницька територіальна громада', regionType: 'Community' },
        ],
      },
    ],
  },
  { regionId: '31', regionName: 'м. Київ', regionType: 'State', regionChildIds: [] },
  { regionId: '0', regionName: 'Тестовий регіон', regionType: 'State', regionChildIds: [] },
];

export interface UkrainealarmStubRequest {
  path: string;
  auth?: string;
  status: number;
}

type Scripted = { status: number; body?: string; headers?: Record<string, string> };

export class UkrainealarmStub {
  readonly requests: UkrainealarmStubRequest[] = [];
  /** Scripted answers by path (`/api/v3/alerts/status`, `/api/v3/alerts`, `/api/v3/regions`). */
  readonly script = new Map<string, Scripted[]>();
  tree: StubRegionNode[] = STUB_TREE;
  private alerts: StubRegionAlerts[] = [];
  /** Above 2^53: a change of one must still be told apart. */
  private index = 639_258_728_888_077_549n;
  private server: Server | undefined;
  baseUrl = '';
  constructor(readonly key = 'stub-key') {}

  /** The regions under alert from now on (the index moves by one). */
  set(alerts: StubRegionAlerts[]) {
    this.alerts = alerts;
    this.index += 1n;
  }

  /** The regions under alert from now on, the index left as it was (a change it failed to tell). */
  quietly(alerts: StubRegionAlerts[]) {
    this.alerts = alerts;
  }

  /** The next answer of a path. */
  next(path: string, answer: Scripted) {
    this.script.set(path, [...(this.script.get(path) ?? []), answer]);
  }

  async start(): Promise<this> {
    const { server, origin } = await listenLocally((req, res) => {
      const path = (req.url ?? '').split('?')[0]!;
      const [status, body, headers] = this.answer(path, req.headers.authorization);
      this.requests.push({
        path,
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
        status,
      });
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
    });
    this.server = server;
    this.baseUrl = origin;
    return this;
  }

  async stop() {
    await closeServer(this.server);
  }

  paths(): string[] {
    return this.requests.map((r) => r.path);
  }

  private answer(path: string, auth: string | undefined): [number, string, Record<string, string>] {
    const scripted = this.script.get(path)?.shift();
    if (scripted) return [scripted.status, scripted.body ?? '', scripted.headers ?? {}];
    if (auth !== this.key) return [401, '', {}];
    switch (path) {
      case '/api/v3/alerts/status':
        // written by hand: JSON.stringify cannot write a bigint, and a number would lose digits
        return [200, `{"lastActionIndex":${this.index}}`, {}];
      case '/api/v3/alerts':
        return [200, JSON.stringify(this.alerts), {}];
      case '/api/v3/regions':
        return [200, JSON.stringify({ states: this.tree }), {}];
      default:
        return [404, '', {}];
    }
  }
}
