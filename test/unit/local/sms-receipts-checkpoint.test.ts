import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { smsReceiptRecordSchema } from '../../../events/contracts/sms-receipt';
import { receiptOf } from '../../../functions/sms-receipts/receipt-of';
import { LocalReceipts, localReceiptPolicySchema } from '../../../infra/local/sms-receipts';
import { FileSmsSender } from '../../../shared/adapters/sms-sink/file-sms-sender';

/**
 * The local carrier is as durable as End User Messaging's event destination: what the sink wrote
 * just before the platform was SIGKILLed is receipted after the restart, from a checkpoint in the
 * data folder that only moves past lines whose receipts (late ones included) were handled.
 */
const line = (reference: string, at = new Date().toISOString()) =>
  `${JSON.stringify({ at, providerMessageId: `p-${reference}`, reference, to: '+380671234567', segments: 1 })}\n`;

function carrierOn(dir: string, env: Record<string, string> = {}) {
  const seen: string[] = [];
  const handler = async (event: SNSEvent) => {
    const r = receiptOf(smsReceiptRecordSchema.parse(event.Records[0]).event!);
    seen.push(`${r.outboxId}:${r.messageStatus}`);
  };
  const carrier = new LocalReceipts(
    join(dir, 'sms-sent.jsonl'),
    handler,
    localReceiptPolicySchema.parse(env),
    0.05,
    join(dir, 'data', 'sms-receipts-checkpoint.json'),
  );
  return { carrier, seen };
}

/** A start whose interval never fires in the test: each read is the test's own `poll()`. */
const HOUR = 3_600_000;

describe('the local carrier across a restart', () => {
  it('receipts, after a restart, what the sink wrote before the kill, once; a torn last line waits until it ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carrier-'));
    const sink = join(dir, 'sms-sent.jsonl');
    writeFileSync(sink, line('before-first-start'));

    // first life: starts at the end of the sink (nothing of another data folder), then is killed
    const first = carrierOn(dir);
    await first.carrier.start(HOUR);
    appendFileSync(sink, line('book-1'));
    appendFileSync(sink, line('route-1'));
    const torn = line('book-2');
    appendFileSync(sink, torn.slice(0, 40)); // the sink was killed in the middle of its write
    first.carrier.stop(); // SIGKILL: it never polled

    // second life: from the checkpoint, both messages; the torn line is not read
    const second = carrierOn(dir);
    await second.carrier.start(HOUR);
    await second.carrier.poll();
    expect(second.seen.sort()).toEqual([
      'book-1:DELIVERED',
      'book-1:QUEUED',
      'route-1:DELIVERED',
      'route-1:QUEUED',
    ]);
    const checkpoint = JSON.parse(readFileSync(join(dir, 'data', 'sms-receipts-checkpoint.json'), 'utf8'));
    expect(checkpoint.offset).toBe(readFileSync(sink).length - 40);
    second.carrier.stop();

    // third life: nothing again; a line is read once it ends (the rest of a slow write); a write
    // the sink never finished (killed) is closed by the next sink's first message, which is read
    const third = carrierOn(dir);
    await third.carrier.start(HOUR);
    await third.carrier.poll();
    expect(third.seen).toEqual([]);
    appendFileSync(sink, torn.slice(40));
    appendFileSync(sink, line('book-3').slice(0, 30));
    await new FileSmsSender(sink).send({ to: '+380671234567', text: 'Тест', reference: 'book-4' });
    await third.carrier.poll();
    expect(third.seen.sort()).toEqual([
      'book-2:DELIVERED',
      'book-2:QUEUED',
      'book-4:DELIVERED',
      'book-4:QUEUED',
    ]);
    third.carrier.stop();
  });

  it('a late receipt holds the checkpoint: after a restart it still comes, when it is due', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carrier-'));
    const sink = join(dir, 'sms-sent.jsonl');
    writeFileSync(sink, '');
    const late = { LOCAL_SMS_DELAY_SHARE: '1', LOCAL_SMS_DELAY_SECONDS: '600' };
    const first = carrierOn(dir, late);
    await first.carrier.start(HOUR);
    // written 20 minutes ago: its final receipt (10 min late) is due; the next one is not yet
    appendFileSync(sink, line('book-old', new Date(Date.now() - 20 * 60_000).toISOString()));
    appendFileSync(sink, line('book-new'));
    await first.carrier.poll();
    expect(first.seen).toEqual(['book-old:QUEUED', 'book-new:QUEUED', 'book-old:DELIVERED']);
    first.carrier.stop(); // killed with book-new's final receipt still to come

    const second = carrierOn(dir, late);
    await second.carrier.start(HOUR);
    await second.carrier.poll();
    // only the line whose receipts were not all handled is read again
    expect(second.seen).toEqual(['book-new:QUEUED']);
    second.carrier.stop();
  });
});
