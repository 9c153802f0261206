/**
 * A7: alerts.in.ua narrows an oblast-wide alert to the hromada's raion, a raion whose uid the
 * deployment's table lacks. The hromada's feed alert must not end on that answer: the alert's
 * oblast (`location_oblast_uid`) makes the hromada "unknown this minute".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpAirRaidFeed } from '../../../shared/adapters/air-raid/http-air-raid-feed';
import { pollAirRaids } from '../../../shared/app/air-raid/poll-air-raids';
import { AlertsInUaStub, documentedAlert } from '../../support/alerts-in-ua-stub';
import { HROMADA, memoryPorts, seedBasics } from '../../support/fixtures';

const VINNYTSIA = 'UA05000000000010236';
const KHMILNYK_RAION = 'UA05120000000017020';

let stub: AlertsInUaStub;
beforeEach(async () => {
  stub = await new AlertsInUaStub('secret-token').start();
});
afterEach(() => stub.stop());

describe('an oblast alert narrowed to a raion the table lacks (A7)', () => {
  it('keeps the feed alert of the oblast’s hromady while an unmapped raion of it is under alert, ends it after', async () => {
    const { ports, clock } = memoryPorts();
    clock.at = new Date('2026-11-24T07:00:00Z');
    await seedBasics(ports);
    const h = (await ports.entities.hromady.get(HROMADA))!;
    await ports.entities.commit([
      {
        op: 'update',
        entity: 'Hromada',
        item: { ...h, oblastId: VINNYTSIA, raionId: KHMILNYK_RAION, version: h.version + 1 },
        expectedVersion: h.version,
      },
    ]);
    // the table knows no raion: only oblast-wide alerts are mapped
    const feed = new HttpAirRaidFeed({
      url: stub.url,
      token: async () => 'secret-token',
      areas: {},
      now: () => clock.now().getTime(),
    });
    const minute = () => {
      clock.at = new Date(clock.now().getTime() + 60_000);
    };
    stub.set([
      documentedAlert({ location_uid: '4', location_title: 'Вінницька область', location_oblast_uid: 4 }),
    ]);
    expect(await pollAirRaids(ports, feed)).toMatchObject({ started: 1 });
    const alert = (await ports.entities.airRaids.active(HROMADA))!;

    minute();
    stub.set([
      documentedAlert({
        location_type: 'raion',
        location_uid: '61',
        location_title: 'Хмільницький район',
        location_oblast: 'Вінницька область',
        location_oblast_uid: 4,
      }),
    ]);
    expect(await pollAirRaids(ports, feed)).toMatchObject({ ended: 0, unsure: [HROMADA] });
    expect(await ports.entities.airRaids.active(HROMADA)).toMatchObject({ id: alert.id });

    // an unmapped raion of another oblast says nothing about ours
    minute();
    stub.set([documentedAlert({ location_type: 'raion', location_uid: '70', location_oblast_uid: 3 })]);
    expect(await pollAirRaids(ports, feed)).toMatchObject({ ended: 1, unsure: [] });
    expect(await ports.entities.airRaids.active(HROMADA)).toBeUndefined();
  });
});
