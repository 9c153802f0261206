/**
 * The air-raid alerts feed over HTTP: alerts.in.ua's active alerts, as its API documentation
 * describes them (https://devs.alerts.in.ua; the same text is mirrored in the README of
 * github.com/voiceapiai/ralertsinua; the official clients are `alerts-in-ua` on PyPI):
 *
 * - `GET https://api.alerts.in.ua/v1/alerts/active.json` with `Authorization: Bearer <token>`;
 * - the answer `{alerts: [{id, location_title, location_type (oblast | raion | city | hromada |
 *   unknown), started_at, finished_at, updated_at, alert_type (air_raid | artillery_shelling |
 *   urban_fights | chemical | nuclear), location_uid, location_oblast, location_oblast_uid,
 *   location_raion, notes, calculated}]}`; errors as `{message}`;
 * - 304 (not modified, to `If-Modified-Since` with the `Last-Modified` of the last answer), 401
 *   (token missing, wrong, revoked or expired), 403 (IP blocked or not served in the country),
 *   429 (the per-minute limit exceeded);
 * - limits: soft 8–10 requests a minute from one IP, hard 12; a token that keeps breaking them
 *   is blocked.
 *
 * What counts: `air_raid` alerts not finished; each location is read as our area through
 * alerts-in-ua-locations.ts (oblasts built in, raions and hromady from the deployment's table).
 * An alert at a location neither table knows is skipped, but its oblast (`location_oblast_uid`)
 * is kept (unmappedOblasts): the poll does not end a feed alert of a hromada in that oblast.
 * A 304 answers the last areas read. This adapter never asks more often than once every
 * MIN_INTERVAL_MS (8 a minute at most) and, after a 429, not before its `Retry-After` (60 s when
 * absent). Every failure — asked too soon, waiting after a 429, 401, 403, 5xx, a timeout, a body
 * that is not the documented shape (one alert malformed is enough) — throws: the poll then starts
 * and ends nothing (shared/app/air-raid/poll-air-raids.ts), so a failed poll never ends an alert.
 */
import { z } from 'zod';
import { type AirRaidArea, airRaidAreaSchema } from '../../domain/entities/air-raid-alert';
import type { AirRaidFeed } from '../../ports/air-raid-feed';
import { ALERTS_IN_UA_OBLASTS } from './alerts-in-ua-locations';
import { FeedGate, jsonOf, parseAnswer } from './feed-gate';

export { AirRaidFeedUnavailable, MIN_INTERVAL_MS, RATE_LIMITED_WAIT_MS } from './feed-gate';

const alertSchema = z.object({
  location_uid: z.union([z.string().min(1), z.number().int()]).transform(String),
  location_type: z.string().min(1),
  location_title: z.string().optional(),
  alert_type: z.string().min(1),
  finished_at: z.string().nullable().optional(),
  /** The oblast the location lies in (documented; read leniently, absent on an old answer). */
  location_oblast_uid: z
    .union([z.string().min(1), z.number().int()])
    .transform(String)
    .nullable()
    .optional()
    .catch(undefined),
});
const answerSchema = z.object({ alerts: z.array(alertSchema).max(10_000) });
type FeedAlert = z.infer<typeof alertSchema>;

const NAME = 'air-raid feed';

export interface HttpAirRaidFeedOptions {
  url: string;
  token: () => Promise<string>;
  /** The deployment's raion, city and hromada location ids (uid → KATOTTG code or hromada id). */
  areas?: Readonly<Record<string, string>>;
  /** A request that takes longer is given up (the next minute tries again). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Tests: the clock of the rate limit. */
  now?: () => number;
}

export class HttpAirRaidFeed implements AirRaidFeed {
  private readonly gate: FeedGate;
  private last: { areas: AirRaidArea[]; modified: string | undefined } | undefined;
  private unsure: string[] = [];
  constructor(private readonly options: HttpAirRaidFeedOptions) {
    this.gate = new FeedGate(NAME, options.token, options.now);
  }

  async activeAreas(): Promise<AirRaidArea[]> {
    this.gate.admit();
    const res = await this.get();
    if (res.status === 304 && this.last) return this.last.areas;
    await this.gate.check(res);
    const areas = this.read(await res.text());
    this.last = { areas, modified: res.headers.get('last-modified') ?? undefined };
    return areas;
  }

  private async get(): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.gate.secret()}`,
      accept: 'application/json',
    };
    if (this.last?.modified) headers['if-modified-since'] = this.last.modified;
    return (this.options.fetch ?? fetch)(this.options.url, {
      headers,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
  }

  /** The documented answer, whole, or an error: one malformed alert is enough to read none. */
  private read(text: string): AirRaidArea[] {
    const answer = parseAnswer(NAME, answerSchema, jsonOf(NAME, text));
    const areas: AirRaidArea[] = [];
    const unmapped: string[] = [];
    const unsure = new Set<string>();
    for (const alert of answer.alerts) {
      if (alert.alert_type !== 'air_raid' || alert.finished_at) continue;
      const area = areaOf(alert, this.options.areas ?? {});
      if (area) areas.push(area);
      else {
        unmapped.push(`${alert.location_type} ${alert.location_uid} ${alert.location_title ?? ''}`.trim());
        // a raion or hromada not in the table: its oblast's hromady cannot be told out of it
        const oblast = alert.location_oblast_uid
          ? ALERTS_IN_UA_OBLASTS[alert.location_oblast_uid]
          : undefined;
        if (oblast) unsure.add(oblast);
      }
    }
    this.gate.reportUnmapped(unmapped);
    this.unsure = [...unsure].sort();
    return areas;
  }

  /** The oblasts of the alerts the last answer read named at a location not mapped to an area. */
  unmappedOblasts(): readonly string[] {
    return this.unsure;
  }
}

/** Київ (31) and Севастополь (30): cities with the status of a region. */
const SPECIAL_STATUS_CITIES: ReadonlySet<string> = new Set(['30', '31']);

/** One alert's location as our area: undefined when neither table knows it. */
export function areaOf(alert: FeedAlert, table: Readonly<Record<string, string>>): AirRaidArea | undefined {
  const uid = alert.location_uid;
  const oblast = table[uid] ?? ALERTS_IN_UA_OBLASTS[uid];
  const pick = (level: AirRaidArea['level'], id: string | undefined) => {
    const area = id ? airRaidAreaSchema.safeParse({ level, id }) : undefined;
    return area?.success ? area.data : undefined;
  };
  switch (alert.location_type) {
    case 'oblast':
      return pick('oblast', oblast);
    case 'raion':
      return pick('raion', table[uid]);
    case 'city':
      // Київ and Севастополь are oblast-level; any other city is a hromada
      return SPECIAL_STATUS_CITIES.has(uid) ? pick('oblast', oblast) : pick('hromada', table[uid]);
    case 'hromada':
      return pick('hromada', table[uid]);
    default:
      return undefined;
  }
}
