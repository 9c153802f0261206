/**
 * The air-raid feed against an HTTP stub answering in ukrainealarm.com's v3 shapes
 * (test/support/ukrainealarm-stub.ts): the key sent as it is, the mapping of its regions to our
 * areas, the status short-cut before the full list, the rate limit, and every failure read as "the
 * feed could not be read", which never ends an alert.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AirRaidFeedUnavailable, MIN_INTERVAL_MS } from '../../../shared/adapters/air-raid/feed-gate';
import {
  FULL_READ_EVERY_MS,
  REGION_TREE_RETRY_MS,
  UkrainealarmAirRaidFeed,
} from '../../../shared/adapters/air-raid/ukrainealarm-air-raid-feed';
import { pollAirRaids } from '../../../shared/app/air-raid/poll-air-raids';
import { HROMADA, memoryPorts, seedBasics } from '../../support/fixtures';
import {
  regionAlert,
  STUB_TREE,
  type StubRegionNode,
  UkrainealarmStub,
} from '../../support/ukrainealarm-stub';

const VINNYTSIA = 'UA05000000000010236';
const KHMELNYTSKA = 'UA68000000000099709';
const KYIV_CITY = 'UA80000000000093317';
const CRIMEA = 'UA01000000000013043';
const KHMILNYK_RAION = 'UA05120000000017020';
/** The deployment's table: ukrainealarm's district and community ids (made up for the stub). */
const AREAS = { '34': KHMILNYK_RAION, '501': HROMADA, '1293': 'kharkiv' };
const STATUS = '/api/v3/alerts/status';
const ALERTS = '/api/v3/alerts';
const REGIONS = '/api/v3/regions';
/** The stub's tree with one more community under Вінницька область (4). */
const treeWith = (community: StubRegionNode): StubRegionNode[] => [
  { ...STUB_TREE[0]!, regionChildIds: [...(STUB_TREE[0]!.regionChildIds ?? []), community] },
  ...STUB_TREE.slice(1),
];

let stub: UkrainealarmStub;
let clock: number;
let tokenReads: number;

beforeEach(async () => {
  stub = await new UkrainealarmStub('57fe8a39:7698ad50').start();
  clock = Date.parse('2026-11-24T07:00:00Z');
  tokenReads = 0;
});
afterEach(() => stub.stop());

const feedOf = (areas: Record<string, string> = AREAS) =>
  new UkrainealarmAirRaidFeed({
    baseUrl: stub.baseUrl,
    token: async () => {
      tokenReads++;
      return '57fe8a39:7698ad50';
    },
    areas,
    now: () => clock,
  });
const later = (ms = MIN_INTERVAL_MS) => {
  clock += ms;
};

