/**
 * The air-raid feed against an HTTP stub answering in alerts.in.ua's documented shapes
 * (test/support/alerts-in-ua-stub.ts): the mapping of its locations to our areas, 304s, the rate
 * limit, and every failure read as "the feed could not be read", which never ends an alert.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AirRaidFeedUnavailable,
  HttpAirRaidFeed,
  MIN_INTERVAL_MS,
} from '../../../shared/adapters/air-raid/http-air-raid-feed';
import { pollAirRaids } from '../../../shared/app/air-raid/poll-air-raids';
import { AlertsInUaStub, documentedAlert } from '../../support/alerts-in-ua-stub';
import { HROMADA, memoryPorts, seedBasics } from '../../support/fixtures';

const VINNYTSIA = 'UA05000000000010236';
const KHMILNYK_RAION = 'UA05120000000017020';
/** The deployment's table: alerts.in.ua's raion and hromada uids (made up for the stub). */
const AREAS = { '60': KHMILNYK_RAION, '1234': HROMADA };

let stub: AlertsInUaStub;
let clock: number;
let tokenReads: number;

beforeEach(async () => {
  stub = await new AlertsInUaStub('secret-token').start();
  clock = Date.parse('2026-11-24T07:00:00Z');
  tokenReads = 0;
});
afterEach(() => stub.stop());

const feedOf = () =>
  new HttpAirRaidFeed({
    url: stub.url,
    token: async () => {
      tokenReads++;
      return 'secret-token';
    },
    areas: AREAS,
    now: () => clock,
  });
const later = (ms = MIN_INTERVAL_MS) => {
  clock += ms;
};

describe('the air-raid feed in alerts.in.ua shapes', () => {
  it('keeps air-raid alerts in force: oblasts by the documented uids, raions and hromady by the table', async () => {
    stub.set([
      documentedAlert({ location_uid: '4', location_title: 'Вінницька область', location_oblast_uid: 4 }),
      documentedAlert({ location_type: 'raion', location_uid: '60', location_title: 'Хмільницький район' }),
      documentedAlert({
        location_type: 'hromada',
        location_uid: '1234',
        location_title: 'Хмільницька громада',
      }),
      documentedAlert({ location_type: 'hromada', location_uid: '999', location_title: 'Інша громада' }),
      documentedAlert({ location_type: 'city', location_uid: '31', location_title: 'м. Київ' }),
      documentedAlert({ location_uid: '22', alert_type: 'artillery_shelling' }),
      documentedAlert({ location_uid: '5', finished_at: '2026-11-24T06:50:00.000Z', calculated: false }),
      documentedAlert({ location_type: 'unknown', location_uid: '7' }),
    ]);
    expect(await feedOf().activeAreas()).toEqual([
      { level: 'oblast', id: VINNYTSIA },
      { level: 'raion', id: KHMILNYK_RAION },
      { level: 'hromada', id: HROMADA },
      { level: 'oblast', id: 'UA80000000000093317' },
    ]);
    expect(stub.requests).toEqual([{ auth: 'Bearer secret-token', status: 200 }]);
  });

  it('asks with If-Modified-Since, keeps the last areas on a 304, and reads a change', async () => {
    stub.set([documentedAlert({ location_uid: '4' })]);
    const feed = feedOf();
    const first = await feed.activeAreas();
    later(60_000);
    expect(await feed.activeAreas()).toEqual(first);
    expect(stub.requests[1]).toMatchObject({ status: 304, ifModifiedSince: expect.any(String) });
    stub.set([]);
    later(60_000);
    expect(await feed.activeAreas()).toEqual([]);
    expect(stub.requests.map((r) => r.status)).toEqual([200, 304, 200]);
    expect(tokenReads).toBe(1);
  });

  it('asks at most 8 times a minute, and after a 429 not before its Retry-After', async () => {
    const feed = feedOf();
    await feed.activeAreas();
    later(1000);
    await expect(feed.activeAreas()).rejects.toThrow(/too soon/);
    expect(stub.requests).toHaveLength(1);
    later();
    stub.script.push({
      status: 429,
      body: '{"message":"Too many requests"}',
      headers: { 'retry-after': '120' },
    });
    await expect(feed.activeAreas()).rejects.toThrow(/429: Too many requests/);
    later(60_000);
    await expect(feed.activeAreas()).rejects.toThrow(/rate-limited/);
    expect(stub.requests).toHaveLength(2);
    later(61_000);
    expect(await feed.activeAreas()).toEqual([]);
    expect(stub.requests).toHaveLength(3);
  });

  it('reads the token from the secret store again after a 401', async () => {
    const feed = feedOf();
    stub.script.push({ status: 401, body: '{"message":"API error. Unauthorized."}' });
    await expect(feed.activeAreas()).rejects.toThrow(/401/);
    later();
    await feed.activeAreas();
    expect(tokenReads).toBe(2);
  });

  it.each([
    ['a 503', { status: 503, body: '<html>Bad gateway</html>' }],
    ['a 403', { status: 403, body: '{"message":"blocked"}' }],
    ['not JSON', { status: 200, body: '<html>maintenance</html>' }],
    ['no alerts list', { status: 200, body: '{"message":"ok"}' }],
    [
      'one alert without its location',
      {
        status: 200,
        body: JSON.stringify({ alerts: [{ alert_type: 'air_raid', location_type: 'oblast' }] }),
      },
    ],
    ['a 304 with nothing read before', { status: 304 }],
  ])('%s: the feed could not be read', async (_, answer) => {
    stub.script.push(answer);
    await expect(feedOf().activeAreas()).rejects.toBeInstanceOf(AirRaidFeedUnavailable);
  });
});

