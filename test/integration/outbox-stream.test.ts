import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outboxFilterPattern } from '../../events/contracts/outbox-stream-record';
import type { AnyHandler } from '../../infra/local/lambda-context';
import { lambdaContext } from '../../infra/local/lambda-context';
import { StreamPoller } from '../../infra/local/stream-poller';
import { updateEntity } from '../../shared/app/registry';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { hromadaKind, registryKinds } from '../../shared/domain/registry';
import { addDays, localDate, localTimeLabel } from '../../shared/domain/time';
import { loadEvent } from '../support/api-events';
import { HROMADA, seedBasics, taxiRequest } from '../support/fixtures';
import { bookingOf, patchOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

const sns = mockClient(SNSClient);
let t: Awaited<ReturnType<typeof freshTable>>;
let sendSms: AnyHandler;
let remind: AnyHandler;
const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));

beforeAll(async () => {
  t = await freshTable('outbox');
  sendSms = (await import('../../functions/send-sms/handler')).handler as AnyHandler;
  remind = (await import('../../functions/remind/handler')).handler as AnyHandler;
});
afterEach(() => sns.reset());

function poller(handler: AnyHandler = sendSms, failedRecordsFile = `/tmp/failed-${process.pid}.jsonl`) {
  return new StreamPoller(t.streamArn, t.endpoint, {
    functionName: 'send-sms',
    handler,
    filter: outboxFilterPattern,
    batchSize: 10,
    retryAttempts: 2,
    retryDelayMs: 10,
    failedRecordsFile,
  });
}

describe('state change and outbox in one transaction, delivered by the stream', () => {
  it('booking writes request + audit + outbox atomically; the stream consumer sends the SMS once', async () => {
    const ports = portsFor(t, clock);
    const resident = await seedBasics(ports);
    sns.on(PublishCommand).resolves({ MessageId: 'sns-msg-1' });

    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id)),
      'dispatcher-1',
    );
    const outboxId = `book-${request.id}`;
    const [stored, message] = await Promise.all([
      ports.entities.requests.get(HROMADA, request.id),
      t.outbox.get(outboxId),
    ]);
    expect(stored).toMatchObject({ status: 'requested', version: 1 });
    expect(message).toMatchObject({ status: 'pending', to: '+380671234567' });

    const p = poller();
    expect(await p.drain()).toBeGreaterThanOrEqual(1);
    const publishes = sns.commandCalls(PublishCommand);
    expect(publishes).toHaveLength(1);
    expect(publishes[0]!.args[0].input).toMatchObject({
      PhoneNumber: '+380671234567',
      Message: 'Соцтаксі 24.11 між 08:45-09:15. Скасувати: НІ',
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'KhmilnykSoc' },
      },
    });
    expect(await t.outbox.get(outboxId)).toMatchObject({
      status: 'sent',
      providerMessageId: 'sns-msg-1',
      attempts: 1,
    });

    // The stream now also holds the MODIFY records of the claim and the send: none is re-sent.
    await p.drain();
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });

  it('a Lambda retry of the same record sends nothing twice', async () => {
    const ports = portsFor(t, clock);
    const resident = (await ports.entities.registry.list(registryKinds.residents, HROMADA)).items[0]!;
    sns.on(PublishCommand).resolves({ MessageId: 'sns-msg-2' });
    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id, '2026-11-24', '11:00')),
      'd',
    );
    const item = await t.doc.send(
      new GetCommand({ TableName: t.tableName, Key: { pk: `OUTBOX#book-${request.id}`, sk: 'OUTBOX' } }),
    );
    // The sample event, pointed at this message: the same record delivered twice.
    const event = loadEvent<DynamoDBStreamEvent>('dynamodb-stream/outbox-insert.json');
    const image = event.Records[0]!.dynamodb!.NewImage!;
    image.id = { S: item.Item!.id as string };
    const first = await sendSms(event, lambdaContext('send-sms'));
    const second = await sendSms(event, lambdaContext('send-sms'));
    expect(first).toEqual({ batchItemFailures: [] });
    expect(second).toEqual({ batchItemFailures: [] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });

  it('a throttled send goes back to pending and the stream retries it until it is sent', async () => {
    const ports = portsFor(t, clock);
    const resident = (await ports.entities.registry.list(registryKinds.residents, HROMADA)).items[0]!;
    sns
      .on(PublishCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }))
      .resolves({ MessageId: 'sns-msg-3' });
    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id, '2026-11-24', '12:00')),
      'd',
    );
    const p = poller();
    await p.drain();
    await p.drain();
    expect(await t.outbox.get(`book-${request.id}`)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
  });

  it('records the handler keeps failing on end up in the failed-records file', async () => {
    const ports = portsFor(t, clock);
    const resident = (await ports.entities.registry.list(registryKinds.residents, HROMADA)).items[0]!;
    const failing: AnyHandler = async (event: DynamoDBStreamEvent) => ({
      batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! })),
    });
    const file = `/tmp/failed-${process.pid}-${Date.now()}.jsonl`;
    const p = poller(failing, file);
    await p.drain(); // settle what earlier tests left in the stream
    const before = p.failed;
    await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id, '2026-11-24', '13:00')), 'd');
    await p.drain();
    expect(p.failed - before).toBe(1);
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      function: 'send-sms',
      record: { eventName: 'INSERT' },
    });
  });

  it("the schedule queues tomorrow's reminders once at the hromada's reminder time, from the sample schedule event", async () => {
    // The handler runs on the real clock: book for the real tomorrow (Kyiv), and make the
    // hromada's reminder time this minute (Kyiv).
    const ports = portsFor(t, new FixedClock(new Date()));
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    const rules = { ...hromada.rules, reminderTime: localTimeLabel(new Date()) };
    const patch = patchOf(hromadaKind, { version: hromada.version, rules });
    await updateEntity(ports, hromadaKind, HROMADA, HROMADA, patch, 'test');
    const resident = (await ports.entities.registry.list(registryKinds.residents, HROMADA)).items[0]!;
    const tomorrow = addDays(localDate(new Date()), 1);
    await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id, tomorrow, '16:00')), 'd');
    type Run = { hromady: number; queued: number; alreadyQueued: number };
    const first = (await remind(loadEvent('schedule/remind.json'), lambdaContext('remind'))) as Run;
    const second = (await remind(loadEvent('schedule/remind.json'), lambdaContext('remind'))) as Run;
    expect(first.hromady).toBe(1);
    expect(first.queued).toBeGreaterThanOrEqual(1);
    expect(second).toMatchObject({ queued: 0, alreadyQueued: first.queued + first.alreadyQueued });
  });
});
