import { randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { SNSEvent } from 'aws-lambda';
import { z } from 'zod';
import { type AnyHandler, lambdaContext } from './lambda-context';

/**
 * What the local platform's carrier does with what the SMS sink "sent": each message is
 * delivered, unless it falls in the failed share; a share of receipts comes late. Chosen from a
 * hash of the message's outbox id, so the same message always meets the same fate.
 */
export const localReceiptPolicySchema = z.object({
  /** Share of messages the carrier reports undelivered (UNREACHABLE), 0–1. */
  LOCAL_SMS_FAIL_SHARE: z.coerce.number().min(0).max(1).default(0),
  /** Share of receipts that come late, 0–1, and how late. */
  LOCAL_SMS_DELAY_SHARE: z.coerce.number().min(0).max(1).default(0),
  LOCAL_SMS_DELAY_SECONDS: z.coerce.number().min(0).max(3600).default(30),
});
export type LocalReceiptPolicy = z.infer<typeof localReceiptPolicySchema>;

const sinkLine = z.looseObject({
  providerMessageId: z.string(),
  reference: z.string().min(1),
  to: z.string(),
  segments: z.number().int().min(1),
});

/** A number in [0, 1) from `text` (FNV-1a), with `salt` for independent choices. */
function share(text: string, salt: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${salt}:${text}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

export interface LocalReceipt {
  outboxId: string;
  messageStatus: 'DELIVERED' | 'UNREACHABLE';
  delayMs: number;
}

/** The fate of one message the sink wrote. */
export function localReceiptFor(outboxId: string, policy: LocalReceiptPolicy): LocalReceipt {
  const failed = share(outboxId, 'fail') < policy.LOCAL_SMS_FAIL_SHARE;
  const late = share(outboxId, 'delay') < policy.LOCAL_SMS_DELAY_SHARE;
  return {
    outboxId,
    messageStatus: failed ? 'UNREACHABLE' : 'DELIVERED',
    delayMs: late ? policy.LOCAL_SMS_DELAY_SECONDS * 1000 : 0,
  };
}

/** The SNS event End User Messaging's event destination publishes for one SMS event. */
export function smsReceiptEvent(
  receipt: { outboxId: string; messageStatus: string; providerMessageId?: string; to?: string },
  options: { segments?: number; pricePerSegmentUsd?: number; at?: Date } = {},
): SNSEvent {
  const segments = options.segments ?? 1;
  const at = options.at ?? new Date();
  const delivered = receipt.messageStatus === 'DELIVERED';
  const message = {
    eventType: delivered ? 'TEXT_DELIVERED' : `TEXT_${receipt.messageStatus}`,
    eventVersion: '1.0',
    eventTimestamp: at.getTime(),
    isFinal: true,
    destinationPhoneNumber: receipt.to ?? '+380000000000',
    isoCountryCode: 'UA',
    messageId: receipt.providerMessageId ?? randomUUID(),
    messageType: 'TRANSACTIONAL',
    messageStatus: receipt.messageStatus,
    messageStatusDescription: delivered ? 'Delivered (local carrier)' : 'Not delivered (local carrier)',
    context: { outboxId: receipt.outboxId },
    totalMessageParts: segments,
    totalMessagePrice: Number((segments * (options.pricePerSegmentUsd ?? 0)).toFixed(5)),
  };
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:local:000000000000:sms-receipts:local',
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: 'arn:aws:sns:local:000000000000:sms-receipts',
          Subject: '',
          Message: JSON.stringify(message),
          Timestamp: at.toISOString(),
          SignatureVersion: '1',
          Signature: 'local',
          SigningCertUrl: 'local',
          UnsubscribeUrl: 'local',
          MessageAttributes: {},
        },
      },
    ],
  };
}

/**
 * The local carrier: follows the SMS sink file and, for each message it "sent", calls the
 * sms-receipts handler with the receipt End User Messaging would send (now or late), so that the
 * delivery and failure paths run on one machine as in AWS.
 */
export class LocalReceipts {
  private offset = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<NodeJS.Timeout>();
  private reading = false;

  constructor(
    private readonly sinkFile: string,
    private readonly handler: AnyHandler,
    private readonly policy: LocalReceiptPolicy,
    private readonly pricePerSegmentUsd: number,
  ) {}

  /** Receipts for what is written from now on (a restart does not receipt old messages again). */
  async start(intervalMs = 1000): Promise<void> {
    this.offset = await stat(this.sinkFile).then(
      (s) => s.size,
      () => 0,
    );
    this.timer = setInterval(() => void this.poll(), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }

  private async poll(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      for (const line of await this.newLines()) this.receipt(line);
    } finally {
      this.reading = false;
    }
  }

  private async newLines(): Promise<string[]> {
    const size = await stat(this.sinkFile).then(
      (s) => s.size,
      () => 0,
    );
    if (size <= this.offset) return [];
    const file = await open(this.sinkFile, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      await file.read(buffer, 0, buffer.length, this.offset);
      const text = buffer.toString('utf8');
      const complete = text.lastIndexOf('\n') + 1;
      this.offset += Buffer.byteLength(text.slice(0, complete));
      return text.slice(0, complete).split('\n').filter(Boolean);
    } finally {
      await file.close();
    }
  }

  private receipt(line: string): void {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return;
    }
    const sent = sinkLine.safeParse(json);
    if (!sent.success) return;
    const fate = localReceiptFor(sent.data.reference, this.policy);
    const event = smsReceiptEvent(
      { ...fate, providerMessageId: sent.data.providerMessageId, to: sent.data.to },
      { segments: sent.data.segments, pricePerSegmentUsd: this.pricePerSegmentUsd },
    );
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      void Promise.resolve(this.handler(event, lambdaContext('sms-receipts'))).catch(() => undefined);
    }, fate.delayMs);
    this.pending.add(timer);
  }
}

const injected = z.strictObject({
  outboxId: z.string().min(1),
  status: z
    .string()
    .regex(/^[A-Z_]{3,40}$/)
    .default('UNREACHABLE'),
});

/** `POST /_local/sms-receipt {"outboxId":"…","status":"UNREACHABLE"}`: a carrier's receipt, by hand. */
export async function deliverSmsReceipt(handler: AnyHandler, body: Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = injected.safeParse(json);
  if (!parsed.success)
    return { status: 400, body: { error: 'expected {"outboxId": "…", "status": "UNREACHABLE"}' } };
  await handler(
    smsReceiptEvent({ outboxId: parsed.data.outboxId, messageStatus: parsed.data.status }),
    lambdaContext('sms-receipts'),
  );
  return { status: 202, body: { delivered: true } };
}
