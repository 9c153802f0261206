import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyHandler } from '../../infra/local/lambda-context';
import { lambdaContext } from '../../infra/local/lambda-context';
import { outboxKey, smsDayKey } from '../../shared/adapters/dynamodb/keys';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { monthOf } from '../../shared/domain/sms-spend';
import { localDate } from '../../shared/domain/time';
import { HROMADA, seedBasics, taxiRequest, withRules } from '../support/fixtures';
import { bookingOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

/**
 * The send-sms function fed DynamoDB Streams records built from the table's own items (the images
 * the stream carries, marshalled as the stream marshals them), the same batch twice and in reverse
 * order, with an older INSERT arriving after a newer MODIFY of the same message. Lambda's event
 * source mapping delivers at least once and only in order per item, and a retried batch comes back
 * whole: none of that may send an SMS or count a segment twice.
 */
const sns = mockClient(SNSClient);
let t: Awaited<ReturnType<typeof freshTable>>;
let sendSms: AnyHandler;
const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
let sequence = 0;

beforeAll(async () => {
  t = await freshTable('redelivery');
  sendSms = (await import('../../functions/send-sms/handler')).handler as AnyHandler;
});

async function item(id: string): Promise<Record<string, unknown>> {
  const out = await t.doc.send(
    new GetCommand({ TableName: t.tableName, Key: outboxKey(id), ConsistentRead: true }),
  );
  return out.Item!;
}

/** A stream record of the item as it is now: INSERT for its first version, MODIFY after. */
function record(image: Record<string, unknown>, eventName: 'INSERT' | 'MODIFY'): DynamoDBRecord {
  sequence += 1;
  const key = { pk: image.pk, sk: image.sk };
  return {
    eventID: `redelivery-${sequence}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-central-1',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: marshall(key) as never,
      NewImage: marshall(image, { removeUndefinedValues: true }) as never,
      SequenceNumber: String(100_000_000 + sequence).padStart(24, '0'),
      SizeBytes: 512,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: t.streamArn,
  };
}

const deliver = (records: DynamoDBRecord[]) =>
  sendSms({ Records: records } satisfies DynamoDBStreamEvent, lambdaContext('send-sms')) as Promise<{
    batchItemFailures: unknown[];
  }>;

async function segmentsCounted() {
  const today = localDate(new Date());
  const day = await t.doc.send(
    new GetCommand({ TableName: t.tableName, Key: smsDayKey(HROMADA, today), ConsistentRead: true }),
  );
  const month = await t.outbox.smsMonth(HROMADA, monthOf(today));
  return { day: (day.Item?.segments as number | undefined) ?? 0, month: month.segments };
}

describe('stream records delivered twice and out of order', () => {
  it('no SMS and no segment is counted twice; a stale INSERT after a newer MODIFY does nothing', async () => {
    const ports = portsFor(t, clock);
    const resident = await seedBasics(ports);
    await withRules(ports, { monthlyRideQuota: 100 });
    const ids: string[] = [];
    for (const time of ['08:00', '10:00', '12:00', '14:00']) {
      const r = await bookServiceRequest(
        ports,
        HROMADA,
        bookingOf(taxiRequest(resident.id, '2026-11-24', time)),
        'd',
      );
      ids.push(`book-${r.id}`);
    }
    const inserts = await Promise.all(ids.map(async (id) => record(await item(id), 'INSERT')));

    // the last message's first delivery meets SNS throttling: back to pending at a new version,
    // which the stream carries as a MODIFY
    sns
      .on(PublishCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }));
    expect(await deliver([inserts[3]!])).toEqual({ batchItemFailures: [] });
    const retried = await item(ids[3]!);
    expect(retried).toMatchObject({ status: 'pending', version: 3, attempts: 1 });
    const modify = record(retried, 'MODIFY');
    const segmentsBefore = await segmentsCounted();

    sns.on(PublishCommand).resolves({ MessageId: 'sns-redelivered' });
    const batch = [...inserts, modify];
    // newest first (the MODIFY before the INSERT it follows), then in order, then reversed again
    for (const records of [[...batch].reverse(), batch, [...batch].reverse(), batch]) {
      expect(await deliver(records)).toEqual({ batchItemFailures: [] });
    }

    const publishes = sns.commandCalls(PublishCommand);
    // 1 throttled + one accepted per message
    expect(publishes).toHaveLength(1 + ids.length);
    const texts = publishes.slice(1).map((c) => c.args[0].input.Message);
    expect(new Set(texts).size).toBe(ids.length);
    for (const id of ids)
      expect(await item(id)).toMatchObject({ status: 'sent', providerMessageId: 'sns-redelivered' });
    expect((await item(ids[3]!)).attempts).toBe(2);
    expect((await item(ids[0]!)).attempts).toBe(1);
    // each message's segment was counted once, on its first claim (the throttled one had paid already)
    const after = await segmentsCounted();
    expect(after.day - segmentsBefore.day).toBe(3);
    expect(after.month - segmentsBefore.month).toBe(3);
    expect(segmentsBefore.day).toBe(1);
  });
});
