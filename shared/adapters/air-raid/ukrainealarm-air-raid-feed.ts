/**
 * The air-raid alerts feed from ukrainealarm.com, the API behind the Ministry of Digital
 * Transformation's «Повітряна тривога» app. Its swagger page
 * (https://api.ukrainealarm.com/swagger/index.html) was not reachable from here; what follows is
 * what independent open-source clients of it agree on (github.com/PaulAnnekov/ukrainealarm and its
 * successor PaulAnnekov/uasiren, used by Home Assistant's `ukraine_alarm` integration;
 * github.com/user-sspmynxdvb/ua_alarm; github.com/J-A-A-M/ukraine_alarm_map):
 *
 * - base `https://api.ukrainealarm.com/api/v3`, the key in the `Authorization` header **as is**
 *   (no `Bearer` scheme: every client above sends the bare key), `accept: application/json`;
 * - `GET /alerts/status` → `{lastActionIndex}`: a number that changes whenever any alert starts or
 *   ends, for a cheap "anything new?" check. It is larger than 2^53 (a .NET tick count, per
 *   github.com/nazar-andriievych/Vidbiy), so it is read as digits from the text, never as a JS number
 *   (two different values would round to one and a change would be missed);
 * - `GET /alerts` → `[{regionId, regionType, regionName, regionEngName, lastUpdate, activeAlerts:
 *   [{regionId, regionType, type, lastUpdate}]}]`: the regions with an alert in force, with
 *   `regionType` State | District | Community (and CityOrVillage…) and `type` AIR | ARTILLERY |
 *   URBAN_FIGHTS | CHEMICAL | NUCLEAR | INFO | CUSTOM | UNKNOWN;
 * - `GET /regions` → `{states: [{regionId, regionName, regionType, regionChildIds: [...]}]}`: the tree
 *   of states, districts and communities (the ids of ukrainealarm-regions.ts and of the deployment's
 *   table come from it);
 * - no published rate limit was found (clients poll from every 3 s to every 10 s; Home Assistant's
 *   config flow treats a 429 as "rate limit"). This adapter asks `/alerts/status` once a poll (once
 *   a minute), `/alerts` when the index moved and at least every FULL_READ_EVERY_MS whatever the
 *   index says, `/regions` once a day (again after REGION_TREE_RETRY_MS when an alert names a
 *   region the tree lacks), never polls twice within MIN_INTERVAL_MS, and after a 429 waits its
 *   `Retry-After` (60 s when absent).
 *
 * What counts: a region with an active alert of type AIR. Artillery, street fighting, chemical,
 * nuclear, information and custom alerts do not pause routes (as with alerts.in.ua: a dispatcher
 * can still press «Тривога»). Each region is read as our area by its type: a State by the built-in
 * oblast table (or the deployment's table: a city listed as a state), a District as a raion by the
 * deployment's table, anything below as a hromada by that table. An AIR alert at a region neither
 * table knows is skipped and logged; its oblast (looked up in the `/regions` tree) is kept
 * (unmappedOblasts), so the poll does not end a feed alert of a hromada in that oblast. A region
 * the cached tree lacks (the provider re-divided its regions in November 2025, and may again) makes
 * the tree be read again, at most once per REGION_TREE_RETRY_MS; still unknown, its oblast cannot
 * be told, so every oblast is unsure: the poll ends no feed alert anywhere, yet an alert at a
 * region it can place still starts (failing the whole poll would keep a new raid from starting).
 *
 * Every failure — asked too soon, waiting after a 429, 401, 403, 5xx, a timeout, a body that is not
 * the shape above (one region malformed is enough; the error names the zod path), the tree
 * unreadable when it is needed — throws: the poll then starts and ends nothing
 * (shared/app/air-raid/poll-air-raids.ts), so a failed poll never ends an alert.
 */
import { z } from 'zod';
import { type AirRaidArea, airRaidAreaSchema } from '../../domain/entities/air-raid-alert';
import type { AirRaidFeed } from '../../ports/air-raid-feed';
import { AirRaidFeedUnavailable, FeedGate, jsonOf, parseAnswer } from './feed-gate';
import { UKRAINEALARM_OBLASTS, UKRAINEALARM_TEST_REGION } from './ukrainealarm-regions';

