import { appendFile, mkdir, open } from 'node:fs/promises';
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
  private lineEnded = false;
  constructor(private readonly path: string) {}

  async send(message: SmsToSend): Promise<SmsSendResult> {
    this.seq += 1;
    const providerMessageId = `local-${Date.now()}-${this.seq}`;
    const { segments, encoding } = countSegments(message.text);
    await mkdir(dirname(this.path), { recursive: true });
    await this.endTornLine();
    await appendFile(
      this.path,
      `${JSON.stringify({ at: new Date().toISOString(), providerMessageId, ...message, segments, encoding })}\n`,
    );
    return { ok: true, providerMessageId };
  }

  /**
   * A sink killed in the middle of a write (an earlier process) left its last line without its
   * end: close it once, so that this process's first message is a line of its own, not glued to
   * the torn one where no reader could find it.
   */
  private async endTornLine(): Promise<void> {
    if (this.lineEnded) return;
    this.lineEnded = true;
    const file = await open(this.path, 'a+').catch(() => undefined);
    if (!file) return;
    try {
      const { size } = await file.stat();
      const last = Buffer.alloc(1);
      if (size > 0 && (await file.read(last, 0, 1, size - 1)).bytesRead === 1 && last[0] !== 10)
        await file.appendFile('\n');
    } finally {
      await file.close();
    }
  }
}
