import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Where the local carrier resumes after a restart: the byte offset in the SMS sink up to which
 * every line's receipts (the late ones included) were handled. It lives in the platform's data
 * folder, beside the database whose messages it receipts, as End User Messaging's event
 * destination keeps what it has not delivered yet across our crashes.
 */
const checkpointSchema = z.strictObject({ offset: z.number().int().min(0) });

export class ReceiptsCheckpoint {
  private saving: Promise<void> = Promise.resolve();
  private saved = -1;

  constructor(private readonly file: string | undefined) {}

  /**
   * The offset to resume from: the saved one; the end of the sink when there is none yet (no
   * file: a new data folder receipts nothing written for another); the start when the sink is now
   * shorter than the saved offset (a new sink) or the checkpoint exists but cannot be read or
   * parsed (receipts are idempotent, so again is harmless and never is not).
   */
  async load(sinkFile: string): Promise<number> {
    const size = await stat(sinkFile).then(
      (s) => s.size,
      () => 0,
    );
    if (!this.file) return size;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      // none yet: a new data folder; any other failure: the start, as the comment above says
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return size;
      console.warn(
        `local carrier: checkpoint unreadable, receipting the sink from its start: ${String(error)}`,
      );
      return 0;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return 0;
    }
    const parsed = checkpointSchema.safeParse(json);
    if (!parsed.success || parsed.data.offset > size) return 0;
    return parsed.data.offset;
  }

  /** Keep `offset` (written whole: a temporary file renamed over the old one), in call order. */
  save(offset: number): Promise<void> {
    const file = this.file;
    if (!file || offset === this.saved) return this.saving;
    this.saved = offset;
    this.saving = this.saving
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(`${file}.tmp`, JSON.stringify({ offset }));
        await rename(`${file}.tmp`, file);
      })
      .catch((error: unknown) => console.warn(`local carrier: checkpoint not saved: ${String(error)}`));
    return this.saving;
  }
}
