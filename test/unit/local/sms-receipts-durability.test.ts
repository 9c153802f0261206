import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SNSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { smsReceiptRecordSchema } from '../../../events/contracts/sms-receipt';
import { receiptOf } from '../../../functions/sms-receipts/receipt-of';
import { LocalReceipts, localReceiptPolicySchema } from '../../../infra/local/sms-receipts';

/**
 * The local carrier never gives a receipt up: one the sms-receipts handler could not record
 * (DynamoDB Local slow or down) keeps its line open, so the checkpoint does not pass it, and is
 * tried again on later polls until the carrier stops.
 */
const line = (reference: string, at = new Date().toISOString()) =>
  `${JSON.stringify({ at, providerMessageId: `p-${reference}`, reference, to: '+380671234567', segments: 1 })}\n`;

/** A start whose interval never fires in the test: each read is the test's own `poll()`. */
const HOUR = 3_600_000;

function carrierOn(
  dir: string,
  env: Record<string, string>,
  down: (status: string) => boolean,
  retry: { pauseMs: number } = { pauseMs: 0 }, // no pauses between tries: the test's polls are the later tries
) {
  const seen: string[] = [];
  const calls = { count: 0 };
  const handler = async (event: SNSEvent) => {
    calls.count++;
    const r = receiptOf(smsReceiptRecordSchema.parse(event.Records[0]).event!);
    if (down(r.messageStatus)) throw new Error('ProvisionedThroughputExceededException');
    seen.push(`${r.outboxId}:${r.messageStatus}`);
  };
  const checkpointFile = join(dir, 'data', 'sms-receipts-checkpoint.json');
  const carrier = new LocalReceipts(
    join(dir, 'sms-sent.jsonl'),
    handler,
    localReceiptPolicySchema.parse(env),
    0.05,
    checkpointFile,
    retry,
  );
  const checkpoint = () => JSON.parse(readFileSync(checkpointFile, 'utf8')).offset as number;
  return { carrier, seen, checkpoint, calls };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the local carrier when the receipts handler fails', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('a TEXT_QUEUED the handler could not record holds the checkpoint and comes on a later poll', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carrier-'));
    const sink = join(dir, 'sms-sent.jsonl');
    writeFileSync(sink, '');
    let storageDown = true;
    const { carrier, seen, checkpoint } = carrierOn(dir, {}, () => storageDown);
    await carrier.start(HOUR);
    appendFileSync(sink, line('book-1'));

    await carrier.poll(); // every try fails
    expect(seen).toEqual([]);
    expect(checkpoint()).toBe(0); // a restart now reads the line again

    await carrier.poll(); // still down: still held, nothing given up
    expect(checkpoint()).toBe(0);

    storageDown = false;
    await carrier.poll();
    expect(seen).toEqual(['book-1:QUEUED', 'book-1:DELIVERED']);
    expect(checkpoint()).toBe(readFileSync(sink).length);
    carrier.stop();
  });

  it('a final UNREACHABLE the handler could not record is tried again, not the QUEUED before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carrier-'));
    const sink = join(dir, 'sms-sent.jsonl');
    writeFileSync(sink, '');
    let storageDown = true;
    const { carrier, seen, checkpoint } = carrierOn(
      dir,
      { LOCAL_SMS_FAIL_SHARE: '1' },
      (status) => storageDown && status === 'UNREACHABLE',
    );
    await carrier.start(HOUR);
    appendFileSync(sink, line('book-1'));
    appendFileSync(sink, line('book-2'));

    await carrier.poll();
    expect(seen).toEqual(['book-1:QUEUED', 'book-2:QUEUED']);
    expect(checkpoint()).toBe(0);

    storageDown = false;
    await carrier.poll();
    expect(seen.slice(2).sort()).toEqual(['book-1:UNREACHABLE', 'book-2:UNREACHABLE']);
    expect(checkpoint()).toBe(readFileSync(sink).length);
    carrier.stop();
  });

  it('tries a refused receipt again only once its backoff has passed, a longer one each round', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // the clock the backoff reads; pauses between tries stay real (1–4 ms)
    const dir = mkdtempSync(join(tmpdir(), 'carrier-'));
    const sink = join(dir, 'sms-sent.jsonl');
    writeFileSync(sink, '');
    let storageDown = true;
    const { carrier, seen, calls } = carrierOn(dir, {}, () => storageDown, { pauseMs: 1 });
    await carrier.start(HOUR);
    appendFileSync(sink, line('book-1'));

    await carrier.poll();
    expect(calls.count).toBe(5); // the 5 tries of one round
    await carrier.poll();
    expect(calls.count).toBe(5); // within the first backoff (10 ms): not tried
    vi.advanceTimersByTime(10);
    await carrier.poll();
    expect(calls.count).toBe(10); // second round; the next backoff is 20 ms
    vi.advanceTimersByTime(10);
    await carrier.poll();
    expect(calls.count).toBe(10);
    storageDown = false;
    vi.advanceTimersByTime(10);
    await carrier.poll();
    expect(seen).toEqual(['book-1:QUEUED', 'book-1:DELIVERED']);
    carrier.stop();
  });

  it('after stop(), no late receipt is scheduled to keep the process alive', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const dir = mkdtempSync(join(tmpdir(), 'carrier-'));
    const sink = join(dir, 'sms-sent.jsonl');
    writeFileSync(sink, '');
    let stopDuringQueued: (() => void) | undefined;
    const { carrier, seen } = carrierOn(
      dir,
      { LOCAL_SMS_DELAY_SHARE: '1', LOCAL_SMS_DELAY_SECONDS: '600' },
      () => {
        stopDuringQueued?.(); // the platform stops while TEXT_QUEUED is being recorded
        return false;
      },
    );
    stopDuringQueued = () => carrier.stop();
    await carrier.start(HOUR);
    appendFileSync(sink, line('book-1'));
    await carrier.poll();
    expect(seen).toEqual(['book-1:QUEUED']);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the local carrier with a checkpoint it cannot read', () => {
  it('resumes from the start of the sink (receipts are idempotent), not from its end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carrier-'));
    const sink = join(dir, 'sms-sent.jsonl');
    writeFileSync(sink, line('book-1') + line('book-2'));
    // the checkpoint exists but cannot be read (here: a folder where the file should be)
    mkdirSync(join(dir, 'data', 'sms-receipts-checkpoint.json'), { recursive: true });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // it cannot be saved either
    const { carrier, seen } = carrierOn(dir, {}, () => false);
    await carrier.start(HOUR);
    await carrier.poll();
    expect(seen.sort()).toEqual(['book-1:DELIVERED', 'book-1:QUEUED', 'book-2:DELIVERED', 'book-2:QUEUED']);
    carrier.stop();
  });
});
