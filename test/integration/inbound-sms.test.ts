import type { SNSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyHandler } from '../../infra/local/lambda-context';
import { lambdaContext } from '../../infra/local/lambda-context';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { loadEvent } from '../support/api-events';
import { HROMADA, seedBasics, taxiRequest } from '../support/fixtures';
import { bookingOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

let t: Awaited<ReturnType<typeof freshTable>>;
let inboundSms: AnyHandler;

beforeAll(async () => {
  t = await freshTable('inbound');
  inboundSms = (await import('../../functions/inbound-sms/handler')).handler as AnyHandler;
});

describe('inbound-sms on DynamoDB Local (sample SNS event)', () => {
  it("cancels the resident's next trip once, records the reply, and queues the SMS", async () => {
    // The handler runs on the real clock: book for a day ahead of now.
    const ports = portsFor(t, new FixedClock(new Date()));
    const resident = await seedBasics(ports);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id, tomorrow, '10:00')),
      'd',
    );

    const event = loadEvent<SNSEvent>('sns/inbound-sms.json');
    await inboundSms(event, lambdaContext('inbound-sms'));
    await inboundSms(event, lambdaContext('inbound-sms')); // SNS delivered it twice

    expect(await ports.entities.requests.get(HROMADA, request.id)).toMatchObject({
      status: 'cancelled',
      version: 2,
    });
    expect(await ports.entities.inbound.get('cae173d2-66b9-564c-8309-21f858e9fb84')).toMatchObject({
      outcome: 'cancelled',
      from: '+380671234567',
      text: 'Ні',
    });
    const messages = await t.outbox.listByHromada(HROMADA);
    expect(messages.items.filter((m) => m.kind === 'cancellation')).toHaveLength(1);
    expect((await ports.entities.inbound.list(HROMADA)).items).toHaveLength(1);
  });

  it('drops a payload it cannot read instead of retrying it forever', async () => {
    const event = loadEvent<SNSEvent>('sns/inbound-sms.json');
    event.Records[0]!.Sns.Message = 'not json';
    await expect(inboundSms(event, lambdaContext('inbound-sms'))).resolves.toBeUndefined();
  });
});