describe('a poll whose feed fails', () => {
  it('never ends the alert the feed started; the feed naming none ends it', async () => {
    const { ports, clock: domainClock } = memoryPorts();
    await seedBasics(ports);
    const h = (await ports.entities.hromady.get(HROMADA))!;
    await ports.entities.commit([
      {
        op: 'update',
        entity: 'Hromada',
        item: { ...h, oblastId: VINNYTSIA, version: h.version + 1 },
        expectedVersion: h.version,
      },
    ]);
    domainClock.at = new Date(clock);
    const feed = feedOf();
    stub.set([documentedAlert({ location_uid: '4', location_title: 'Вінницька область' })]);
    expect(await pollAirRaids(ports, feed)).toMatchObject({ started: 1 });
    expect(await ports.entities.airRaids.active(HROMADA)).toMatchObject({
      source: 'feed',
      area: { level: 'oblast', id: VINNYTSIA },
    });
    const failures = [
      { status: 401, body: '{"message":"API error"}' },
      { status: 429, body: '{"message":"Too many requests"}', headers: { 'retry-after': '1' } },
      { status: 500, body: '' },
      { status: 200, body: '{"alerts": [{"location_uid": null}]}' },
      { status: 200, body: 'null' },
    ];
    for (const failure of failures) {
      later(60_000);
      domainClock.at = new Date(clock);
      stub.script.push(failure);
      const run = await pollAirRaids(ports, feed);
      expect(run).toMatchObject({ ended: 0, started: 0, feedError: expect.any(String) });
      expect(await ports.entities.airRaids.active(HROMADA)).toBeDefined();
    }
    // asked too soon: nothing asked, nothing ended
    expect(await pollAirRaids(ports, feed)).toMatchObject({
      ended: 0,
      feedError: expect.stringMatching(/too soon/),
    });
    later(60_000);
    domainClock.at = new Date(clock);
    stub.set([]);
    expect(await pollAirRaids(ports, feed)).toMatchObject({ ended: 1 });
    expect(await ports.entities.airRaids.active(HROMADA)).toBeUndefined();
  });
});
