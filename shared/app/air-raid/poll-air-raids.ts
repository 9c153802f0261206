/**
 * Every minute (the `poll-air-raids` function; the local scheduler): the feed's areas under an
 * alert now are matched to each hromada (air-raid-area.ts). A hromada newly covered gets an alert
 * started by the feed; one the feed started and no longer covers sees it ended; a dispatcher's
 * alert is ended only by a dispatcher, or when the alert it was spread from has ended
 * (anchor-ended.ts). Every alert in force then shifts its stops by its duration
 * so far (shift-stops.ts), a later day it lasted wholly is handed over once its midnight passed
 * (days-over.ts), and past midnight the later day's routes wait for it (hold-due-routes.ts). A feed that cannot be read ends nothing and starts nothing, but the
 * shifts still run.
 */
import type { AirRaidArea } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { AirRaidFeed } from '../../ports/air-raid-feed';
import type { Ports } from '../../ports/ports';
import { readAllHromady } from '../all-hromady';
import { covers } from './air-raid-area';
import { endWhenAnchorEnded } from './anchor-ended';
import { closeDaysOver } from './days-over';
import { endAirRaid, finishEnd } from './end-air-raid';
import { holdDueRoutes } from './hold-due-routes';
import { shiftStops } from './shift-stops';
import { startAirRaid } from './start-air-raid';

export interface PollRun {
  started: number;
  ended: number;
  shifted: number;
  /** Ends a fault had interrupted, finished now (end-steps.ts). */
  resumed: number;
  /**
   * Hromady whose feed alert was kept although the feed no longer names their area: an alert
   * inside their oblast names a location the adapter could not map (a raion not in the table).
   */
  unsure: string[];
  /** Hromady this run could not handle (the others were): the id and the error, for the log. */
  failures: Array<{ hromadaId: string; error: string }>;
  /** The feed could not be read (its error, for the log). */
  feedError?: string;
}

const FEED = 'system:air-raid-feed';
type PollPorts = Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>;

export async function pollAirRaids(ports: PollPorts, feed: AirRaidFeed): Promise<PollRun> {
  const run: PollRun = { started: 0, ended: 0, shifted: 0, resumed: 0, unsure: [], failures: [] };
  let areas: AirRaidArea[] | undefined;
  try {
    areas = await feed.activeAreas();
  } catch (error) {
    run.feedError = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
  }
  const unsure = new Set(areas ? (feed.unmappedOblasts?.() ?? []) : []);
  // one hromada's fault (storage throttled, the solver) never keeps the others waiting
  for (const hromada of await readAllHromady(ports)) {
    try {
      await pollHromada(ports, hromada, areas, unsure, run);
    } catch (error) {
      run.failures.push({ hromadaId: hromada.id, error: errorText(error) });
    }
  }
  return run;
}

async function pollHromada(
  ports: PollPorts,
  hromada: Hromada,
  areas: AirRaidArea[] | undefined,
  unsure: ReadonlySet<string>,
  run: PollRun,
): Promise<void> {
  // the newest alert is the only one that may be in force, or have its end unfinished
  const [newest] = (await ports.entities.airRaids.list(hromada.id, { limit: 1 })).items;
  if (newest?.endedAt !== undefined && newest.ending) {
    try {
      const done = await finishEnd(
        ports,
        hromada,
        { ...newest, endedAt: newest.endedAt },
        newest.endedBy ?? FEED,
      );
      // another finisher at it (a new «Тривога», «Відбій»): not this run's
      if (!done.ending) run.resumed++;
    } catch (error) {
      // still unfinished: tried again next minute; a new alert may still start meanwhile
      run.failures.push({ hromadaId: hromada.id, error: `end unfinished: ${errorText(error)}` });
    }
  }
  let active = newest && newest.endedAt === undefined ? newest : undefined;
  // spread from another hromada's alert now over (anchor-ended.ts): it ends with it
  if (active && (await endWhenAnchorEnded(ports, hromada, active))) {
    run.ended++;
    active = undefined;
  }
  const area = areas?.find((a) => covers(a, hromada));
  if (areas && area && !active) {
    const { alert, started } = await startAirRaid(ports, hromada, area, 'feed', FEED);
    if (started) run.started++;
    active = alert;
  } else if (areas && !area && active?.source === 'feed') {
    // its raion may still be under an alert the adapter could not name: unknown, not over
    if (hromada.oblastId && unsure.has(hromada.oblastId)) run.unsure.push(hromada.id);
    else {
      await endAirRaid(ports, hromada, FEED);
      run.ended++;
      return;
    }
  }
  if (!active) return;
  // a later day over since the last minute is handed over before today's routes are held
  const shifted = await shiftStops(ports, hromada, active);
  // «Відбій» came in meanwhile (read back after a conflict): its end does the rest
  if (shifted.endedAt !== undefined) return;
  const closed = await closeDaysOver(ports, hromada, shifted);
  const after = await holdDueRoutes(ports, hromada, closed);
  if (after.version !== active.version) run.shifted++;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message.slice(0, 200) : 'failed');
