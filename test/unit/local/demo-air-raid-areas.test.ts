/**
 * The demo hromady carry their oblast's and raion's KATOTTG codes (infra/local/demo-areas.ts), so
 * an oblast-wide air-raid alert read from alerts.in.ua (its uid 4, Вінницька область, answered by
 * an HTTP stub in the documented shapes) reaches the demo hromada through the poll, as it would
 * after `npm start`'s seed; an alert in another oblast does not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_HROMADA_ID } from '../../../infra/local/demo-places';
import { HLUKHOVETSKA, REGIONAL_HOME } from '../../../infra/local/demo-tours';
import { seedDemo } from '../../../infra/local/seed-demo';
import { HttpAirRaidFeed } from '../../../shared/adapters/air-raid/http-air-raid-feed';
import { pollAirRaids } from '../../../shared/app/air-raid/poll-air-raids';
import { AlertsInUaStub, documentedAlert } from '../../support/alerts-in-ua-stub';
import { FakeClock, memoryPorts } from '../../support/fixtures';

let stub: AlertsInUaStub;
beforeEach(async () => {
  stub = await new AlertsInUaStub('secret-token').start();
});
afterEach(() => stub.stop());

async function seeded() {
  const { ports } = memoryPorts(new FakeClock(new Date('2026-11-24T07:00:00Z')));
  await seedDemo(ports);
  const feed = new HttpAirRaidFeed({ url: stub.url, token: async () => 'secret-token', areas: {} });
  return { ports, feed };
}

describe('the demo hromady under an oblast-wide air-raid alert from alerts.in.ua', () => {
  it('carry the codifier codes of Вінницька область and their raions', async () => {
    const { ports } = await seeded();
    expect(await ports.entities.hromady.get(DEMO_HROMADA_ID)).toMatchObject({
      katottg: 'UA05120170000013778',
      oblastId: 'UA05000000000010236',
      raionId: 'UA05120000000017020',
    });
    expect(await ports.entities.hromady.get(REGIONAL_HOME)).toMatchObject({
      oblastId: 'UA05000000000010236',
      raionId: 'UA05020000000026686',
    });
    expect((await ports.entities.hromady.get(HLUKHOVETSKA))?.raionId).toBe('UA05120000000017020');
  });

  it('maps Вінницька область (uid 4) to the demo hromada: the poll starts its alert', async () => {
    const { ports, feed } = await seeded();
    stub.set([
      documentedAlert({ location_uid: '4', location_title: 'Вінницька область', location_oblast_uid: 4 }),
    ]);
    const run = await pollAirRaids(ports, feed);
    expect(run.feedError).toBeUndefined();
    expect(await ports.entities.airRaids.active(DEMO_HROMADA_ID)).toMatchObject({
      source: 'feed',
      area: { level: 'oblast', id: 'UA05000000000010236' },
    });
    expect(run.started).toBeGreaterThanOrEqual(1);
  });

  it('leaves it alone under an alert in Хмельницька область (uid 3)', async () => {
    const { ports, feed } = await seeded();
    stub.set([documentedAlert()]);
    const run = await pollAirRaids(ports, feed);
    expect(run).toMatchObject({ started: 0 });
    expect(await ports.entities.airRaids.active(DEMO_HROMADA_ID)).toBeUndefined();
  });
});
