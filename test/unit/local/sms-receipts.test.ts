import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SNSEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { smsReceiptRecordSchema } from '../../../events/contracts/sms-receipt';
import { receiptOf } from '../../../functions/sms-receipts/receipt-of';
import {
  LocalReceipts,
  localReceiptFor,
  localReceiptPolicySchema,
  smsReceiptEvent,
} from '../../../infra/local/sms-receipts';

const policy = (env: Record<string, string> = {}) => localReceiptPolicySchema.parse(env);

describe('the local carrier', () => {
  it('delivers everything by default, at once', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `book-${i}`);
    expect(
      ids.map((id) => localReceiptFor(id, policy())).filter((r) => r.messageStatus !== 'DELIVERED'),
    ).toEqual([]);
    expect(ids.every((id) => localReceiptFor(id, policy()).delayMs === 0)).toBe(true);
  });

  it('fails and delays about the configured shares, the same message always alike', () => {
    const p = policy({
      LOCAL_SMS_FAIL_SHARE: '0.2',
      LOCAL_SMS_DELAY_SHARE: '0.5',
      LOCAL_SMS_DELAY_SECONDS: '40',
    });
    const fates = Array.from({ length: 2000 }, (_, i) => localReceiptFor(`route-${i}`, p));
    const failed = fates.filter((f) => f.messageStatus === 'UNREACHABLE').length / fates.length;
    const late = fates.filter((f) => f.delayMs === 40_000).length / fates.length;
    expect(failed).toBeGreaterThan(0.17);
    expect(failed).toBeLessThan(0.23);
    expect(late).toBeGreaterThan(0.46);
    expect(late).toBeLessThan(0.54);
    expect(localReceiptFor('route-7', p)).toEqual(localReceiptFor('route-7', p));
  });

  it('builds the event the receipts topic carries, which the contract decodes', () => {
    const event = smsReceiptEvent(
      { outboxId: 'book-1', messageStatus: 'UNREACHABLE', providerMessageId: 'local-1' },
      { segments: 2, pricePerSegmentUsd: 0.05, at: new Date('2026-12-02T08:00:00Z') },
    );
    expect(receiptOf(smsReceiptRecordSchema.parse(event.Records[0]).event!)).toEqual({
      outboxId: 'book-1',
      providerMessageId: 'local-1',
      messageStatus: 'UNREACHABLE',
      description: 'Not delivered (local carrier)',
      isFinal: true,
      priceUsd: 0.1,
      parts: 2,
      at: '2026-12-02T08:00:00.000Z',
    });
  });

  it('follows the sink file: a receipt for each message written after it started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'receipts-'));
    const sink = join(dir, 'sms-sent.jsonl');
    writeFileSync(
      sink,
      `${JSON.stringify({ providerMessageId: 'old', reference: 'old', to: '+380671234567', segments: 1 })}\n`,
    );
    const handler = vi.fn(async (_event: SNSEvent) => undefined);
    const receipts = new LocalReceipts(sink, handler, policy({ LOCAL_SMS_FAIL_SHARE: '1' }), 0.05);
    await receipts.start(20);
    appendFileSync(
      sink,
      `${JSON.stringify({ providerMessageId: 'p-1', reference: 'book-1', to: '+380671234567', segments: 1 })}\n`,
    );
    appendFileSync(sink, 'not json\n');
    await vi.waitFor(() => expect(handler).toHaveBeenCalledTimes(2));
    receipts.stop();
    const [queued, final] = handler.mock.calls.map(([event]) =>
      receiptOf(smsReceiptRecordSchema.parse(event.Records[0]).event!),
    );
    // End User Messaging's first event when it accepts a message, then the final receipt
    expect(queued).toMatchObject({ outboxId: 'book-1', messageStatus: 'QUEUED', isFinal: false });
    expect(queued).not.toHaveProperty('priceUsd');
    expect(final).toMatchObject({ outboxId: 'book-1', messageStatus: 'UNREACHABLE', isFinal: true });
  });
});
