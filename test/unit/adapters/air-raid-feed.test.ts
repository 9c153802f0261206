import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { airRaidFeedFromConfig } from '../../../shared/adapters/air-raid/air-raid-feed-from-config';
import { HttpAirRaidFeed } from '../../../shared/adapters/air-raid/http-air-raid-feed';
import { StubAirRaidFeed } from '../../../shared/adapters/air-raid/stub-air-raid-feed';
import { UkrainealarmAirRaidFeed } from '../../../shared/adapters/air-raid/ukrainealarm-air-raid-feed';
import { ConfigError, loadConfig } from '../../../shared/config/config';

const BASE = { TABLE_NAME: 'hromada', AWS_REGION: 'eu-central-1', SMS_TRANSPORT: 'sns' };

function recordingFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; auth: string | null }> = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({ url, auth: new Headers(init.headers).get('authorization') });
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { calls, fetcher };
}

describe('the air-raid feed over HTTP', () => {
  it('sends the token from the secret store as a bearer, reads it once, keeps air-raid alerts in force', async () => {
    let reads = 0;
    const { calls, fetcher } = recordingFetch(200, {
      alerts: [
        { location_uid: 24, location_type: 'oblast', alert_type: 'air_raid', finished_at: null },
        { location_uid: '147', location_type: 'raion', alert_type: 'air_raid' },
        { location_uid: '9', location_type: 'city', alert_type: 'air_raid' },
        { location_uid: '5', location_type: 'oblast', alert_type: 'artillery_shelling' },
        {
          location_uid: '6',
          location_type: 'oblast',
          alert_type: 'air_raid',
          finished_at: '2026-11-24T07:00:00Z',
        },
      ],
    });
    let now = 0;
    const feed = new HttpAirRaidFeed({
      url: 'https://alerts.example/v1/alerts/active.json',
      token: async () => {
        reads++;
        return 'secret-token';
      },
      // the deployment's table knows the raion, not the city
      areas: { '147': 'UA05120000000017020' },
      fetch: fetcher,
      now: () => now,
    });
    expect(await feed.activeAreas()).toEqual([
      { level: 'oblast', id: 'UA71000000000010357' },
      { level: 'raion', id: 'UA05120000000017020' },
    ]);
    now += 60_000;
    await feed.activeAreas();
    expect(reads).toBe(1);
    expect(calls[0]).toEqual({
      url: 'https://alerts.example/v1/alerts/active.json',
      auth: 'Bearer secret-token',
    });
  });

  it('throws on an error answer, so the poll ends nothing', async () => {
    const { fetcher } = recordingFetch(503, {});
    const feed = new HttpAirRaidFeed({
      url: 'https://alerts.example/',
      token: async () => 't',
      fetch: fetcher,
    });
    await expect(feed.activeAreas()).rejects.toThrow(/503/);
  });
});

