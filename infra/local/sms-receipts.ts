import { randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { SNSEvent } from 'aws-lambda';
import { z } from 'zod';
import { type AnyHandler, lambdaContext } from './lambda-context';
import { ReceiptsCheckpoint } from './sms-receipts-checkpoint';

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
  at: z.string().optional(),
  providerMessageId: z.string(),
  reference: z.string().min(1),
  to: z.string(),
  segments: z.number().int().min(1),
});

/** A message the sink wrote, or undefined for a line that is not one (torn, foreign). */
function parseSinkLine(line: string): z.infer<typeof sinkLine> | undefined {
  try {
    const sent = sinkLine.safeParse(JSON.parse(line));
    return sent.success ? sent.data : undefined;
  } catch {
    return undefined;
  }
}

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

/**
 * End User Messaging's events before the final one (isFinal false): TEXT_QUEUED when it accepted
 * the message and queued it, TEXT_PENDING while the carrier is delivering it.
 */
const ACCEPTED = new Set(['QUEUED', 'PENDING']);

/** The SNS event End User Messaging's event destination publishes for one SMS event. */
export function smsReceiptEvent(
  receipt: { outboxId: string; messageStatus: string; providerMessageId?: string; to?: string },
  options: { segments?: number; pricePerSegmentUsd?: number; at?: Date } = {},
): SNSEvent {
  const segments = options.segments ?? 1;
  const at = options.at ?? new Date();
  const delivered = receipt.messageStatus === 'DELIVERED';
  const accepted = ACCEPTED.has(receipt.messageStatus);
  const message = {
    eventType: `TEXT_${receipt.messageStatus}`,
    eventVersion: '1.0',
    eventTimestamp: at.getTime(),
    isFinal: !accepted,
    destinationPhoneNumber: receipt.to ?? '+380000000000',
    isoCountryCode: 'UA',
    messageId: receipt.providerMessageId ?? randomUUID(),
    messageType: 'TRANSACTIONAL',
    messageStatus: receipt.messageStatus,
    messageStatusDescription: accepted
      ? 'Queued for delivery (local carrier)'
      : delivered
        ? 'Delivered (local carrier)'
        : 'Not delivered (local carrier)',
    context: { outboxId: receipt.outboxId },
    totalMessageParts: segments,
    // the price comes with the final receipt, counted once (record-sms-receipt.ts)
    ...(accepted
      ? {}
      : { totalMessagePrice: Number((segments * (options.pricePerSegmentUsd ?? 0)).toFixed(5)) }),
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

/** One complete line of the sink and where it lies in the file (bytes). */
interface SinkText {
  text: string;
  start: number;
  end: number;
}

/** One line of the sink whose receipts are not all handled yet, and where it ends in the file. */
interface OpenLine {
  start: number;
  end: number;
  done: boolean;
  /** Polls on which its receipt was given to the handler again after all tries failed. */
  rounds: number;
}

/** A receipt the handler could not record: its line stays open; tried again from `dueAt` on. */
interface Stalled {
  step: () => Promise<void>;
  dueAt: number;
}

/**
 * A receipt the handler could not record (storage down or slow) is tried again, as Lambda retries
 * an async invoke: `tries` times with a pause of `pauseMs` × the try; then its line stays open
 * (the checkpoint does not pass it) and it is tried again on later polls, at most every
 * `maxBackoffMs`, until `stop()`: End User Messaging's event destination does not drop it either.
 */
export interface DeliveryRetry {
  tries: number;
  pauseMs: number;
  maxBackoffMs: number;
}
const DELIVERY_RETRY: DeliveryRetry = { tries: 5, pauseMs: 200, maxBackoffMs: 60_000 };

/**
 * The local carrier: follows the SMS sink file and, for each message it "sent", calls the
 * sms-receipts handler with the events End User Messaging would send: TEXT_QUEUED at once (the
 * provider accepted it), then the final receipt per the policy (now or late), so that the
 * delivery and failure paths run on one machine as in AWS. As faithful as End User Messaging's
 * durable event destination across our crashes: it resumes after a restart from a checkpoint in
 * the data folder, which moves only past lines whose receipts (late ones included) were handled;
 * a receipt the handler keeps refusing is tried again on later polls, never given up; a line
 * handled twice is harmless (receipts are idempotent). A torn last line (the sink killed
 * mid-write) is left until it ends.
 */
export class LocalReceipts {
  private offset = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly open: OpenLine[] = [];
  private stalled: Stalled[] = [];
  private readonly checkpoint: ReceiptsCheckpoint;
  private readonly retry: DeliveryRetry;
  private reading: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly sinkFile: string,
    private readonly handler: AnyHandler,
    private readonly policy: LocalReceiptPolicy,
    private readonly pricePerSegmentUsd: number,
    /** Where the checkpoint is kept (the data folder); none: from the end of the sink at each start. */
    checkpointFile?: string,
    retry: Partial<DeliveryRetry> = {},
  ) {
    this.checkpoint = new ReceiptsCheckpoint(checkpointFile);
    this.retry = { ...DELIVERY_RETRY, ...retry };
  }

  /** Receipts from the checkpoint on (from the end of the sink the first time). */
  async start(intervalMs = 1000): Promise<void> {
    this.offset = await this.checkpoint.load(this.sinkFile);
    await this.checkpoint.save(this.offset);
    this.timer = setInterval(() => void this.poll(), intervalMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
    this.stalled = [];
  }

  /** Read what the sink wrote since and retry what is due; resolves when the receipts due now were handled. */
  poll(): Promise<void> {
    this.reading ??= this.readAndReceipt().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readAndReceipt(): Promise<void> {
    const now = this.retryDue();
    for (const line of await this.newLines()) now.push(this.receipt(line));
    if (now.length === 0) await this.advance();
    await Promise.all(now);
  }

  /** The stalled receipts whose backoff has passed, given to the handler again. */
  private retryDue(): Promise<void>[] {
    const at = Date.now();
    const due = this.stalled.filter((s) => s.dueAt <= at);
    this.stalled = this.stalled.filter((s) => s.dueAt > at);
    return due.map((s) => s.step());
  }

  private async newLines(): Promise<SinkText[]> {
    const size = await stat(this.sinkFile).then(
      (s) => s.size,
      () => 0,
    );
    if (size <= this.offset) return [];
    const file = await open(this.sinkFile, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      await file.read(buffer, 0, buffer.length, this.offset);
      const lines: SinkText[] = [];
      let from = 0;
      for (let nl = buffer.indexOf(10); nl >= 0; nl = buffer.indexOf(10, from)) {
        const text = buffer.subarray(from, nl).toString('utf8');
        lines.push({ text, start: this.offset + from, end: this.offset + nl + 1 });
        from = nl + 1;
      }
      this.offset += from;
      return lines;
    } finally {
      await file.close();
    }
  }

  /** Handle one line's receipts: the accepted event now, the final one now or late. */
  private receipt(line: SinkText): Promise<void> {
    const open: OpenLine = { start: line.start, end: line.end, done: false, rounds: 0 };
    this.open.push(open);
    const sent = parseSinkLine(line.text);
    if (!sent) {
      open.done = true;
      return this.advance();
    }
    const fate = localReceiptFor(sent.reference, this.policy);
    const message = { outboxId: sent.reference, providerMessageId: sent.providerMessageId, to: sent.to };
    // late by the policy from when the sink wrote it, so a restart (or a retry) does not make it later still
    const writtenAt = Date.parse(sent.at ?? '');
    const dueAt = Number.isNaN(writtenAt) ? Date.now() + fate.delayMs : writtenAt + fate.delayMs;
    const finalStep = async () => {
      const final = smsReceiptEvent(
        { ...message, messageStatus: fate.messageStatus },
        { segments: sent.segments, pricePerSegmentUsd: this.pricePerSegmentUsd },
      );
      if (!(await this.deliver(final))) return this.stall(open, finalStep);
      open.done = true;
      await this.advance();
    };
    const acceptedStep = async () => {
      const accepted = smsReceiptEvent({ ...message, messageStatus: 'QUEUED' }, { segments: sent.segments });
      if (!(await this.deliver(accepted))) return this.stall(open, acceptedStep);
      return this.later(finalStep, Math.max(0, dueAt - Date.now()));
    };
    return acceptedStep();
  }

  /** Run `step` now, or after `wait` ms; nothing once stopped (no timer keeps the process alive). */
  private later(step: () => Promise<void>, wait: number): Promise<void> | undefined {
    if (this.stopped) return;
    if (wait === 0) return step();
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      void step();
    }, wait);
    this.pending.add(timer);
  }

  /** Keep `line` open and try `step` again on a later poll, with a backoff that doubles up to the cap. */
  private stall(line: OpenLine, step: () => Promise<void>): void {
    if (this.stopped) return;
    line.rounds++;
    const backoff = Math.min(this.retry.maxBackoffMs, this.retry.pauseMs * 10 * 2 ** (line.rounds - 1));
    this.stalled.push({ step, dueAt: Date.now() + backoff });
    console.warn(
      `local carrier: receipt not recorded after ${this.retry.tries} tries; again in ${backoff} ms`,
    );
  }

  /** True once the handler recorded `event`; false when every try failed or the carrier stopped. */
  private async deliver(event: SNSEvent): Promise<boolean> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.handler(event, lambdaContext('sms-receipts'));
        return true;
      } catch {
        if (attempt >= this.retry.tries) return false;
        if (this.retry.pauseMs > 0) await new Promise((r) => setTimeout(r, this.retry.pauseMs * attempt));
      }
    }
    return false;
  }

  /** Move the checkpoint past the lines, from the first on, whose receipts were all handled. */
  private advance(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    while (this.open[0]?.done) this.open.shift();
    return this.checkpoint.save(this.open[0] ? this.open[0].start : this.offset);
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
