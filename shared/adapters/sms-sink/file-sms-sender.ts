import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { countSegments } from '../../messaging/segments';
import type { SmsSender, SmsSendResult, SmsToSend } from '../../ports/sms-sender';

/**
 * The local platform's SMS sink: appends each message as one JSON line (with its segment count)
 * to a file a developer can read, instead of sending it.
 */
export class FileSmsSender implements SmsSender {
  /** The local carrier (infra/local/sms-receipts.ts) receipts every line by its `reference`. */
  readonly receiptsByReference = true;
  private seq = 0;
  constructor(private readonly path: string) {}

  async send(message: SmsToSend): Promise<SmsSendResult> {
    this.seq += 1;
    const providerMessageId = `local-${Date.now()}-${this.seq}`;
    const { segments, encoding } = countSegments(message.text);
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(
      this.path,
      `${JSON.stringify({ at: new Date().toISOString(), providerMessageId, ...message, segments, encoding })}\n`,
    );
    return { ok: true, providerMessageId };
  }
}
