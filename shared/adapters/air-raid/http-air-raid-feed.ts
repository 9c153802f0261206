/**
 * The air-raid alerts feed over HTTP: a GET of `url` with `Authorization: Bearer <token>` (the
 * token read from the secret store on first use), answering the areas under an alert now. The
 * answer's shape is modelled on alerts.in.ua's active alerts (`{alerts: [{location_uid,
 * location_type, alert_type, finished_at}]}`); only air-raid alerts not finished count, and a
 * location type other than oblast, raion or hromada (a city) is read as a hromada. Check the shape
 * against the provider's current documentation before going live.
 */
import { z } from 'zod';
import { type AirRaidArea, airRaidAreaSchema } from '../../domain/entities/air-raid-alert';
import type { AirRaidFeed } from '../../ports/air-raid-feed';

const answerSchema = z.object({
  alerts: z
    .array(
      z.object({
        location_uid: z.union([z.string(), z.number()]).transform(String),
        location_type: z.string(),
        alert_type: z.string().default('air_raid'),
        finished_at: z.string().nullable().optional(),
      }),
    )
    .max(10_000),
});

const LEVELS: Record<string, AirRaidArea['level']> = { oblast: 'oblast', raion: 'raion', hromada: 'hromada' };

export interface HttpAirRaidFeedOptions {
  url: string;
  token: () => Promise<string>;
  /** A request that takes longer is given up (the next minute tries again). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class HttpAirRaidFeed implements AirRaidFeed {
  private token: Promise<string> | undefined;
  constructor(private readonly options: HttpAirRaidFeedOptions) {}

  async activeAreas(): Promise<AirRaidArea[]> {
    this.token ??= this.options.token().catch((error: unknown) => {
      this.token = undefined;
      throw error;
    });
    const res = await (this.options.fetch ?? fetch)(this.options.url, {
      headers: { authorization: `Bearer ${await this.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
    if (!res.ok) throw new Error(`air-raid feed answered ${res.status}`);
    const answer = answerSchema.parse(await res.json());
    return answer.alerts
      .filter((a) => a.alert_type === 'air_raid' && !a.finished_at)
      .flatMap((a) => {
        const area = airRaidAreaSchema.safeParse({
          level: LEVELS[a.location_type] ?? 'hromada',
          id: a.location_uid,
        });
        return area.success ? [area.data] : [];
      });
  }
}
