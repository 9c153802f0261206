import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectContactFlowEventSchema } from '../../../events/contracts/connect-contact-flow';
import { callAnswerAttributes, handleCall } from '../../../shared/app/handle-call';
import { HROMADA, memoryPorts, seedBasics } from '../../support/fixtures';
import { DRIVER_PHONE, OLENA_PHONE, publishedDay } from '../app/told/told-day';

/** Connect's sample event (events/connect/contact-flow-menu.json) for this caller, state and key. */
function connectEvent(caller: string | undefined, state: string, digits: string) {
  const event = JSON.parse(
    readFileSync(new URL('../../../events/connect/contact-flow-menu.json', import.meta.url), 'utf8'),
  );
  if (caller) event.Details.ContactData.CustomerEndpoint.Address = caller;
  else delete event.Details.ContactData.CustomerEndpoint;
  event.Details.Parameters = { state, digits, tries: '0' };
  return event;
}

type Ports = ReturnType<typeof memoryPorts>['ports'];
/** One step as the ivr handler takes it: the event through the contract, the answer Connect gets. */
const step = async (ports: Ports, caller: string | undefined, state: string, digits: string) =>
  callAnswerAttributes(
    await handleCall(ports, connectContactFlowEventSchema.parse(connectEvent(caller, state, digits))),
    's3://prompts/uk',
  );

describe('the phone line driven by Connect events', () => {
  it('a known caller confirms the next ride with 1', async () => {
    const day = await publishedDay();
    const answer = await step(day.ports, OLENA_PHONE, 'main', '1');
    expect(answer).toMatchObject({ action: 'hangup', prompt: 'confirmed' });
    const ride = await day.ports.entities.requests.get(HROMADA, day.rides.olena.id);
    expect(ride?.confirmedAt).toBeDefined();
  });

  it('cancelling with 2 then 1 frees the seat and sends the driver the new route when the plan was published', async () => {
    const day = await publishedDay();
    const ask = await step(day.ports, OLENA_PHONE, 'main', '2');
    expect(ask).toMatchObject({ action: 'menu', prompt: 'cancel-ask' });
    const done = await step(day.ports, OLENA_PHONE, ask.state!, '1');
    expect(done).toMatchObject({ action: 'hangup', prompt: 'cancelled' });
    const plan = (await day.ports.entities.plans.forDay(HROMADA, day.plan.date))!;
    const onRoutes = plan.routes.flatMap((r) => r.stops.map((s) => s.requestId));
    expect(onRoutes).not.toContain(day.rides.olena.id);
    const routes = (await day.ports.outbox.listByHromada(HROMADA, { limit: 100 })).items.filter(
      (m) => m.to === DRIVER_PHONE && m.kind === 'driver-route',
    );
    // the route of the published plan, then the new one without her: one SMS more, to him only
    const toDriver = routes.filter((m) => !m.id.includes(`-v${day.plan.version}-`));
    expect(toDriver).toHaveLength(1);
    expect(toDriver[0]!.text).not.toContain('Лісова');
  });

  it('an unknown number reaches a dispatcher in working hours', async () => {
    const { ports } = memoryPorts(); // Monday 12:00 in Kyiv
    await seedBasics(ports);
    expect(await step(ports, '+380501234567', '', '')).toMatchObject({
      action: 'transfer',
      prompt: 'to-dispatcher',
    });
  });

  it('a call at 23:00 gets the call-back offer, a known caller asking for a dispatcher too', async () => {
    const { ports, clock } = memoryPorts();
    await seedBasics(ports);
    clock.at = new Date('2026-11-23T21:00:00Z'); // 23:00 in Kyiv
    expect(await step(ports, '+380501234567', '', '')).toMatchObject({
      action: 'menu',
      prompt: 'callback-offer',
    });
    expect(await step(ports, '+380671234567', 'main', '0')).toMatchObject({
      action: 'menu',
      prompt: 'callback-offer',
    });
  });
});