export const UKRAINEALARM_BASE_URL = 'https://api.ukrainealarm.com';
/** The region tree is read again after this long (regions are renamed or split rarely). */
export const REGION_TREE_MAX_AGE_MS = 24 * 3600_000;
/** The tree is read again this soon when an alert names a region it lacks (a new or moved one). */
export const REGION_TREE_RETRY_MS = 10 * 60_000;
/** The full list is read at least this often, even when the status index has not moved. */
export const FULL_READ_EVERY_MS = 10 * 60_000;

const NAME = 'ukrainealarm feed';
const regionIdSchema = z.union([z.string().min(1).max(20), z.number().int().min(0)]).transform(String);

/** A number past 2^53 (zod's `int()` would refuse it): its digits are taken from the text. */
const statusSchema = z.object({
  lastActionIndex: z.union([z.number(), z.string().regex(/^-?\d{1,30}$/)]),
});
const activeAlertSchema = z.object({
  type: z.string().min(1),
  regionId: regionIdSchema.nullable().optional(),
  lastUpdate: z.string().nullable().optional(),
});
const regionAlertsSchema = z.object({
  regionId: regionIdSchema,
  regionType: z.string().nullable().optional(),
  regionName: z.string().nullable().optional(),
  activeAlerts: z.array(activeAlertSchema).max(50).nullable().optional(),
});
const alertsSchema = z.array(regionAlertsSchema).max(20_000);
export type UkrainealarmRegionAlerts = z.infer<typeof regionAlertsSchema>;

interface RegionNode {
  regionId: string;
  regionChildIds?: RegionNode[] | null | undefined;
}
const regionNodeSchema: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({
    regionId: regionIdSchema,
    regionType: z.string().nullable().optional(),
    regionChildIds: z.array(regionNodeSchema).max(5_000).nullable().optional(),
  }),
);
const regionsSchema = z.object({ states: z.array(regionNodeSchema).min(1).max(100) });

export interface UkrainealarmAirRaidFeedOptions {
  /** https://api.ukrainealarm.com unless told (a test stub). */
  baseUrl?: string;
  token: () => Promise<string>;
  /** The deployment's district, community and city region ids (regionId → KATOTTG code or hromada id). */
  areas?: Readonly<Record<string, string>>;
  /** A request that takes longer is given up (the next minute tries again). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Tests: the clock of the rate limit and of the tree's age. */
  now?: () => number;
}

interface Reading {
  index: string;
  /** When the full list was read. */
  at: number;
  areas: AirRaidArea[];
  unsure: string[];
}

export class UkrainealarmAirRaidFeed implements AirRaidFeed {
  private readonly gate: FeedGate;
  private last: Reading | undefined;
  /** Each region id of the tree → the id of the state it lies in, and when it was read. */
  private tree: { stateOf: Map<string, string>; at: number } | undefined;

  constructor(private readonly options: UkrainealarmAirRaidFeedOptions) {
    this.gate = new FeedGate(NAME, options.token, options.now);
  }

  async activeAreas(): Promise<AirRaidArea[]> {
    const now = this.gate.admit();
    const index = await this.lastActionIndex();
    // the index short-cut, but never for long: a change the index missed shows within minutes
    if (this.last?.index === index && now - this.last.at < FULL_READ_EVERY_MS) return this.last.areas;
    const regions = parseAnswer(NAME, alertsSchema, jsonOf(NAME, await this.get('/api/v3/alerts')));
    const reading = { ...(await this.read(index, regions)), at: now };
    this.last = reading;
    return reading.areas;
  }

  /** After activeAreas: the oblasts of AIR alerts at regions not mapped to an area. */
  unmappedOblasts(): readonly string[] {
    return this.last?.unsure ?? [];
  }