describe('the local stub feed and the configuration', () => {
  it('reads the areas from a JSON file; no file, no alert', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'air-raid-'));
    const file = join(dir, 'air-raids.json');
    const feed = new StubAirRaidFeed(file);
    expect(await feed.activeAreas()).toEqual([]);
    writeFileSync(file, JSON.stringify([{ level: 'hromada', id: 'khm' }]));
    expect(await feed.activeAreas()).toEqual([{ level: 'hromada', id: 'khm' }]);
    expect(
      airRaidFeedFromConfig(loadConfig({ ...BASE, AIR_RAID_FEED: 'stub', AIR_RAID_STUB_FILE: file })),
    ).toBeInstanceOf(StubAirRaidFeed);
  });

  it('an http feed needs its URL and the secret holding its token, never a plain token', () => {
    expect(() =>
      loadConfig({ ...BASE, AIR_RAID_FEED: 'http', AIR_RAID_FEED_URL: 'https://alerts.example/' }),
    ).toThrow(ConfigError);
    const config = loadConfig({
      ...BASE,
      AIR_RAID_FEED: 'http',
      AIR_RAID_FEED_URL: 'https://alerts.example/',
      AIR_RAID_FEED_TOKEN_SECRET_ID: 'hromada/air-raid-token',
    });
    expect(airRaidFeedFromConfig(config)).toBeInstanceOf(HttpAirRaidFeed);
    expect(loadConfig(BASE).AIR_RAID_FEED).toBe('none');
  });

  it('ukrainealarm is chosen by AIR_RAID_FEED, needs the secret holding its key, its URL optional', () => {
    expect(() => loadConfig({ ...BASE, AIR_RAID_FEED: 'ukrainealarm' })).toThrow(
      /AIR_RAID_FEED_TOKEN_SECRET_ID/,
    );
    const config = loadConfig({
      ...BASE,
      AIR_RAID_FEED: 'ukrainealarm',
      AIR_RAID_FEED_TOKEN_SECRET_ID: 'hromada/air-raid-token',
      AIR_RAID_FEED_AREAS: '{"34": "UA05120000000017020"}',
    });
    expect(airRaidFeedFromConfig(config)).toBeInstanceOf(UkrainealarmAirRaidFeed);
    expect(() => loadConfig({ ...BASE, AIR_RAID_FEED: 'alerts' })).toThrow(ConfigError);
  });

  it("ukrainealarm at cold start: alerts.in.ua's URL refused, its own base an https origin (http only for a local stub)", () => {
    const ua = {
      ...BASE,
      AIR_RAID_FEED: 'ukrainealarm',
      AIR_RAID_FEED_TOKEN_SECRET_ID: 'hromada/air-raid-token',
    };
    const alertsInUa = 'https://api.alerts.in.ua/v1/alerts/active.json';
    expect(() => loadConfig({ ...ua, AIR_RAID_FEED_URL: alertsInUa })).toThrow(
      /AIR_RAID_FEED_URL is alerts\.in\.ua's URL, not ukrainealarm's/,
    );
    expect(() => loadConfig({ ...ua, AIR_RAID_FEED_BASE_URL: alertsInUa })).toThrow(/base URL only/);
    expect(() => loadConfig({ ...ua, AIR_RAID_FEED_BASE_URL: 'http://api.ukrainealarm.com' })).toThrow(
      /https/,
    );
    expect(() => loadConfig({ ...ua, AIR_RAID_FEED_BASE_URL: 'https://api.alerts.in.ua' })).toThrow(
      /alerts\.in\.ua's host/,
    );
    expect(() =>
      loadConfig({
        ...ua,
        AIR_RAID_FEED: 'http',
        AIR_RAID_FEED_URL: alertsInUa,
        AIR_RAID_FEED_BASE_URL: 'https://api.ukrainealarm.com',
      }),
    ).toThrow(/AIR_RAID_FEED_BASE_URL is ukrainealarm's/);
    expect(
      loadConfig({ ...ua, AIR_RAID_FEED_BASE_URL: 'https://proxy.example.org/' }).AIR_RAID_FEED_BASE_URL,
    ).toBe('https://proxy.example.org/');
    expect(
      loadConfig({ ...ua, AIR_RAID_FEED_BASE_URL: 'http://127.0.0.1:8080' }).AIR_RAID_FEED_BASE_URL,
    ).toBe('http://127.0.0.1:8080');
  });

  it("reads the deployment's table of the feed's raion and hromada ids, refusing one that is not JSON", () => {
    expect(
      loadConfig({ ...BASE, AIR_RAID_FEED_AREAS: '{"147": "UA05120000000017020"}' }).AIR_RAID_FEED_AREAS,
    ).toEqual({
      '147': 'UA05120000000017020',
    });
    expect(loadConfig(BASE).AIR_RAID_FEED_AREAS).toEqual({});
    expect(() => loadConfig({ ...BASE, AIR_RAID_FEED_AREAS: '147=UA05' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, AIR_RAID_FEED_AREAS: '{"Хмільник": "khm"}' })).toThrow(ConfigError);
  });
});
