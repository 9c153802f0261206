/**
 * Every minute (the `poll-air-raids` function; the local scheduler): the feed's areas under an
 * alert now are matched to each hromada (air-raid-area.ts). A hromada newly covered gets an alert
 * started by the feed; one the feed started and no longer covers sees it ended; a dispatcher's
 * alert is ended only by a dispatcher. Every alert in force then shifts its stops by its duration
 * so far (shift-stops.ts), and past midnight the later day's routes wait for it
 * (hold-due-routes.ts). A feed that cannot be read ends nothing and starts nothing, but the
 * shifts still run.
 */
import type { AirRaidArea } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { AirRaidFeed } from '../../ports/air-raid-feed';
import type { Ports } from '../../ports/ports';
import { covers } from './air-raid-area';
import { endAirRaid } from './end-air-raid';
import { holdDueRoutes } from './hold-due-routes';
import { shiftStops } from './shift-stops';
import { startAirRaid } from './start-air-raid';

export interface PollRun {
  started: number;
  ended: number;
  shifted: number;
  /** The feed could not be read (its error, for the log). */
  feedError?: string;
}

const FEED = 'system:air-raid-feed';

export async function pollAirRaids(
  ports: Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>,
  feed: AirRaidFeed,
): Promise<PollRun> {
  const run: PollRun = { started: 0, ended: 0, shifted: 0 };
  let areas: AirRaidArea[] | undefined;
  try {
    areas = await feed.activeAreas();
  } catch (error) {
    run.feedError = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
  }
  for (const hromada of await allHromady(ports)) {
    let active = await ports.entities.airRaids.active(hromada.id);
    const area = areas?.find((a) => covers(a, hromada));
    if (areas && area && !active) {
      const { alert, started } = await startAirRaid(ports, hromada, area, 'feed', FEED);
      if (started) run.started++;
      active = alert;
    } else if (areas && !area && active?.source === 'feed') {
      await endAirRaid(ports, hromada, FEED);
      run.ended++;
      continue;
    }
    if (!active) continue;
    const after = await holdDueRoutes(ports, hromada, await shiftStops(ports, hromada, active));
    if (after.version !== active.version) run.shifted++;
  }
  return run;
}

async function allHromady(ports: Pick<Ports, 'entities'>): Promise<Hromada[]> {
  const all: Hromada[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.entities.hromady.list({ limit: 100, cursor });
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}
