import { beforeAll, describe, expect, it } from 'vitest';
import type { ConnectContactFlowEvent } from '../../events/contracts/connect-contact-flow';
import type { AnyHandler } from '../../infra/local/lambda-context';
import { lambdaContext } from '../../infra/local/lambda-context';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { loadEvent } from '../support/api-events';
import { HROMADA, seedBasics, taxiRequest } from '../support/fixtures';
import { bookingOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

let t: Awaited<ReturnType<typeof freshTable>>;
let ivr: AnyHandler;

beforeAll(async () => {
  t = await freshTable('ivr');
  ivr = (await import('../../functions/ivr/handler')).handler as AnyHandler;
});

/** The sample Connect event, one step of call `contactId`, the caller's number as Connect gave it. */
function step(contactId: string, caller: string, parameters: Record<string, string>) {
  const event = loadEvent<ConnectContactFlowEvent>('connect/contact-flow-menu.json');
  event.Details.ContactData.ContactId = contactId;
  event.Details.ContactData.CustomerEndpoint = { Address: caller, Type: 'TELEPHONE_NUMBER' };
  event.Details.Parameters = parameters;
  return ivr(event, lambdaContext('ivr', 8_000)) as Promise<Record<string, string>>;
}

describe('ivr on DynamoDB Local (sample Connect events)', () => {
  it('cancels the next ride by keypad on the version read, and keeps a call-back once', async () => {
    // The handler runs on the real clock: book for a day ahead of now.
    const ports = portsFor(t, new FixedClock(new Date()));
    const resident = await seedBasics(ports);
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id, day, '10:00')),
      'd',
    );

    const asked = await step('call-1', '380671234567', { state: 'main', tries: '0', digits: '2' });
    expect(asked).toMatchObject({ action: 'menu', prompt: 'cancel-ask', state: `cancel:${request.id}:1` });
    const done = await step('call-1', '380671234567', { state: asked.state!, tries: '0', digits: '1' });
    expect(done).toMatchObject({ action: 'hangup', prompt: 'cancelled' });
    for (const value of Object.values(done)) expect(typeof value).toBe('string');
    expect(await ports.entities.requests.get(HROMADA, request.id)).toMatchObject({
      status: 'cancelled',
      version: 2,
    });
    expect(
      (await t.outbox.listByHromada(HROMADA)).items.filter((m) => m.kind === 'cancellation'),
    ).toHaveLength(1);

    // a call-back asked twice in one call (Connect retried the step) is one item in the inbound log
    for (let i = 0; i < 2; i++) {
      expect(await step('call-2', '0671234567', { state: 'main', tries: '0', digits: '4' })).toMatchObject({
        prompt: 'callback-recorded',
      });
    }
    expect((await ports.entities.inbound.list(HROMADA)).items).toEqual([
      expect.objectContaining({ id: 'call-call-2', outcome: 'callback-requested', from: '+380671234567' }),
    ]);
  });
});
