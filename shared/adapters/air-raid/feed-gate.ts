/**
 * What every HTTP air-raid feed shares, whoever answers it (alerts.in.ua, ukrainealarm.com): the
 * pace of its requests (never twice within MIN_INTERVAL_MS; after a 429 not before its
 * `Retry-After`), its token (read once from the secret store, read again after a 401 or 403), the
 * reading of a non-200 answer as AirRaidFeedUnavailable, and the log of the locations its table
 * does not know. A poll that meets any of these throws, so it starts and ends nothing.
 */
import { z } from 'zod';
import { logger } from '../../observability/logger';

/** The least time between two polls of one feed: 8 a minute. */
export const MIN_INTERVAL_MS = 7_500;
/** After a 429 without `Retry-After`. */
export const RATE_LIMITED_WAIT_MS = 60_000;

export class AirRaidFeedUnavailable extends Error {}

export class FeedGate {
  private token: Promise<string> | undefined;
  private askedAt = Number.NEGATIVE_INFINITY;
  private waitUntil = 0;
  private unmappedSeen = '';

  constructor(
    private readonly name: string,
    private readonly readToken: () => Promise<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A poll may ask now (throws when asked too soon, or while waiting after a 429). */
  admit(): number {
    const now = this.now();
    if (now < this.waitUntil)
      throw new AirRaidFeedUnavailable(
        `${this.name}: rate-limited until ${new Date(this.waitUntil).toISOString()}`,
      );
    if (now - this.askedAt < MIN_INTERVAL_MS)
      throw new AirRaidFeedUnavailable(`${this.name}: asked again too soon (at most 8 polls a minute)`);
    this.askedAt = now;
    return now;
  }

  /** The token, from the secret store once (again after a failed read, a 401 or a 403). */
  secret(): Promise<string> {
    this.token ??= this.readToken().catch((error: unknown) => {
      this.token = undefined;
      throw error;
    });
    return this.token;
  }

  /**
   * Reads the answer's status: a 429 sets the wait, a 401 or 403 drops the token; anything but
   * `ok` (200 unless told) throws with the status and the provider's reason.
   */
  async check(res: Response, ok: readonly number[] = [200]): Promise<void> {
    if (res.status === 429) {
      const seconds = Number(res.headers.get('retry-after'));
      this.waitUntil =
        this.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : RATE_LIMITED_WAIT_MS);
    }
    // a rotated or revoked token: read it from the secret store again next time
    if (res.status === 401 || res.status === 403) this.token = undefined;
    if (!ok.includes(res.status))
      throw new AirRaidFeedUnavailable(`${this.name} answered ${res.status}${await reasonOf(res)}`);
  }

  /** Locations the tables do not know: logged once each time the list changes. */
  reportUnmapped(unmapped: string[]) {
    const key = [...unmapped].sort().join('|');
    if (key && key !== this.unmappedSeen)
      logger.warn(`${this.name}: locations not mapped to an area`, { unmapped: unmapped.slice(0, 50) });
    this.unmappedSeen = key;
  }
}

/** A body as JSON, or AirRaidFeedUnavailable. */
export function jsonOf(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AirRaidFeedUnavailable(`${name}: the answer is not JSON`);
  }
}

/** The documented shape, whole, or AirRaidFeedUnavailable naming where it differs (the zod path). */
export function parseAnswer<T extends z.ZodType>(name: string, schema: T, json: unknown): z.output<T> {
  const answer = schema.safeParse(json);
  if (answer.success) return answer.data;
  const issue = answer.error.issues[0];
  const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new AirRaidFeedUnavailable(`${name}: unexpected answer${at} (${issue?.message})`);
}

/** The provider's reason for an error answer (`{message}`), at most 120 characters. */
async function reasonOf(res: Response): Promise<string> {
  try {
    const body = z.object({ message: z.string() }).safeParse(await res.json());
    return body.success ? `: ${body.data.message.slice(0, 120)}` : '';
  } catch {
    return '';
  }
}