  /** `/alerts/status`: the index as its exact digits. */
  private async lastActionIndex(): Promise<string> {
    const text = await this.get('/api/v3/alerts/status');
    const status = parseAnswer(NAME, statusSchema, jsonOf(NAME, text));
    if (typeof status.lastActionIndex === 'string') return status.lastActionIndex;
    const digits = /"lastActionIndex"\s*:\s*(-?\d+)\s*[,}]/.exec(text)?.[1];
    if (!digits) throw new AirRaidFeedUnavailable(`${NAME}: lastActionIndex is not an integer`);
    return digits;
  }

  private async read(index: string, regions: UkrainealarmRegionAlerts[]): Promise<Omit<Reading, 'at'>> {
    const table = this.options.areas ?? {};
    const areas: AirRaidArea[] = [];
    const unmapped: UkrainealarmRegionAlerts[] = [];
    for (const region of regions) {
      if (region.regionId === UKRAINEALARM_TEST_REGION) continue;
      if (!region.activeAlerts?.some((alert) => alert.type === 'AIR')) continue;
      const area = ukrainealarmAreaOf(region, table);
      if (area) areas.push(area);
      else unmapped.push(region);
    }
    this.gate.reportUnmapped(
      unmapped.map((r) => `${r.regionType ?? '?'} ${r.regionId} ${r.regionName ?? ''}`.trim()),
    );
    return { index, areas, unsure: await this.oblastsOf(unmapped) };
  }

  /**
   * The oblasts (KATOTTG) the unmapped regions lie in, by the region tree: read again (at most
   * once per REGION_TREE_RETRY_MS) when it lacks one of them; every oblast while one is still
   * unknown.
   */
  private async oblastsOf(unmapped: UkrainealarmRegionAlerts[]): Promise<string[]> {
    if (unmapped.length === 0) return [];
    const missing = (tree: Map<string, string>) => unmapped.filter((r) => !tree.has(r.regionId));
    let stateOf = await this.regionTree(REGION_TREE_MAX_AGE_MS);
    if (missing(stateOf).length > 0) stateOf = await this.regionTree(REGION_TREE_RETRY_MS);
    // still unknown: its oblast cannot be told, so no feed alert anywhere is ended by this reading
    // (every oblast unsure), while alerts at the regions it can place still start
    if (missing(stateOf).length > 0) return [...new Set(Object.values(UKRAINEALARM_OBLASTS))].sort();
    const oblasts = new Set<string>();
    for (const region of unmapped) {
      const oblast = UKRAINEALARM_OBLASTS[stateOf.get(region.regionId) ?? region.regionId];
      if (oblast) oblasts.add(oblast);
    }
    return [...oblasts].sort();
  }

  /** The tree as cached, or read again when it is `maxAgeMs` old. */
  private async regionTree(maxAgeMs: number): Promise<Map<string, string>> {
    const now = (this.options.now ?? Date.now)();
    if (this.tree && now - this.tree.at < maxAgeMs) return this.tree.stateOf;
    const answer = parseAnswer(NAME, regionsSchema, jsonOf(NAME, await this.get('/api/v3/regions')));
    const stateOf = new Map<string, string>();
    const walk = (node: RegionNode, state: string) => {
      stateOf.set(node.regionId, state);
      for (const child of node.regionChildIds ?? []) walk(child, state);
    };
    for (const state of answer.states) walk(state, state.regionId);
    this.tree = { stateOf, at: now };
    return stateOf;
  }

  /** One GET with the key as it is; the body's text, or AirRaidFeedUnavailable. */
  private async get(path: string): Promise<string> {
    const base = (this.options.baseUrl ?? UKRAINEALARM_BASE_URL).replace(/\/+$/, '');
    const res = await (this.options.fetch ?? fetch)(`${base}${path}`, {
      headers: { authorization: await this.gate.secret(), accept: 'application/json' },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
    await this.gate.check(res);
    return res.text();
  }
}

/**
 * One region under alert as our area: a State by the built-in oblast table (the deployment's
 * table may name it instead, as a hromada: a city listed among the states); a District as a raion,
 * and anything below it (Community, CityOrVillage…) as a hromada, by the deployment's table.
 * Undefined when no table knows it.
 */
export function ukrainealarmAreaOf(
  region: Pick<UkrainealarmRegionAlerts, 'regionId' | 'regionType'>,
  table: Readonly<Record<string, string>>,
): AirRaidArea | undefined {
  const id = region.regionId;
  const pick = (level: AirRaidArea['level'], areaId: string | undefined) => {
    const area = areaId ? airRaidAreaSchema.safeParse({ level, id: areaId }) : undefined;
    return area?.success ? area.data : undefined;
  };
  switch (region.regionType) {
    case 'State':
      return UKRAINEALARM_OBLASTS[id]
        ? pick('oblast', table[id] ?? UKRAINEALARM_OBLASTS[id])
        : pick('hromada', table[id]);
    case 'District':
      return pick('raion', table[id]);
    default:
      return pick('hromada', table[id]);
  }
}
