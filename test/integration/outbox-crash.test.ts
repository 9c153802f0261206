import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxFilterPattern } from '../../events/contracts/outbox-stream-record';
import { type AnyHandler, lambdaContext } from '../../infra/local/lambda-context';
import { StreamPoller } from '../../infra/local/stream-poller';
import { SEND_LEASE_SECONDS } from '../../shared/domain/entities/outbox-message';
import { localDate } from '../../shared/domain/time';
import { HROMADA } from '../support/fixtures';
import { bookWithQueuedSms } from './crash/book-with-queued-sms';
import { killWhenItSays } from './crash/kill-when-it-says';
import { FixedClock, freshTable, portsFor } from './support';

const sns = mockClient(SNSClient);
let t: Awaited<ReturnType<typeof freshTable>>;
let sendSms: AnyHandler;
let sweep: AnyHandler;

beforeAll(async () => {
  t = await freshTable('crash');
  sendSms = (await import('../../functions/send-sms/handler')).handler as AnyHandler;
  sweep = (await import('../../functions/sweep-outbox/handler')).handler as AnyHandler;
});

/** Run the sender in its own process and SIGKILL it inside the provider call, after its claim. */
async function killSenderAfterClaim(id: string, version: number) {
  const args = [t.endpoint, t.tableName, id, String(version)];
  const ended = await killWhenItSays('sender-that-dies.ts', args, 'in-provider-call');
  expect(ended).toEqual({ code: null, signal: 'SIGKILL', out: 'in-provider-call\n' });
}

describe('a send-sms process killed between claim and send (issue 7, defect 1)', () => {
  it('leaves the message sending only until its lease; the sweeper has it sent once, paid once', async () => {
    const now = new Date();
    const queued = await bookWithQueuedSms(t, portsFor(t, new FixedClock(now)));
    const id = queued.id;

    await killSenderAfterClaim(id, queued.version);
    const orphan = await t.outbox.get(id);
    expect(orphan).toMatchObject({ status: 'sending', attempts: 1, reservedOn: localDate(now) });

    // The stream redelivers the old record: the claim is not this record's any more.
    sns.on(PublishCommand).resolves({ MessageId: 'sns-after-crash' });
    const stream = new StreamPoller(t.streamArn, t.endpoint, {
      functionName: 'send-sms',
      handler: sendSms,
      filter: outboxFilterPattern,
      batchSize: 10,
      retryAttempts: 2,
      retryDelayMs: 10,
      failedRecordsFile: `/tmp/failed-crash-${process.pid}.jsonl`,
    });
    await stream.drain();
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
    expect(await t.outbox.get(id)).toMatchObject({ status: 'sending' });

    // The every-minute schedule, after the lease: the handler with the real clock would wait a
    // minute, so the use case runs here with the clock past the lease; the handler runs too.
    const { sweepOutbox } = await import('../../shared/app/sweep-outbox');
    // past the lease the killed sender took (its clock ran on after `now` while it started)
    const leaseEnd = Date.parse((await t.outbox.get(id))!.dueAt!);
    expect(leaseEnd).toBeGreaterThanOrEqual(now.getTime() + SEND_LEASE_SECONDS * 1000);
    const afterLease = new FixedClock(new Date(leaseEnd + 5000));
    expect(await sweepOutbox({ outbox: t.outbox, entities: t.entities, clock: afterLease })).toMatchObject({
      requeued: 1,
    });
    expect(await sweep({ job: 'sweep-outbox' }, lambdaContext('sweep-outbox'))).toMatchObject({
      requeued: 0,
    });

    await stream.drain();
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(await t.outbox.get(id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      providerMessageId: 'sns-after-crash',
    });
    const counter = await t.doc.send(
      new GetCommand({
        TableName: t.tableName,
        Key: { pk: `HROMADA#${HROMADA}`, sk: `SMSDAY#${localDate(now)}` },
      }),
    );
    expect(counter.Item?.segments).toBe(queued.segments);
    // Final: off the sweeper's index.
    expect(await t.outbox.listDue(new Date(now.getTime() + 86_400_000).toISOString(), 10)).toEqual([]);
  });
});
