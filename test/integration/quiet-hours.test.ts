import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxFilterPattern, outboxImageSchema } from '../../events/contracts/outbox-stream-record';
import type { AnyHandler } from '../../infra/local/lambda-context';
import { StreamPoller } from '../../infra/local/stream-poller';
import { newImageOf } from '../../shared/adapters/dynamodb/stream-image';
import { sendOutboxMessage } from '../../shared/app/send-outbox-message';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { sweepOutbox } from '../../shared/app/sweep-outbox';
import { HROMADA, RecordingSmsSender, seedBasics, taxiRequest, withRules } from '../support/fixtures';
import { bookingOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

let t: Awaited<ReturnType<typeof freshTable>>;
beforeAll(async () => {
  t = await freshTable('quiet');
});

describe('quiet hours on DynamoDB Local', () => {
  it('an SMS queued in quiet hours is held by the stream, released by the sweeper at their end, sent exactly once', async () => {
    const clock = new FixedClock(new Date('2026-11-23T20:00:00Z')); // Monday 22:00 Kyiv
    const sms = new RecordingSmsSender();
    const ports = { ...portsFor(t, clock), sms };
    // the send-sms function's work with this test's clock (the handler reads the system clock)
    const send: AnyHandler = async (event) => {
      for (const record of (event as DynamoDBStreamEvent).Records) {
        const image = outboxImageSchema.safeParse(newImageOf(record));
        if (image.success) await sendOutboxMessage(ports, image.data.id, image.data.version);
      }
      return { batchItemFailures: [] };
    };
    const stream = new StreamPoller(t.streamArn, t.endpoint, {
      functionName: 'send-sms',
      handler: send,
      filter: outboxFilterPattern,
      batchSize: 10,
      retryAttempts: 2,
      retryDelayMs: 10,
      failedRecordsFile: `/tmp/failed-quiet-${process.pid}.jsonl`,
    });

    const anna = await seedBasics(ports);
    await withRules(ports, { quietHours: { from: '21:00', to: '08:00' } });
    const ride = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(anna.id, '2026-11-25')), 'd');
    const id = `book-${ride.id}`;
    expect(await stream.drain()).toBeGreaterThanOrEqual(1);
    expect(sms.sent).toHaveLength(0);
    expect(await t.outbox.get(id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      heldUntil: '2026-11-24T06:00:00.000Z',
    });

    clock.at = new Date('2026-11-24T05:59:59Z'); // 07:59:59: still quiet
    expect(await sweepOutbox(ports)).toMatchObject({ released: 0, nudged: 0 });
    await stream.drain();
    expect(sms.sent).toHaveLength(0);

    clock.at = new Date('2026-11-24T06:00:00Z'); // 08:00 Kyiv
    expect(await sweepOutbox(ports)).toMatchObject({ released: 1 });
    expect(await stream.drain()).toBeGreaterThanOrEqual(1);
    expect(sms.sent.map((m) => m.reference)).toEqual([id]);
    expect(await t.outbox.get(id)).toMatchObject({ status: 'sent', attempts: 1 });

    clock.at = new Date('2026-11-24T06:10:00Z'); // later sweeps and stream records change nothing
    expect(await sweepOutbox(ports)).toMatchObject({ released: 0, nudged: 0, requeued: 0 });
    await stream.drain();
    expect(sms.sent).toHaveLength(1);
  });
});