describe('the air-raid feed in ukrainealarm.com shapes', () => {
  it('keeps regions under an AIR alert: states by the built-in ids, districts and communities by the table', async () => {
    stub.set([
      regionAlert({ regionId: '4', regionName: 'Вінницька область' }),
      regionAlert({ regionId: '34', regionType: 'District', regionName: 'Хмільницький район' }),
      regionAlert({ regionId: '501', regionType: 'Community', regionName: 'Хмільницька громада' }),
      regionAlert({ regionId: '31', regionName: 'м. Київ' }),
      regionAlert({ regionId: '9999', regionName: 'Автономна Республіка Крим' }),
      // a city listed among the states: not an oblast, so only through the table, as a hromada
      regionAlert({ regionId: '1293', regionName: 'м. Харків та Харківська територіальна громада' }),
      regionAlert({ regionId: '22', regionName: 'Харківська область' }, 'ARTILLERY'),
      regionAlert({ regionId: '12', regionName: 'Запорізька область' }, 'URBAN_FIGHTS'),
      regionAlert({ regionId: '0', regionName: 'Тестовий регіон' }),
      { ...regionAlert({ regionId: '3' }), activeAlerts: [] },
    ]);
    const feed = feedOf();
    expect(await feed.activeAreas()).toEqual([
      { level: 'oblast', id: VINNYTSIA },
      { level: 'raion', id: KHMILNYK_RAION },
      { level: 'hromada', id: HROMADA },
      { level: 'oblast', id: KYIV_CITY },
      { level: 'oblast', id: CRIMEA },
      { level: 'hromada', id: 'kharkiv' },
    ]);
    expect(feed.unmappedOblasts()).toEqual([]);
    // the key as it is, no Bearer; the tree is not read when every region is mapped
    expect(stub.requests).toEqual([
      { path: STATUS, auth: '57fe8a39:7698ad50', status: 200 },
      { path: ALERTS, auth: '57fe8a39:7698ad50', status: 200 },
    ]);
  });

  it('asks the status first and reads the list only when its index moved, by one past 2^53', async () => {
    stub.set([regionAlert({ regionId: '3' })]);
    const feed = feedOf();
    expect(await feed.activeAreas()).toEqual([{ level: 'oblast', id: KHMELNYTSKA }]);
    later(60_000);
    expect(await feed.activeAreas()).toEqual([{ level: 'oblast', id: KHMELNYTSKA }]);
    expect(stub.paths()).toEqual([STATUS, ALERTS, STATUS]);
    stub.set([]);
    later(60_000);
    expect(await feed.activeAreas()).toEqual([]);
    expect(stub.paths()).toEqual([STATUS, ALERTS, STATUS, STATUS, ALERTS]);
    expect(tokenReads).toBe(1);
  });

  it('keeps the oblast of an AIR alert at a region the table lacks, by the region tree read once', async () => {
    stub.set([regionAlert({ regionId: '501', regionType: 'Community', regionName: 'Хмільницька громада' })]);
    const feed = feedOf({});
    expect(await feed.activeAreas()).toEqual([]);
    expect(feed.unmappedOblasts()).toEqual([VINNYTSIA]);
    stub.set([regionAlert({ regionId: '34', regionType: 'District', regionName: 'Хмільницький район' })]);
    later(60_000);
    await feed.activeAreas();
    expect(feed.unmappedOblasts()).toEqual([VINNYTSIA]);
    expect(stub.paths().filter((p) => p === REGIONS)).toHaveLength(1);
  });

  it('a region the cached tree lacks: the tree is read again (at most every 10 minutes); still unknown, every oblast is unsure while mapped alerts still count', async () => {
    stub.set([regionAlert({ regionId: '501', regionType: 'Community' })]);
    const feed = feedOf({});
    await feed.activeAreas(); // the tree read and cached
    // the provider adds community 777 under Вінницька (its regions were re-divided in Nov 2025)
    stub.tree = treeWith({ regionId: '777', regionName: 'нова громада', regionType: 'Community' });
    stub.set([regionAlert({ regionId: '777', regionType: 'Community', regionName: 'нова громада' })]);
    later(REGION_TREE_RETRY_MS);
    await feed.activeAreas();
    expect(feed.unmappedOblasts()).toEqual([VINNYTSIA]);
    expect(stub.paths().filter((p) => p === REGIONS)).toHaveLength(2);
    // one the fresh tree lacks too: not dropped — no oblast can be ruled out, so every one is
    // unsure — while an alert it can place (Хмельницька) still counts; the tree is not asked at once
    stub.set([
      regionAlert({ regionId: '778', regionType: 'Community', regionName: 'ще новіша' }),
      regionAlert({ regionId: '3' }),
    ]);
    later(60_000);
    expect(await feed.activeAreas()).toEqual([{ level: 'oblast', id: KHMELNYTSKA }]);
    expect(feed.unmappedOblasts()).toEqual(expect.arrayContaining([VINNYTSIA, KHMELNYTSKA]));
    expect(feed.unmappedOblasts().length).toBeGreaterThanOrEqual(25);
    later(60_000);
    await feed.activeAreas();
    expect(stub.paths().filter((p) => p === REGIONS)).toHaveLength(2);
    stub.tree = treeWith({ regionId: '778', regionName: 'ще новіша', regionType: 'Community' });
    later(REGION_TREE_RETRY_MS);
    await feed.activeAreas();
    expect(feed.unmappedOblasts()).toEqual([VINNYTSIA]);
    expect(stub.paths().filter((p) => p === REGIONS)).toHaveLength(3);
  });

  it('reads the full list at least every 10 minutes though the index stays', async () => {
    stub.set([regionAlert({ regionId: '3' })]);
    const feed = feedOf();
    await feed.activeAreas();
    later(FULL_READ_EVERY_MS - 60_000);
    await feed.activeAreas();
    expect(stub.paths()).toEqual([STATUS, ALERTS, STATUS]);
    // the list changed and the index did not say so: the next full read still finds it
    stub.quietly([]);
    later(60_000);
    expect(await feed.activeAreas()).toEqual([]);
    expect(stub.paths()).toEqual([STATUS, ALERTS, STATUS, STATUS, ALERTS]);
  });

  it('polls at most 8 times a minute, and after a 429 not before its Retry-After', async () => {
    const feed = feedOf();
    await feed.activeAreas();
    later(1000);
    await expect(feed.activeAreas()).rejects.toThrow(/too soon/);
    expect(stub.requests).toHaveLength(2);
    later();
    stub.next(STATUS, {
      status: 429,
      body: '{"message":"Too many requests"}',
      headers: { 'retry-after': '120' },
    });
    await expect(feed.activeAreas()).rejects.toThrow(/429: Too many requests/);
    later(60_000);
    await expect(feed.activeAreas()).rejects.toThrow(/rate-limited/);
    expect(stub.requests).toHaveLength(3);
    later(61_000);
    expect(await feed.activeAreas()).toEqual([]);
    expect(stub.requests).toHaveLength(4);
  });

  it('reads the key from the secret store again after a 401 or a 403', async () => {
    const feed = feedOf();
    stub.next(STATUS, { status: 401 });
    await expect(feed.activeAreas()).rejects.toThrow(/401/);
    later();
    await feed.activeAreas();
    expect(tokenReads).toBe(2);
    later();
    stub.set([]);
    stub.next(ALERTS, { status: 403 });
    await expect(feed.activeAreas()).rejects.toThrow(/403/);
    later();
    await feed.activeAreas();
    expect(tokenReads).toBe(3);
  });

  it.each([
    ['status 503', STATUS, { status: 503, body: '<html>Bad gateway</html>' }, /503/],
    ['alerts not JSON', ALERTS, { status: 200, body: '<html>maintenance</html>' }, /not JSON/],
    ['status without its index', STATUS, { status: 200, body: '{"index": 1}' }, /at lastActionIndex/],
    ['alerts not a list', ALERTS, { status: 200, body: '{"alerts": []}' }, /unexpected answer/],
    [
      'one region without its id',
      ALERTS,
      { status: 200, body: JSON.stringify([regionAlert(), { ...regionAlert(), regionId: null }]) },
      /at 1\.regionId/,
    ],
    [
      'one alert without its type',
      ALERTS,
      { status: 200, body: JSON.stringify([{ ...regionAlert(), activeAlerts: [{ regionId: '3' }] }]) },
      /at 0\.activeAlerts\.0\.type/,
    ],
  ])('%s: the feed could not be read, naming where', async (_, path, answer, message) => {
    stub.set([]);
    stub.next(path, answer);
    const failure = feedOf().activeAreas();
    await expect(failure).rejects.toBeInstanceOf(AirRaidFeedUnavailable);
    await expect(failure).rejects.toThrow(message);
  });

  it('a region tree it cannot read when needed: nothing is read, and the next poll asks the list again', async () => {
    stub.set([regionAlert({ regionId: '501', regionType: 'Community' })]);
    stub.next(REGIONS, { status: 500 });
    const feed = feedOf({});
    await expect(feed.activeAreas()).rejects.toThrow(/500/);
    later();
    await feed.activeAreas();
    expect(feed.unmappedOblasts()).toEqual([VINNYTSIA]);
    expect(stub.paths()).toEqual([STATUS, ALERTS, REGIONS, STATUS, ALERTS, REGIONS]);
  });
});

