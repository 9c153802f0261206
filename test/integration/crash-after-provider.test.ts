import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyHandler } from '../../infra/local/lambda-context';
import { LocalReceipts, localReceiptPolicySchema } from '../../infra/local/sms-receipts';
import { FileSmsSender } from '../../shared/adapters/sms-sink/file-sms-sender';
import { sendOutboxMessage } from '../../shared/app/send-outbox-message';
import { sweepOutbox } from '../../shared/app/sweep-outbox';
import { bookWithQueuedSms } from './crash/book-with-queued-sms';
import { killWhenItSays } from './crash/kill-when-it-says';
import { FixedClock, freshTable, portsFor } from './support';

/**
 * The duplicate the crash run found (scripts/crash-publish.ts, seeds 13 and 21; docs/reliability.md):
 * the provider took the SMS, the platform was SIGKILLed before the sender recorded `sent`, the
 * carrier's receipt died with it (its reader restarted at the end of the sink), and the sweeper
 * took the claim back after its lease: the stream sent the SMS a second time.
 */
let t: Awaited<ReturnType<typeof freshTable>>;
let receiptsHandler: AnyHandler;

beforeAll(async () => {
  t = await freshTable('crash-after-provider');
  receiptsHandler = (await import('../../functions/sms-receipts/handler')).handler as AnyHandler;
});

/** Run the platform in its own process and SIGKILL it right after the provider took the SMS. */
async function killAfterProvider(id: string, version: number, sink: string, checkpoint: string) {
  const args = [t.endpoint, t.tableName, id, String(version), sink, checkpoint];
  const ended = await killWhenItSays('platform-dies-after-provider.ts', args, 'provider-accepted');
  expect(ended).toEqual({ code: null, signal: 'SIGKILL', out: 'provider-accepted\n' });
}

const smsFor = (sink: string, id: string) =>
  readFileSync(sink, 'utf8')
    .split('\n')
    .filter(Boolean)
    .filter((line) => JSON.parse(line).reference === id);

describe('the platform killed after the provider took the SMS, before it recorded sent', () => {
  it('after the restart the carrier receipts it from its checkpoint and the sweeper does not resend: one SMS, sent', async () => {
    const now = new Date();
    const ports = portsFor(t, new FixedClock(now));
    const queued = await bookWithQueuedSms(t, ports);
    const id = queued.id;
    const dir = mkdtempSync(join(tmpdir(), 'crash-after-provider-'));
    const sink = join(dir, 'sms-sent.jsonl');
    const checkpoint = join(dir, 'dynamodb', 'sms-receipts-checkpoint.json');

    await killAfterProvider(id, queued.version, sink, checkpoint);
    const orphan = (await t.outbox.get(id))!;
    expect(orphan).toMatchObject({ status: 'sending', attempts: 1 });
    expect(smsFor(sink, id)).toHaveLength(1);

    // the restart: the carrier reads the sink from its checkpoint and the receipts reach us
    const carrier = new LocalReceipts(
      sink,
      receiptsHandler,
      localReceiptPolicySchema.parse({}),
      0.05,
      checkpoint,
    );
    await carrier.start(3_600_000);
    await carrier.poll();
    carrier.stop();

    // the stream redelivers its records, the sweeper runs after the lease and long after: each
    // message it takes back the stream would send again, as here
    const sink2 = new FileSmsSender(sink);
    const stream = async () => {
      const m = (await t.outbox.get(id))!;
      if (m.status === 'pending') await sendOutboxMessage({ ...ports, sms: sink2 }, id, m.version);
    };
    await sendOutboxMessage({ ...ports, sms: sink2 }, id, queued.version);
    const leaseEnd = Date.parse(orphan.dueAt!);
    for (const at of [leaseEnd + 5000, now.getTime() + 30 * 60_000]) {
      await sweepOutbox({ ...ports, clock: new FixedClock(new Date(at)) });
      await stream();
    }

    expect(smsFor(sink, id)).toHaveLength(1);
    expect(await t.outbox.get(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      delivery: { status: 'delivered', carrierStatus: 'DELIVERED' },
    });
    expect(await t.outbox.listDue(new Date(now.getTime() + 86_400_000).toISOString(), 10)).toEqual([]);
  });
});