/** The demo hromada, in Вінницька область, and the domain clock at the feed's. */
async function hromadaInVinnytsia() {
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
  return { ports, domainClock };
}

describe('a poll whose ukrainealarm feed fails', () => {
  it('an AIR alert at a community newer than the cached tree does not end the alert of a hromada in its oblast', async () => {
    const { ports, domainClock } = await hromadaInVinnytsia();
    const feed = feedOf({});
    stub.set([regionAlert({ regionId: '4' }), regionAlert({ regionId: '501', regionType: 'Community' })]);
    expect(await pollAirRaids(ports, feed)).toMatchObject({ started: 1 }); // the tree read here
    // the API adds community 9001 under Вінницька; the cached tree is a minute old
    stub.tree = treeWith({ regionId: '9001', regionName: 'нова громада', regionType: 'Community' });
    stub.set([regionAlert({ regionId: '9001', regionType: 'Community' })]);
    later(60_000);
    domainClock.at = new Date(clock);
    const unplaced = await pollAirRaids(ports, feed);
    expect(unplaced).toMatchObject({ ended: 0, unsure: [HROMADA] });
    expect(unplaced.feedError).toBeUndefined();
    expect(await ports.entities.airRaids.active(HROMADA)).toBeDefined();
    // ten minutes on, the tree read again places 9001 in Вінницька: the alert is held, not ended
    later(REGION_TREE_RETRY_MS);
    domainClock.at = new Date(clock);
    expect(await pollAirRaids(ports, feed)).toMatchObject({ ended: 0, unsure: [HROMADA] });
    expect(await ports.entities.airRaids.active(HROMADA)).toBeDefined();
  });

  it('never ends the alert the feed started; the feed naming none ends it', async () => {
    const { ports, domainClock } = await hromadaInVinnytsia();
    const feed = feedOf();
    stub.set([regionAlert({ regionId: '4', regionName: 'Вінницька область' })]);
    expect(await pollAirRaids(ports, feed)).toMatchObject({ started: 1 });
    stub.set([]);
    const failures: Array<[string, { status: number; body?: string; headers?: Record<string, string> }]> = [
      [STATUS, { status: 401 }],
      [STATUS, { status: 429, headers: { 'retry-after': '1' } }],
      [ALERTS, { status: 500 }],
      [ALERTS, { status: 200, body: '[{"regionId": null}]' }],
      [ALERTS, { status: 200, body: 'null' }],
    ];
    for (const [path, failure] of failures) {
      later(60_000);
      domainClock.at = new Date(clock);
      stub.next(path, failure);
      expect(await pollAirRaids(ports, feed)).toMatchObject({ ended: 0, feedError: expect.any(String) });
      expect(await ports.entities.airRaids.active(HROMADA)).toBeDefined();
    }
    later(60_000);
    domainClock.at = new Date(clock);
    expect(await pollAirRaids(ports, feed)).toMatchObject({ ended: 1 });
    expect(await ports.entities.airRaids.active(HROMADA)).toBeUndefined();
  });
});
